import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { docLanguageOf } from '../../main/buyers/walkIn';
import { countryOfNumber } from '../../main/phones/country';
import { tempCore } from '../helpers/tempCore';

describe('a walk-in buyer from a WhatsApp number, and numbers outside the known ranges', () => {
  let core: ReturnType<typeof tempCore>;
  beforeEach(async () => {
    core = tempCore();
    await invoke(core, 'settings.update', { defaults: { defaultCurrency: 'USD' } });
    await invoke(core, 'rates.set', { currency: 'USD', cnyPerUnit: '7.1234' });
    await invoke(core, 'rates.set', { currency: 'AED', cnyPerUnit: '1.9395' });
    await invoke(core, 'rates.set', { currency: 'RUB', cnyPerUnit: '0.0781' });
  });
  afterEach(() => core.remove());

  it('takes the country from the calling code, shared codes by their number range', () => {
    expect(['+971 50 123 4567', '00234 803 123 4567', '+7 701 123 4567', '+7 912 345 67 89', '+1 212 555 0100', '+86 174 1234 5678', '0803 123 4567'].map(countryOfNumber)).toEqual([
      'AE', 'NG', 'KZ', 'RU', 'US', 'CN', null,
    ]);
  });

  it('derives the document language from the country', () => {
    expect(['AE', 'SA', 'EG', 'RU', 'KZ', 'BY', 'ES', 'MX', 'CO', 'FR', 'SN', 'CI', 'BR', 'PT', 'AO', 'NG', 'IN', 'IR'].map(docLanguageOf)).toEqual([
      'ar', 'ar', 'ar', 'ru', 'ru', 'ru', 'es', 'es', 'es', 'fr', 'fr', 'fr', 'pt', 'pt', 'pt', 'en', 'en', 'en',
    ]);
  });

  it('starts a quotation for a buyer given only a WhatsApp number: country, Arabic documents and the buyer\'s currency follow, the company can come later', async () => {
    const quote = await invoke(core, 'quotes.create', { newBuyer: { whatsapp: '+971 50 123 4567' } });
    expect(quote.currency).toBe('AED');
    const buyer = await invoke(core, 'buyers.get', { id: quote.buyer.id });
    expect(buyer).toMatchObject({ company: 'walk-in, +971 50 123 4567', country: 'AE', docLanguage: 'ar', currency: 'AED' });
    expect(buyer.contacts[0]).toMatchObject({ whatsapp: '+971501234567', phone: '+971501234567' });
    // A currency the stall has no rate for (NGN, KZT here) falls back to the stall's default.
    const lagos = await invoke(core, 'quotes.create', { newBuyer: { whatsapp: '+234 803 123 4567', company: 'Lagos Walk-in' } });
    expect(lagos.currency).toBe('USD');
    expect(await invoke(core, 'buyers.get', { id: lagos.buyer.id })).toMatchObject({ company: 'Lagos Walk-in', country: 'NG', docLanguage: 'en', currency: 'USD' });
    const almaty = await invoke(core, 'quotes.create', { newBuyer: { whatsapp: '+7 701 123 4567' } });
    expect(await invoke(core, 'buyers.get', { id: almaty.buyer.id })).toMatchObject({ country: 'KZ', docLanguage: 'ru', currency: 'USD' });
    // What staff choose wins.
    const chosen = await invoke(core, 'quotes.create', { newBuyer: { whatsapp: '+971 50 765 4321', docLanguage: 'en' }, currency: 'USD' });
    expect(chosen.currency).toBe('USD');
    expect(await invoke(core, 'buyers.get', { id: chosen.buyer.id })).toMatchObject({ docLanguage: 'en', currency: 'USD' });
  });

  it('asks for the country when the number has no country code, and for something when nothing is given', async () => {
    await expect(invoke(core, 'quotes.create', { newBuyer: { whatsapp: '0803 123 4567' } })).rejects.toMatchObject({ error: { field: 'newBuyer.country' } });
    await expect(invoke(core, 'quotes.create', { newBuyer: {} })).rejects.toMatchObject({ error: { field: 'newBuyer.whatsapp' } });
    const local = await invoke(core, 'quotes.create', { newBuyer: { whatsapp: '0803 123 4567', country: 'NG' } });
    expect((await invoke(core, 'buyers.get', { id: local.buyer.id })).contacts[0]?.whatsapp).toBe('+2348031234567');
  });

  it('previews what a quick-added buyer gets, with the problem instead of an error', async () => {
    expect(await invoke(core, 'buyers.walkInDefaults', { whatsapp: '+7 912 345 67 89' })).toMatchObject({ country: 'RU', docLanguage: 'ru', currency: 'RUB', company: 'walk-in, +7 912 345 67 89', recognised: true, problem: null });
    expect(await invoke(core, 'buyers.walkInDefaults', { whatsapp: '+213 58 123 4567' })).toMatchObject({ country: 'DZ', docLanguage: 'fr', recognised: false, problem: null });
    expect((await invoke(core, 'buyers.walkInDefaults', { whatsapp: '0803' })).problem).toMatch(/give the country/);
  });

  it('keeps a possible number outside the listed ranges in the buyer editor and the quick-add, and refuses an impossible one', async () => {
    const saved = await invoke(core, 'buyers.create', { company: 'Oran Import', country: 'DZ', contacts: [{ whatsapp: '0581 23 45 67' }] });
    expect(saved.contacts[0]).toMatchObject({ whatsapp: '+213581234567', unrecognised: { whatsapp: 'DZ', phone: null } });
    const quick = await invoke(core, 'quotes.create', { newBuyer: { whatsapp: '+98 907 123 4567', company: 'Tehran Bazaar' } });
    expect((await invoke(core, 'buyers.get', { id: quick.buyer.id })).contacts[0]).toMatchObject({ whatsapp: '+989071234567', unrecognised: { whatsapp: 'IR' } });
    await expect(invoke(core, 'buyers.create', { company: 'Short', country: 'DZ', contacts: [{ whatsapp: '0581 23' }] })).rejects.toMatchObject({ error: { field: 'contacts.0.whatsapp' } });
    await expect(invoke(core, 'quotes.create', { newBuyer: { whatsapp: '+213 58 12' } })).rejects.toMatchObject({ error: { field: 'newBuyer.whatsapp' } });
  });
});
