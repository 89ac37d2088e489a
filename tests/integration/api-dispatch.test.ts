import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callMethod, describeMethods } from '../../main/api/dispatch';
import { apiTable } from '../../main/api/table';
import { tempCore } from '../helpers/tempCore';

const owner = { session: { role: 'owner' as const } };

describe('the API table', () => {
  const core = tempCore();
  afterAll(() => core.remove());
  beforeAll(() => undefined);

  it('names every method <area>.<verb>', () => {
    for (const name of Object.keys(apiTable)) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('describes every method with a summary and an input JSON schema', () => {
    const methods = describeMethods();
    expect(methods.length).toBe(Object.keys(apiTable).length);
    for (const m of methods) {
      expect(m.summary.length, m.name).toBeGreaterThan(10);
      expect(m.input, m.name).toHaveProperty('$schema');
    }
  });

  it('answers an unknown method with unknown_method, also for prototype names', async () => {
    for (const name of ['nope.nope', 'constructor', '__proto__', 'toString', '']) {
      const outcome = await callMethod(core, name, {}, owner);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('rejects an unknown field in the input of every method, naming the field', async () => {
    for (const name of Object.keys(apiTable)) {
      const outcome = await callMethod(core, name, { notAField: 1 }, owner);
      expect(outcome.ok, name).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error.code, name).toBe('invalid_input');
        expect(outcome.error.field, name).toBeTruthy();
        expect(outcome.error.message, name).toContain(outcome.error.field as string);
      }
    }
  });

  it('rejects input that is not an object for every method with a structured error', async () => {
    for (const name of Object.keys(apiTable)) {
      for (const bad of [42, 'text', [1, 2], true]) {
        const outcome = await callMethod(core, name, bad, owner);
        expect(outcome.ok, `${name} ${JSON.stringify(bad)}`).toBe(false);
        if (!outcome.ok) expect(outcome.error.code).toBe('invalid_input');
      }
    }
  });

  it('gives messages in Chinese when the caller asks for zh', async () => {
    const outcome = await callMethod(core, 'buyers.create', { company: '', country: 'EG' }, { ...owner, locale: 'zh' });
    expect(outcome).toEqual({ ok: false, error: { code: 'invalid_input', field: 'company', message: 'company：不能为空' } });
  });

  it('keeps owner-only methods from staff', async () => {
    const outcome = await callMethod(core, 'settings.update', { seller: { companyNameEn: 'X' } }, { session: { role: 'staff' } });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('writes nothing when a handler fails halfway', async () => {
    const first = await callMethod(core, 'buyers.create', { company: 'Kept', country: 'NG', contacts: [{ phone: '08031234567' }] }, owner);
    expect(first.ok).toBe(true);
    const count = () => (core.db.prepare('SELECT count(*) AS n FROM buyers').get() as { n: number }).n;
    const before = count();
    // The buyer row is inserted before the second contact's phone fails validation.
    const outcome = await callMethod(
      core,
      'buyers.create',
      { company: 'Half', country: 'NG', contacts: [{ phone: '08031234567' }, { phone: '12' }] },
      owner,
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'contacts.1.phone' } });
    expect(count()).toBe(before);
  });
});
