/**
 * Random inputs for an API method, from the JSON schema of its zod input
 * (what GET /api publishes): mostly inputs of the right shape with random
 * values (so handlers run, not only validation), some with one part
 * replaced by something hostile, and some entirely random values.
 */
import fc from 'fast-check';

type Schema = Record<string, unknown>;

/** Values that break naive code: wrong types, edges of numbers, odd text, path tricks, prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    '',
    ' ',
    '\u0000',
    '\uFEFF1',
    '0',
    '-0',
    '1e309',
    'NaN',
    '１２３４',
    '٣٤٥٦',
    '12.345678901234567890',
    '-99999999999999999999.99',
    '../../../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '%2e%2e%2f',
    '/',
    'C:\\',
    "'; DROP TABLE products; --",
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
    'a'.repeat(5000),
    '😀'.repeat(50),
    0,
    -1,
    -0,
    1.5,
    2 ** 31,
    2 ** 53,
    -(2 ** 53),
    Number.MAX_VALUE,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    false,
    [],
    {},
    [[[[[]]]]],
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__": {"polluted": true}}'),
  ),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
);

const decimalText = fc.stringMatching(/^-?\d{1,7}(\.\d{1,6})?$/, { maxLength: 16 });

function stringArb(s: Schema): fc.Arbitrary<string> {
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = Math.min(typeof s.maxLength === 'number' ? s.maxLength : 60, 60);
  const options: Array<fc.Arbitrary<string>> = [fc.string({ minLength: min, maxLength: Math.max(min, max) })];
  if (typeof s.pattern === 'string') {
    try {
      options.push(fc.stringMatching(new RegExp(s.pattern), { maxLength: Math.max(max, 16) }));
    } catch {
      // a pattern fast-check cannot generate from
    }
  }
  if (s.format === 'email') options.push(fc.emailAddress());
  options.push(decimalText, fc.constantFrom('EG', 'NG', 'AE', 'CN', 'USD', 'CNY', 'en', 'zh'), fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,19}$/), fc.stringMatching(/^\+?\d{6,14}$/));
  return fc.oneof(...options);
}

function numberArb(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const low = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + (integer ? 1 : 0.001) : -1e6;
  const high = typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - (integer ? 1 : 0.001) : 1e6;
  const min = Math.max(low, -1e9);
  const max = Math.min(high, 1e9);
  return integer
    ? fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.integer({ min: Math.ceil(min), max: Math.min(Math.floor(max), Math.ceil(min) + 5) }))
    : fc.double({ min, max, noNaN: true });
}

/** Values of (roughly) the schema's shape. */
export function shapedValue(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const s = (schema ?? {}) as Schema;
  if (depth > 6) return fc.constant(null);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const alternatives = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives)) return fc.oneof(...alternatives.map((a) => shapedValue(a, depth + 1)));
  switch (s.type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, unknown>;
      const required = (s.required ?? []) as string[];
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(props)) model[key] = shapedValue(sub, depth + 1);
      const requiredKeys = required.filter((k) => k in model);
      const minimal: Record<string, fc.Arbitrary<unknown>> = {};
      for (const key of requiredKeys) minimal[key] = model[key] as fc.Arbitrary<unknown>;
      // Also just the required fields: fewer optional fields to get wrong, so more calls reach the handler.
      return fc.oneof(fc.record(model, { requiredKeys }), fc.record(minimal));
    }
    case 'array': {
      const maxItems = Math.min(typeof s.maxItems === 'number' ? s.maxItems : 4, 4);
      const minItems = Math.min(typeof s.minItems === 'number' ? s.minItems : 0, maxItems);
      return fc.array(shapedValue(s.items, depth + 1), { minLength: minItems, maxLength: maxItems });
    }
    case 'string':
      return stringArb(s);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Replaces, deletes or adds one part of a value, at a random depth. */
function mutate(value: unknown, picks: number[], hostile: unknown, how: 'replace' | 'delete' | 'add'): unknown {
  if (value === null || typeof value !== 'object') return hostile;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const [pick = 0, ...rest] = picks;
  if (keys.length === 0 || how === 'add' && rest.length === 0) {
    (copy as Record<string, unknown>)[`unexpected${pick % 3}`] = hostile;
    return copy;
  }
  const key = keys[pick % keys.length] as string;
  const inner = (copy as Record<string, unknown>)[key];
  if (rest.length > 0 && inner !== null && typeof inner === 'object') {
    (copy as Record<string, unknown>)[key] = mutate(inner, rest, hostile, how);
  } else if (how === 'delete') {
    delete (copy as Record<string, unknown>)[key];
  } else {
    (copy as Record<string, unknown>)[key] = hostile;
  }
  return copy;
}

/** The inputs the fuzzer sends to one method. */
export function methodInput(schema: unknown): fc.Arbitrary<unknown> {
  const shaped = shapedValue(schema);
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    {
      weight: 4,
      arbitrary: fc
        .tuple(shaped, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), hostileValue, fc.constantFrom<'replace' | 'delete' | 'add'>('replace', 'delete', 'add'))
        .map(([value, picks, hostile, how]) => mutate(value, picks, hostile, how)),
    },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }) },
    { weight: 1, arbitrary: hostileValue },
  );
}
