import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDocument } from '../helpers/demoModel';
import { formatter } from '../../main/documents/format';
import { labeler } from '../../main/documents/catalog';
import { BALANCE_RULES, type DocumentModel } from '../../main/documents/model';
import { paymentSentence, renderDocument } from '../../main/documents/render';
import { flat, pdfText, squeeze } from '../helpers/pdfTools';
import { tempDir } from '../helpers/tempCore';

/**
 * What a PI carries for the buyer's bank, forwarder and customs broker (issue 12 §2),
 * read back from the PDF with pdftotext.
 */
const work = tempDir('sk-docs-trade-');
afterAll(() => work.remove());

async function cifPi(lang: DocumentModel['lang'], lines = 4): Promise<DocumentModel> {
  const model = await demoDocument({ dir: work.dir, lines, buyer: lang, taxNo: 'TRN 100234567800003', incoterm: 'CIF', incotermPlace: 'Jebel Ali', portOfDestination: 'Jebel Ali, UAE' });
  model.seller.bank.intermediary = { name: 'Citibank N.A., New York', swift: 'CITIUS33' };
  return model;
}

describe('an English PI carries every trade element', () => {
  let model: DocumentModel;
  let text: string;
  beforeAll(async () => {
    model = await cifPi('en');
    text = flat(pdfText((await renderDocument(model, { lang: 'en' })).pdf));
  }, 60_000);

  it('prints each line\'s HS code, material and origin, and the N.W. of every line and in total', () => {
    for (const line of model.lines) {
      expect(text).toContain(`HS code: ${line.hsCode}`);
      expect(text).toContain(line.material);
      expect(text).toContain(formatter('en').fixed(line.netWeightKg, 2));
    }
    expect(text).toContain('Made in China');
    expect(text).toContain('N.W. (kg)');
    expect(text).toContain(formatter('en').fixed(model.totals.netWeightKg, 2));
  });

  it('prints the shipping marks, the Incoterms® 2020 wording with the named place, the ports, shipment terms and the insurance basis', () => {
    for (const mark of model.shippingMarks.split('\n')) expect(text).toContain(mark);
    expect(text).toContain('CIF Jebel Ali, Incoterms® 2020');
    expect(text).toContain('Port of loading: Ningbo');
    expect(text).toContain('Port of destination: Jebel Ali, UAE');
    expect(text).toContain('Partial shipment not allowed');
    expect(text).toContain('Transshipment allowed');
    expect(text).toContain('Insurance: covered by the seller for 110% of the invoice value');
  });

  it('prints the bank block a SWIFT transfer needs: beneficiary address, intermediary bank, charges and the PI number as reference', () => {
    expect(text).toContain(`Beneficiary address: ${model.seller.bank.beneficiaryAddress}`);
    expect(text).toContain('Intermediary bank: Citibank N.A., New York, SWIFT CITIUS33');
    expect(text).toContain('Bank charges: SHA (charges shared)');
    expect(text).toContain('Payment reference: JH-PI2026-0017');
  });

  it('prints the signatory beside the chop and the buyer\'s tax number', () => {
    expect(text).toContain('Wang Li, Sales Manager');
    expect(text).toContain('Tax / importer No.: TRN 100234567800003');
  });
});

describe('the same elements in Chinese and Arabic', () => {
  it.each([
    ['zh', ['海关编码(HS): 9503.00', '原产国：中国', '装运港', '目的港', '不允许分批装运', '允许转运', '唛头', '收款人地址', '付款附言', 'Wang Li, Sales Manager', 'CIF Jebel Ali，Incoterms® 2020']],
    ['ar', ['بلد المنشأ: الصين', 'ميناء الشحن', 'ميناء الوصول', 'الشحن الجزئي غير مسموح', 'إعادة الشحن مسموحة', 'علامات الشحن', 'عنوان المستفيد', 'مرجع الدفع', 'الرسوم المصرفية', 'Incoterms® 2020']],
  ] as const)('%s', async (lang, expected) => {
    const model = await cifPi(lang);
    const text = pdfText((await renderDocument(model, { lang })).pdf);
    for (const e of expected) expect(squeeze(text), e).toContain(squeeze(e));
    for (const line of model.lines) expect(text).toContain(line.hsCode);
  });
});

describe('the payment sentence follows the balance rule', () => {
  it.each(BALANCE_RULES)('%s', async (rule) => {
    const model = await demoDocument({ dir: work.dir, lines: 2, buyer: 'en', balanceRule: rule });
    const f = formatter('en');
    const expected = {
      before_shipment: 'before shipment',
      against_bl_copy: 'against a copy of the B/L',
      at_sight_lc: 'by L/C at sight',
      on_delivery_to_forwarder: 'on delivery of the goods to the buyer’s forwarder',
      days_after_bl: 'within 30 days after the B/L date',
    }[rule];
    const sentence = paymentSentence(model, labeler('en', false), f).replace(/[\u2066-\u2069]/g, '');
    expect(sentence).toBe(`Deposit 30%: USD ${f.money(model.totals.deposit)}, balance USD ${f.money(model.totals.balance)} ${expected}`);
    expect(flat(pdfText((await renderDocument(model, { lang: 'en' })).pdf))).toContain(expected);
  });

  it('without a deposit, the whole amount is due at the moment the rule names', async () => {
    const model = await demoDocument({ dir: work.dir, lines: 2, buyer: 'en', depositPercent: 0, balanceRule: 'at_sight_lc' });
    expect(paymentSentence(model, labeler('en', false), formatter('en')).replace(/[\u2066-\u2069]/g, '')).toBe(`Payment of USD ${formatter('en').money(model.totals.grandTotal)} by L/C at sight`);
  });
});

describe('continuation pages', () => {
  it('carry the PI number and date at the top of every page after the first', async () => {
    const model = await demoDocument({ dir: work.dir, lines: 30, buyer: 'en' });
    const { pdf, pages } = await renderDocument(model, { lang: 'en' });
    expect(pages).toBeGreaterThan(2);
    expect(pdfText(pdf, { first: 1, last: 1 })).not.toContain('(continued)');
    for (let p = 2; p <= pages; p += 1) {
      const first = pdfText(pdf, { first: p, last: p }).split('\n').find((l) => l.trim() !== '');
      expect(first, `page ${p}`).toBe('PROFORMA INVOICE JH-PI2026-0017 · 29 November 2026 (continued)');
    }
  });
});

describe('the statement of payments', () => {
  it('lists what was received, in the PI currency and as handed over, and the balance now', async () => {
    const model = await demoDocument({ dir: work.dir, lines: 3, buyer: 'en' });
    model.statement = {
      asOf: '2026-12-10',
      piDate: model.date,
      payments: [
        { paidOn: '2026-12-01', amount: '300.00', method: 'tt', reference: 'BOC 88812', received: null },
        { paidOn: '2026-12-05', amount: '100.00', method: 'cash', reference: 'receipt 0042', received: { currency: 'CNY', amount: '710.00', rate: '7.10' } },
      ],
      paid: '400.00',
      balanceDue: '1234.56',
    };
    const { pdf, fileName } = await renderDocument(model, { lang: 'en', kind: 'statement' });
    const text = flat(pdfText(pdf));
    expect(text).toContain('STATEMENT OF PAYMENTS');
    expect(text).toContain('Payments received against pro-forma invoice JH-PI2026-0017 of 29 November 2026');
    expect(text).toContain('1 December 2026 T/T BOC 88812');
    expect(text).toContain('5 December 2026 Cash receipt 0042');
    expect(text).toContain('300.00 CNY 710.00 (1 USD = 7.10 CNY) 100.00');
    expect(text).toContain('Total received USD 400.00');
    expect(text).toContain('Balance due now USD 1,234.56');
    expect(text).toContain('Payment reference: JH-PI2026-0017');
    expect(text).not.toContain('Unit Price');
    // The seller confirms the receipt; the buyer signs nothing.
    expect(text).not.toContain('The Buyer');
    expect(fileName).toBe('JH-PI2026-0017-statement-en.pdf');
  });
});
