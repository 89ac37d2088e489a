import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGermanCatalog } from '../helpers/germanCatalog';

/**
 * A new document language is a file: German is added by putting `de.json` (tests/fixtures/documents)
 * beside the seven shipped catalogs in a folder the catalogs are read from
 * (STALLKEEPER_DOC_LOCALES), no code. Set before the documents area loads, so every module of
 * this file is imported after it.
 */
const german = useGermanCatalog();

const { invoke } = await import('../../main/api/invoke');
const { describeMethods } = await import('../../main/api/dispatch');
const { DOC_LANGS } = await import('../../main/documents/model');
const { pdfText, squeeze } = await import('../helpers/pdfTools');
const { seedQuoteStall } = await import('../helpers/quoteStall');
const { tempCore } = await import('../helpers/tempCore');

describe('a document language added by dropping a catalog file', () => {
  const core = tempCore({ now: () => new Date('2026-11-20T09:00:00Z') });
  let invoiceId: number;

  beforeAll(async () => {
    const stall = await seedQuoteStall(core);
    const quote = await invoke(core, 'quotes.create', {
      buyerId: stall.buyers.lagos.id,
      currency: 'USD',
      incoterm: 'FOB',
      incotermPlace: 'Ningbo',
      lines: [
        { itemNo: '00123', cartons: 10 },
        { itemNo: '02113', qty: 2000 },
      ],
    });
    await invoke(core, 'quotes.send', { id: quote.id });
    await invoke(core, 'quotes.accept', { id: quote.id });
    invoiceId = (await invoke(core, 'invoices.create', { quoteId: quote.id })).id;
  }, 60_000);
  afterAll(() => {
    core.remove();
    german.remove();
  });

  it('lists German among the document languages, after the seven it ships with, and documents.render accepts it', () => {
    expect(DOC_LANGS).toEqual(['en', 'zh', 'ar', 'es', 'ru', 'fr', 'pt', 'de']);
    const render = describeMethods().find((m) => m.name === 'documents.render');
    expect(JSON.stringify(render)).toContain('"de"');
  });

  it('answers documents.languages with German, and takes de as a buyer\'s document language', async () => {
    expect((await invoke(core, 'documents.languages', {})).languages).toEqual(['en', 'zh', 'ar', 'es', 'ru', 'fr', 'pt', 'de']);
    const buyer = await invoke(core, 'buyers.create', { company: 'Berliner Spielwaren GmbH', country: 'DE', docLanguage: 'de' });
    expect(buyer.docLanguage).toBe('de');
    await expect(invoke(core, 'buyers.create', { company: 'Nowhere', country: 'DE', docLanguage: 'xx' })).rejects.toThrow(/docLanguage: must be one of: "en", "zh", "ar", "es", "ru", "fr", "pt", "de"/);
  });

  it('prints a PI in German through documents.render: German labels, German dates and figures, units in German, and the English amount in words once', async () => {
    const printed = await invoke(core, 'documents.render', { kind: 'proforma', id: invoiceId, lang: 'de' });
    expect(printed.fileName).toMatch(/-de\.pdf$/);
    const text = pdfText(Buffer.from(printed.base64, 'base64'));
    const flat = squeeze(text);
    for (const label of ['PROFORMA-RECHNUNG', 'Artikelnr.', 'Stückpreis', 'Zahlungsbedingungen', 'Verladehafen', 'Angenommen und bestätigt von', 'Gesamtbetrag', 'Betrag in Worten', 'vor dem Versand']) {
      expect(flat, label).toContain(squeeze(label));
    }
    expect(flat).not.toContain(squeeze('PROFORMA INVOICE'));
    expect(flat).not.toContain(squeeze('Unit Price'));
    // Intl in the catalog's locale (de-DE): "20. November 2026", a decimal comma.
    expect(flat).toContain(squeeze('20. November 2026'));
    expect(text).toMatch(/\d,\d\d\b/);
    expect(flat).toContain(squeeze('Stk.'));
    // No German words module: the amount in words is the English trade style, printed once.
    expect(flat.match(/SAYUSDOLLARS/g)).toHaveLength(1);
  });

  it('prints the statement of payments in German too, and the English labels of the documents after the PI where German has none', async () => {
    const statement = await invoke(core, 'documents.render', { kind: 'statement', id: invoiceId, lang: 'de' });
    expect(squeeze(pdfText(Buffer.from(statement.base64, 'base64')))).toContain(squeeze('ZAHLUNGSÜBERSICHT'));
    const { catalogLabeler } = await import('../../main/documents/catalog');
    expect(catalogLabeler('de').t('poTitle')).toBe('PURCHASE ORDER');
  });
});
