import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { INCOTERMS } from '../../main/quotes/types';
import { seedQuoteStall } from '../helpers/quoteStall';
import { tempCore } from '../helpers/tempCore';

/**
 * What a PI carries for banks, forwarders and customs (issue 12 §2), through the API on a real
 * data folder: origin per product, ports and shipment terms per quotation, the bank block and
 * signatory of the seller, the buyer's tax number; frozen into the PI when it is issued.
 */
describe('trade terms of a quotation and its PI', () => {
  const core = tempCore({ now: () => new Date('2026-11-20T09:00:00Z') });
  let stall: Awaited<ReturnType<typeof seedQuoteStall>>;

  beforeAll(async () => {
    stall = await seedQuoteStall(core);
  }, 60_000);
  afterAll(() => core.remove());

  it('a product is made in China unless its origin is set, and refuses an origin that is not a country code', async () => {
    expect(stall.products.car.origin).toBe('CN');
    const vn = await invoke(core, 'products.update', { id: stall.products.ball.id, changes: { origin: 'vn', hsCode: '9503.00' } });
    expect(vn.origin).toBe('VN');
    await expect(invoke(core, 'products.update', { id: stall.products.ball.id, changes: { origin: 'Vietnam' } })).rejects.toMatchObject({ error: { code: 'invalid_input', field: 'changes.origin' } });
    expect((await invoke(core, 'products.get', { id: stall.products.ball.id })).origin).toBe('VN');
  });

  it('takes every one of the eleven Incoterms 2020 rules', async () => {
    expect(INCOTERMS).toHaveLength(11);
    const quote = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, currency: 'USD' });
    for (const incoterm of INCOTERMS) {
      const updated = await invoke(core, 'quotes.update', { id: quote.id, changes: { incoterm, incotermPlace: 'Lagos Apapa' } });
      expect(updated.incoterm).toBe(incoterm);
    }
    await expect(invoke(core, 'quotes.update', { id: quote.id, changes: { incoterm: 'C&F' as never } })).rejects.toMatchObject({ error: { field: 'changes.incoterm' } });
  });

  it('keeps ports, partial shipment, transshipment and a 110 % insurance basis on CIF/CIP terms', async () => {
    const quote = await invoke(core, 'quotes.create', {
      buyerId: stall.buyers.lagos.id,
      currency: 'USD',
      incoterm: 'CIF',
      incotermPlace: 'Lagos Apapa',
      portOfLoading: 'Ningbo',
      partialShipment: false,
      transshipment: true,
    });
    expect(quote).toMatchObject({ incoterm: 'CIF', portOfLoading: 'Ningbo', portOfDestination: 'Lagos Apapa', partialShipment: false, transshipment: true, insurancePercent: 110 });
    const changed = await invoke(core, 'quotes.update', { id: quote.id, changes: { insurancePercent: 120, partialShipment: null, portOfDestination: 'Tin Can Island, Lagos' } });
    expect(changed).toMatchObject({ insurancePercent: 120, partialShipment: null, transshipment: true, portOfDestination: 'Tin Can Island, Lagos' });
    // FOB from Ningbo: the named place is the port of loading.
    const fob = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id });
    expect(fob).toMatchObject({ incoterm: 'FOB', incotermPlace: 'Ningbo', portOfLoading: 'Ningbo', portOfDestination: '', insurancePercent: null });
  });

  it('a balance due N days after the B/L needs N, named by its field', async () => {
    const quote = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id });
    expect(quote.balanceRule).toBe('before_shipment');
    await expect(invoke(core, 'quotes.update', { id: quote.id, changes: { balanceRule: 'days_after_bl' } })).rejects.toMatchObject({ error: { code: 'invalid_input', field: 'changes.balanceDays' } });
    expect((await invoke(core, 'quotes.get', { id: quote.id })).balanceRule).toBe('before_shipment');
    const set = await invoke(core, 'quotes.update', { id: quote.id, changes: { balanceRule: 'days_after_bl', balanceDays: 30 } });
    expect(set).toMatchObject({ balanceRule: 'days_after_bl', balanceDays: 30 });
  });

  it('warns when the typed payment terms contradict the deposit %, and stops once they agree', async () => {
    const quote = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, depositPercent: 30, paymentTerms: '50% deposit, balance before shipment' });
    expect(quote.termsWarnings).toEqual([{ code: 'deposit_percent_differs', typed: 50, depositPercent: 30 }]);
    const advance = await invoke(core, 'quotes.update', { id: quote.id, changes: { paymentTerms: '100% T/T in advance' } });
    expect(advance.termsWarnings).toEqual([{ code: 'full_advance_with_deposit', depositPercent: 30 }]);
    const agreed = await invoke(core, 'quotes.update', { id: quote.id, changes: { paymentTerms: '30% T/T deposit, balance before shipment' } });
    expect(agreed.termsWarnings).toEqual([]);
  });

  it('the seller profile keeps the beneficiary address, bank charges, an intermediary bank and the signatory', async () => {
    const out = await invoke(core, 'settings.update', {
      seller: {
        beneficiaryAddress: 'Room 1203, 88 Futian Road, Yiwu, Zhejiang 322000, China',
        bankCharges: 'SHA',
        intermediaryBankName: 'Citibank N.A., New York',
        intermediaryBankSwift: 'citius33',
        signatoryName: 'Wang Li',
        signatoryTitle: 'Sales Manager',
      },
    });
    expect(out.seller).toMatchObject({ bankCharges: 'SHA', intermediaryBankSwift: 'CITIUS33', signatoryName: 'Wang Li', signatoryTitle: 'Sales Manager' });
    await expect(invoke(core, 'settings.update', { seller: { intermediaryBankSwift: 'CITI' } })).rejects.toMatchObject({ error: { field: 'seller.intermediaryBankSwift' } });
    await expect(invoke(core, 'settings.update', { seller: { bankCharges: 'ALL' as never } })).rejects.toMatchObject({ error: { field: 'seller.bankCharges' } });
  });

  it('a buyer keeps its tax number, and an issued PI carries it with the origin, HS code, ports and terms as issued', async () => {
    const buyer = await invoke(core, 'buyers.update', { id: stall.buyers.lagos.id, changes: { taxNo: 'TIN 12345678-0001' } });
    expect(buyer.taxNo).toBe('TIN 12345678-0001');
    await invoke(core, 'products.update', { id: stall.products.car.id, changes: { hsCode: '9503.00', origin: 'CN' } });
    const quote = await invoke(core, 'quotes.create', {
      buyerId: buyer.id,
      currency: 'USD',
      incoterm: 'CFR',
      incotermPlace: 'Lagos Apapa',
      portOfLoading: 'Ningbo',
      partialShipment: false,
      transshipment: false,
      balanceRule: 'against_bl_copy',
      shippingMarks: 'LAGOS MEGA\nC/No. 1-UP',
      lines: [{ itemNo: '00123', cartons: 2 }, { itemNo: '01107', qty: 1000 }],
    });
    await invoke(core, 'quotes.accept', { id: quote.id });
    const pi = await invoke(core, 'invoices.create', { quoteId: quote.id });
    expect(pi.buyer.taxNo).toBe('TIN 12345678-0001');
    expect(pi.lines.map((l) => [l.product.itemNo, l.product.hsCode, l.product.origin])).toEqual([['00123', '9503.00', 'CN'], ['01107', '9503.00', 'VN']]);
    expect(pi).toMatchObject({ incoterm: 'CFR', portOfLoading: 'Ningbo', portOfDestination: 'Lagos Apapa', partialShipment: false, transshipment: false, balanceRule: 'against_bl_copy', shippingMarks: 'LAGOS MEGA\nC/No. 1-UP' });
    expect(pi.seller).toMatchObject({ signatoryName: 'Wang Li', bankCharges: 'SHA', beneficiaryAddress: 'Room 1203, 88 Futian Road, Yiwu, Zhejiang 322000, China' });
    // Later changes to the buyer and the profile do not reach the issued PI.
    await invoke(core, 'buyers.update', { id: buyer.id, changes: { taxNo: 'changed' } });
    await invoke(core, 'settings.update', { seller: { signatoryName: 'Someone else' } });
    const again = await invoke(core, 'invoices.get', { id: pi.id });
    expect(again.buyer.taxNo).toBe('TIN 12345678-0001');
    expect(again.seller.signatoryName).toBe('Wang Li');
  });

  it('a PI issued before these fields existed reads them as empty', async () => {
    const quote = await invoke(core, 'quotes.create', { buyerId: stall.buyers.dubai.id, currency: 'AED', lines: [{ itemNo: '00123', cartons: 1 }] });
    await invoke(core, 'quotes.accept', { id: quote.id });
    const pi = await invoke(core, 'invoices.create', { quoteId: quote.id });
    // The content as an older version stored it: without the fields of migration 009.
    const row = core.db.prepare('SELECT content FROM invoices WHERE id = ?').get(pi.id) as { content: string };
    const old = JSON.parse(row.content) as Record<string, unknown> & { lines: Array<{ product: Record<string, unknown> }>; buyer: Record<string, unknown>; seller: Record<string, unknown> };
    for (const k of ['portOfLoading', 'portOfDestination', 'partialShipment', 'transshipment', 'insurancePercent', 'balanceRule', 'balanceDays']) delete old[k];
    for (const l of old.lines) delete l.product.origin;
    delete old.buyer.taxNo;
    for (const k of ['beneficiaryAddress', 'bankCharges', 'intermediaryBankName', 'intermediaryBankSwift', 'signatoryName', 'signatoryTitle']) delete old.seller[k];
    core.db.exec('DROP TRIGGER invoices_issued_content_frozen');
    core.db.prepare('UPDATE invoices SET content = ? WHERE id = ?').run(JSON.stringify(old), pi.id);
    const read = await invoke(core, 'invoices.get', { id: pi.id });
    expect(read).toMatchObject({ portOfLoading: '', portOfDestination: '', partialShipment: null, insurancePercent: null, balanceRule: 'before_shipment', buyer: { taxNo: '' }, seller: { signatoryName: '', bankCharges: '' } });
    expect(read.lines[0]?.product.origin).toBe('');
    const printed = await invoke(core, 'documents.render', { kind: 'proforma', id: pi.id, lang: 'en', paper: 'letter' });
    expect(printed.pages).toBeGreaterThan(0);
  });
});
