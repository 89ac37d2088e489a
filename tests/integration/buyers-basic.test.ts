import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiFailure, invoke } from '../../main/api/invoke';
import { allCountryCodes } from '../../main/buyers/countries';
import { regionOf, REGIONS } from '../../main/buyers/regions';
import { tempCore } from '../helpers/tempCore';

describe('buyers: the record', () => {
  let core: ReturnType<typeof tempCore>;
  beforeEach(() => {
    core = tempCore();
  });
  afterEach(() => core.remove());

  it('stores a local Egyptian number as E.164 and gives a WhatsApp link', async () => {
    const b = await invoke(core, 'buyers.create', { company: 'Cairo Star', country: 'EG', contacts: [{ name: 'أحمد مصطفى', whatsapp: '0100 123 4567' }] });
    expect(b.contacts[0]).toMatchObject({ whatsapp: '+201001234567', whatsappLink: 'https://wa.me/201001234567' });
    expect(b.region).toBe('africa');
  });

  it('names the field for an empty company, an unknown country or a bad phone', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ company: '  ', country: 'EG' }, 'company'],
      [{ company: 'X', country: 'XX' }, 'country'],
      [{ company: 'X', country: 'EG', contacts: [{ phone: '+20 12' }] }, 'contacts.0.phone'],
      [{ company: 'X', country: 'EG', currency: 'EGX' }, 'currency'],
    ];
    for (const [input, field] of cases) {
      const error = (await invoke(core, 'buyers.create', input as never).catch((e: unknown) => e)) as ApiFailure;
      expect(error.error, field).toMatchObject({ code: 'invalid_input', field });
    }
  });

  it('lists buyers of one region', async () => {
    await invoke(core, 'buyers.create', { company: 'Lagos Mega', country: 'NG' });
    await invoke(core, 'buyers.create', { company: 'Dubai Trading', country: 'AE' });
    const africa = await invoke(core, 'buyers.list', { region: 'africa' });
    expect(africa.items.map((b) => b.company)).toEqual(['Lagos Mega']);
  });

  it('maps every ISO country to exactly one region', () => {
    const listed = Object.values(REGIONS).flatMap((r) => r.split(' '));
    expect(new Set(listed).size).toBe(listed.length);
    for (const code of allCountryCodes()) expect(listed, code).toContain(code);
    expect(regionOf('EG')).toBe('africa');
    expect(regionOf('AE')).toBe('middle_east');
    expect(regionOf('RU')).toBe('cis');
  });
});
