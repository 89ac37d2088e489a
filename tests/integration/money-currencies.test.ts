import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { amountInWords } from '../../main/documents/words';
import { flat, pdfText } from '../helpers/pdfTools';
import { seedQuoteStall } from '../helpers/quoteStall';
import { tempCore } from '../helpers/tempCore';

type Stall = Awaited<ReturnType<typeof seedQuoteStall>>;

/**
 * Quotation → PI → payments → PDF text, through the API, in currencies whose minor
 * units are not cents: Kuwaiti dinars (3 decimals, fils), Japanese yen and CFA
 * francs (none). Every figure is checked against a calculation done by hand.
 */
describe('money in each currency\'s own digits, quotation to printed PI', () => {
  const core = tempCore({ now: () => new Date('2026-11-20T09:00:00Z') });
  let stall: Stall;
  let kuwait: number;
  let osaka: number;
  let dakar: number;

  beforeAll(async () => {
    stall = await seedQuoteStall(core);
    await invoke(core, 'rates.set', { currency: 'KWD', cnyPerUnit: '23.2' });
    await invoke(core, 'rates.set', { currency: 'JPY', cnyPerUnit: '0.0475' });
    await invoke(core, 'rates.set', { currency: 'XOF', cnyPerUnit: '0.0118' });
    kuwait = (await invoke(core, 'buyers.create', { company: 'Al Mubarakiya Toys Co.', country: 'KW', currency: 'KWD', docLanguage: 'en' })).id;
    osaka = (await invoke(core, 'buyers.create', { company: 'Osaka Zakka KK', country: 'JP', currency: 'JPY', docLanguage: 'en' })).id;
    dakar = (await invoke(core, 'buyers.create', { company: 'Sandaga Import SARL', country: 'SN', currency: 'XOF', docLanguage: 'fr' })).id;
  }, 60_000);
  afterAll(() => core.remove());

  async function issue(quoteId: number) {
    await invoke(core, 'quotes.accept', { id: quoteId });
    return invoke(core, 'invoices.create', { quoteId });
  }

  async function printed(id: number, lang: 'en' | 'zh' | 'fr' | 'ar') {
    const doc = await invoke(core, 'documents.render', { kind: 'proforma', id, lang });
    return flat(pdfText(Buffer.from(doc.base64, 'base64')));
  }

  it('totals a KWD quotation of 3 × 0.043 + 7 × 0.125 at exactly KWD 1.004, takes fils-precise charges and payments, and prints them', async () => {
    const quote = await invoke(core, 'quotes.create', {
      buyerId: kuwait,
      priceDecimals: 3,
      depositPercent: 30,
      lines: [
        { itemNo: '00123', qty: 3, unitPrice: '0.043' },
        { itemNo: '01107', qty: 7, unitPrice: '0.125' },
      ],
    });
    expect(quote.totals).toMatchObject({ amount: '1.004', grandTotal: '1.004', deposit: '0.301', balance: '0.703' });
    const charged = await invoke(core, 'quotes.update', { id: quote.id, changes: { charges: [{ kind: 'freight', amount: '12.345' }] } });
    // 1.004 + 12.345 = 13.349; deposit 30 % = 4.0047 → 4.005.
    expect(charged.charges[0]?.amount).toBe('12.345');
    expect(charged.totals).toMatchObject({ charges: '12.345', grandTotal: '13.349', deposit: '4.005', balance: '9.344' });

    const pi = await issue(quote.id);
    expect(pi.totals.grandTotal).toBe('13.349');
    const deposit = await invoke(core, 'invoices.addPayment', { id: pi.id, amount: '4.005', method: 'tt', kind: 'deposit' });
    expect(deposit).toMatchObject({ status: 'deposit_received', paid: '4.005', balanceDue: '9.344', depositDue: '0.000', depositOpen: false, balanceOpen: true });
    // The balance in RMB cash at 1 KWD = 23.2 CNY: 216.78 CNY ÷ 23.2 = 9.34396… → 9.344 KWD.
    const preview = await invoke(core, 'invoices.paymentPreview', { id: pi.id, currency: 'CNY', amount: '216.78' });
    expect(preview).toMatchObject({ suggestedRate: '23.20', due: '216.78', dueKind: 'balance', amount: '9.344' });
    const paid = await invoke(core, 'invoices.addPayment', { id: pi.id, received: { currency: 'CNY', amount: '216.78' }, method: 'cash', kind: 'balance' });
    expect(paid).toMatchObject({ status: 'paid', paid: '13.349', balanceDue: '0.000', balanceOpen: false });
    expect(paid.payments.map((p) => p.amount)).toEqual(['4.005', '9.344']);

    const text = await printed(pi.id, 'en');
    expect(text).toContain('KWD 13.349');
    expect(text).toContain('12.345');
    expect(text).toContain('SAY KUWAITI DINARS THIRTEEN AND FILS THREE HUNDRED AND FORTY NINE ONLY');
    expect(text).not.toContain('13.35 ');
    const zh = await printed(pi.id, 'zh');
    expect(zh.replace(/\s/g, '')).toContain('科威特第纳尔壹拾叁元叁角肆分玖厘');
  });

  it('rounds a JPY quotation to whole yen and prints its words equal to its figures', async () => {
    // 1,000 × 0.1517 = 151.7 → 152; 12 × 3.3 = 39.6 → 40; charge 500; deposit 30 % of 692 = 207.6 → 208.
    const quote = await invoke(core, 'quotes.create', {
      buyerId: osaka,
      priceDecimals: 4,
      lines: [
        { itemNo: '00123', qty: 1000, unitPrice: '0.1517' },
        { itemNo: '03118', qty: 12, unitPrice: '3.3' },
      ],
      charges: [{ kind: 'inland_transport', description: 'Yiwu to Ningbo', amount: '500' }],
    });
    expect(quote.lines.map((l) => l.amount)).toEqual(['152', '40']);
    expect(quote.totals).toMatchObject({ amount: '192', charges: '500', grandTotal: '692', deposit: '208', balance: '484' });
    const pi = await issue(quote.id);
    const paid = await invoke(core, 'invoices.addPayment', { id: pi.id, amount: '208', method: 'tt', kind: 'deposit' });
    expect(paid).toMatchObject({ paid: '208', balanceDue: '484', status: 'deposit_received' });
    const text = await printed(pi.id, 'en');
    expect(text).toContain('JPY 692');
    expect(text).not.toMatch(/692\.\d/);
    expect(text).toContain('SAY JAPANESE YEN SIX HUNDRED AND NINETY TWO ONLY');
  });

  it('rounds CFA francs, a percent discount and the deposit to whole francs, printed in French', async () => {
    // 1,440 × 185.5 = 267,120; −2.5 % = 6,678; +35,000 freight = 295,442; deposit 30 % = 88,632.6 → 88,633.
    const quote = await invoke(core, 'quotes.create', {
      buyerId: dakar,
      priceDecimals: 1,
      discount: { kind: 'percent', percent: '2.5' },
      charges: [{ kind: 'freight', amount: '35000' }],
      lines: [{ itemNo: '00123', qty: 1440, unitPrice: '185.5' }],
    });
    expect(quote.totals).toMatchObject({ amount: '267120', discount: '6678', grandTotal: '295442', deposit: '88633', balance: '206809' });
    const pi = await issue(quote.id);
    const text = await printed(pi.id, 'fr');
    expect(text.replace(/[\s\u202f]/g, '')).toContain('XOF295442');
    const squeeze = (t: string) => t.replace(/[\s\u202f\u00a0]/g, '');
    expect(amountInWords('295442', 'XOF', 'fr')).toMatch(/^Deux cent quatre-vingt-quinze mille quatre cent quarante-deux /);
    expect(squeeze(text)).toContain(squeeze(amountInWords('295442', 'XOF', 'fr')));
    expect(text).toContain('SAY WEST AFRICAN CFA FRANCS TWO HUNDRED AND NINETY FIVE THOUSAND FOUR HUNDRED AND FORTY TWO ONLY');
  });

  it('refuses amounts with more decimals than their currency has, naming the field, and changes nothing', async () => {
    const jpy = await invoke(core, 'quotes.create', { buyerId: osaka, lines: [{ itemNo: '00123', qty: 288 }] });
    await expect(invoke(core, 'quotes.update', { id: jpy.id, changes: { charges: [{ kind: 'freight', amount: '12.5' }] } })).rejects.toMatchObject({
      error: { code: 'invalid_input', field: 'changes.charges.0.amount', message: expect.stringMatching(/JPY amounts have no decimals/) },
    });
    await expect(invoke(core, 'quotes.update', { id: jpy.id, changes: { discount: { kind: 'amount', amount: '0.5' } } })).rejects.toMatchObject({
      error: { field: 'changes.discount.amount' },
    });
    expect((await invoke(core, 'quotes.get', { id: jpy.id })).charges).toEqual([]);
    // A KWD charge of fils cannot follow the quotation into USD.
    const kwd = await invoke(core, 'quotes.create', { buyerId: kuwait, charges: [{ kind: 'freight', amount: '12.345' }], lines: [{ itemNo: '00123', qty: 288 }] });
    await expect(invoke(core, 'quotes.update', { id: kwd.id, changes: { currency: 'USD' } })).rejects.toMatchObject({
      error: { field: 'changes.charges.0.amount', message: expect.stringMatching(/USD amounts have at most 2 decimals/) },
    });
    expect((await invoke(core, 'quotes.get', { id: kwd.id })).currency).toBe('KWD');
    await expect(invoke(core, 'quotes.create', { buyerId: kuwait, charges: [{ kind: 'freight', amount: '1.2345' }] })).rejects.toMatchObject({ error: { field: 'charges.0.amount' } });

    const usdQuote = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines: [{ itemNo: '00123', qty: 288 }] });
    const usdPi = await issue(usdQuote.id);
    await expect(invoke(core, 'invoices.addPayment', { id: usdPi.id, amount: '12.345', method: 'tt', kind: 'deposit' })).rejects.toMatchObject({
      error: { field: 'amount', message: expect.stringMatching(/USD amounts have at most 2 decimals/) },
    });
    await expect(invoke(core, 'invoices.addPayment', { id: usdPi.id, received: { currency: 'JPY', amount: '100.5', rate: '150' }, method: 'cash', kind: 'deposit' })).rejects.toMatchObject({
      error: { field: 'received.amount' },
    });
    expect((await invoke(core, 'invoices.get', { id: usdPi.id })).payments).toEqual([]);
  });

  it('duplicates a quotation into another currency with its charges converted and rounded to that currency\'s digits', async () => {
    const usd = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, charges: [{ kind: 'freight', amount: '85.00' }], lines: [{ itemNo: '00123', qty: 288 }] });
    const copy = await invoke(core, 'quotes.duplicate', { id: usd.id, buyerId: osaka });
    // 85 USD × 7.1234 CNY ÷ 0.0475 CNY = 12,747.28… → 12,747 JPY.
    expect(copy.currency).toBe('JPY');
    expect(copy.charges[0]?.amount).toBe('12747');
  });
});
