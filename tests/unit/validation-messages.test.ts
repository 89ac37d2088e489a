import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { zodToApiError } from '../../main/errors/validation';

function errorFor(schema: z.ZodType, input: unknown, locale: 'en' | 'zh' = 'en') {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a validation error');
  return zodToApiError(result.error, locale);
}

describe('validation messages', () => {
  it('say which field is missing', () => {
    expect(errorFor(z.object({ company: z.string() }), {})).toEqual({ code: 'invalid_input', field: 'company', message: 'company: is required' });
  });

  it('explain an email that is neither empty nor valid as a bad email', () => {
    const schema = z.object({ email: z.union([z.literal(''), z.email()]) });
    expect(errorFor(schema, { email: 'not-an-email' }).message).toBe('email: is not a valid email address');
  });

  it('name nested fields with their full path', () => {
    const schema = z.object({ contacts: z.array(z.object({ name: z.string().max(3) })) });
    expect(errorFor(schema, { contacts: [{ name: 'ok' }, { name: 'too long' }] })).toMatchObject({
      field: 'contacts.1.name',
      message: 'contacts.1.name: must be at most 3 characters',
    });
  });

  it('name an unknown field', () => {
    expect(errorFor(z.strictObject({ a: z.string() }), { a: 'x', b: 1 })).toMatchObject({ field: 'b', message: 'b: is not a known field' });
  });

  it('speak Chinese when asked', () => {
    expect(errorFor(z.object({ qty: z.number().int().min(1) }), { qty: 0 }, 'zh').message).toBe('qty：不能小于 1');
  });
});
