import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure, invoke } from '../../main/api/invoke';
import { callMethod } from '../../main/api/dispatch';
import type { Quote } from '../../main/quotes/types';
import { tempCore } from '../helpers/tempCore';
import { movableClock, seedQuoteStall } from '../helpers/quoteStall';

type Stall = Awaited<ReturnType<typeof seedQuoteStall>>;

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error.error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** Σ of the lines, computed here from the shown line amounts. */
function sumOfLines(q: Quote): string {
  const cents = q.lines.reduce((sum, l) => sum + BigInt(l.amount.replace('.', '')), 0n);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

describe('quotations', () => {
  let core: ReturnType<typeof tempCore>;
  let clock: ReturnType<typeof movableClock>;
  let stall: Stall;

  beforeEach(async () => {
    clock = movableClock('2026-03-10T10:00:00Z');
    core = tempCore({ now: clock.now });
    stall = await seedQuoteStall(core);
  });
  afterEach(() => core.remove());

  it('numbers quotations per year with the configured prefix and takes the buyer\'s currency, today\'s rate and the default terms', async () => {
    const first = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id });
    const second = await invoke(core, 'quotes.create', { buyerId: stall.buyers.dubai.id });
    expect([first.number, second.number]).toEqual(['JH-Q2026-0001', 'JH-Q2026-0002']);
    expect(first).toMatchObject({
      revision: 1, displayNumber: 'JH-Q2026-0001', status: 'draft', date: '2026-03-10', validityDays: 30, validUntil: '2026-04-09',
      currency: 'USD', rate: '7.1234', depositPercent: 30, paymentTerms: '30% T/T deposit, balance before shipment', incoterm: 'FOB', incotermPlace: 'Ningbo',
    });
    expect(second).toMatchObject({ currency: 'AED', rate: '1.9395' });
    clock.set('2027-01-04T10:00:00Z');
    expect((await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id })).number).toBe('JH-Q2027-0001');
  });

  it('returns totals with money in 2 decimals and CBM in 3, and the container fill', async () => {
    const q = await invoke(core, 'quotes.create', {
      buyerId: stall.buyers.lagos.id,
      lines: [{ itemNo: '00123', cartons: 10 }, { itemNo: '01107', qty: 20_000 }],
      charges: [{ kind: 'freight', description: 'Ningbo → Lagos', amount: '350' }],
      discount: { kind: 'percent', percent: '3' },
      priceDecimals: 4,
    });
    // 2,880 pcs reach the 1,440 tier: 2.23 CNY / 7.1234 = 0.3131 USD; 0.374 / 7.1234 = 0.0525 USD.
    expect(q.lines.map((l) => [l.unitPrice, l.amount, l.cartons, l.cbm])).toEqual([
      ['0.3131', '901.73', 10, '1.116'],
      ['0.0525', '1050.00', 20, '0.945'],
    ]);
    expect(q.totals).toEqual({
      amount: '1951.73', discount: '58.55', charges: '350.00', grandTotal: '2243.18', deposit: '672.95', balance: '1570.23',
      cartons: 30, cbm: '2.061', grossWeightKg: '505.00', netWeightKg: '458.00', quantities: [{ unit: 'pcs', qty: 22_880 }],
    });
    expect(q.totals.amount).toBe(sumOfLines(q));
    expect(q.containers.map((c) => c.code)).toEqual(['20GP', '40GP', '40HQ']);
    expect(q.containers[0]).toMatchObject({ bindsBy: 'volume', containers: 1, volumePercent: 7.4 });
  });

  it('starts a line at the MOQ, takes cartons as pieces and re-prices from the tier when the quantity crosses it', async () => {
    let q = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines: [{ itemNo: '00123' }, { productId: stall.products.socks.id, cartons: 3 }] });
    expect(q.lines.map((l) => [l.qty, l.product.unit, l.unitPrice, l.product.tier?.minQty])).toEqual([
      [288, 'pcs', '0.33', 288],
      [75, 'dozen', '4.84', 50], // 34.50 CNY / 7.1234 = 4.8432
    ]);
    const [car, socks] = q.lines as [Quote['lines'][number], Quote['lines'][number]];
    q = await invoke(core, 'quotes.update', { id: q.id, changes: { lines: [{ lineId: car.id, qty: 1440 }, { lineId: socks.id }] } });
    expect(q.lines[0]).toMatchObject({ id: car.id, qty: 1440, unitPrice: '0.31', amount: '446.40', product: { tier: { minQty: 1440, priceCny: '2.23' } } });
    expect(q.lines[1]?.id).toBe(socks.id);
  });

  it('keeps a typed price, goes back to the tier price on null, and rounds suggestions to the chosen decimals', async () => {
    let q = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines: [{ itemNo: '00123', unitPrice: '0.3150' }, { itemNo: '01107' }] });
    expect(q.lines.map((l) => [l.unitPrice, l.priceSource, l.suggestedUnitPrice])).toEqual([
      ['0.315', 'typed', '0.33'],
      ['0.05', 'tier', '0.05'],
    ]);
    q = await invoke(core, 'quotes.update', { id: q.id, changes: { priceDecimals: 4 } });
    expect(q.lines.map((l) => l.unitPrice)).toEqual(['0.3150', '0.0525']);
    q = await invoke(core, 'quotes.update', { id: q.id, changes: { lines: [{ lineId: q.lines[0]!.id, unitPrice: null }, { lineId: q.lines[1]!.id }] } });
    expect(q.lines[0]).toMatchObject({ unitPrice: '0.3299', priceSource: 'tier' });
  });

  it('restores every price and total exactly after switching the currency and back', async () => {
    let q = await invoke(core, 'quotes.create', {
      buyerId: stall.buyers.lagos.id,
      priceDecimals: 4,
      lines: [{ itemNo: '00123', cartons: 7 }, { itemNo: '01107', qty: 33_333, unitPrice: '0.0537' }, { itemNo: '04130', qty: 77 }, { itemNo: '02113', qty: 2500, unitPrice: '0.1691' }],
    });
    const before = { lines: q.lines.map((l) => [l.unitPrice, l.amount]), totals: q.totals };
    for (const currency of ['NGN', 'AED', 'EUR', 'CNY']) {
      q = await invoke(core, 'quotes.update', { id: q.id, changes: { currency } });
      expect(q.currency).toBe(currency);
    }
    q = await invoke(core, 'quotes.update', { id: q.id, changes: { currency: 'USD' } });
    expect({ lines: q.lines.map((l) => [l.unitPrice, l.amount]), totals: q.totals }).toEqual(before);
  });

  it('converts a typed price through CNY when the currency changes: 0.3150 USD is 1.1569 AED', async () => {
    let q = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, priceDecimals: 4, lines: [{ itemNo: '00123', unitPrice: '0.3150' }] });
    q = await invoke(core, 'quotes.update', { id: q.id, changes: { currency: 'AED' } });
    // 0.3150 × 7.1234 / 1.9395 = 1.15693…
    expect(q.lines[0]).toMatchObject({ unitPrice: '1.1569', priceSource: 'typed' });
  });

  it('keeps the product as it was when quoted: catalog changes do not reach the lines', async () => {
    const q = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines: [{ itemNo: '00123' }] });
    await invoke(core, 'quotes.send', { id: q.id });
    await invoke(core, 'products.update', {
      id: stall.products.car.id,
      changes: { names: { en: 'Renamed car' }, priceTiers: [{ minQty: 1, priceCny: '9.99' }], packing: { pcsPerCarton: 96 } },
    });
    const again = await invoke(core, 'quotes.get', { id: q.id });
    expect(again.lines[0]?.product).toMatchObject({ names: { en: 'Friction pull-back toy car' }, packing: { pcsPerCarton: 288 }, tier: { priceCny: '2.35' } });
    expect(again.lines[0]?.unitPrice).toBe('0.33');
    expect(again.totals).toEqual(q.totals);
  });

  it('warns per line about the MOQ, short stock, a part-full carton and missing packing', async () => {
    const q = await invoke(core, 'quotes.create', {
      buyerId: stall.buyers.lagos.id,
      lines: [{ itemNo: '00123', qty: 100 }, { itemNo: '01107', qty: 1500 }, { itemNo: '09001', unitPrice: '12' }, { itemNo: '03118', qty: 120 }],
    });
    expect(q.lines.map((l) => l.warnings.map((w) => w.code))).toEqual([
      ['below_moq', 'partial_carton'],
      ['short_stock', 'partial_carton'],
      ['short_stock', 'no_packing'],
      ['short_stock'],
    ]);
    expect(q.lines[1]?.warnings[0]).toEqual({ code: 'short_stock', requested: 1500, available: 0 });
    expect(q.lines[1]?.warnings[1]).toEqual({ code: 'partial_carton', lastCartonQty: 500 });
  });

  it('adds a scanned product at its MOQ and one more carton on each further scan', async () => {
    const q = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id });
    const barcode = stall.products.earrings.barcode;
    const first = await invoke(core, 'quotes.addByScan', { id: q.id, code: barcode });
    expect(first.action).toBe('line_added');
    expect(first.quote.lines.map((l) => l.qty)).toEqual([200]);
    const second = await invoke(core, 'quotes.addByScan', { id: q.id, code: barcode });
    expect(second).toMatchObject({ action: 'carton_added', lineId: first.lineId });
    expect(second.quote.lines.map((l) => l.qty)).toEqual([1200]);
    const byItemNo = await invoke(core, 'quotes.addByScan', { id: q.id, code: '04130' });
    expect(byItemNo.quote.lines.map((l) => l.product.itemNo)).toEqual(['02113', '04130']);
    expect(await failure(invoke(core, 'quotes.addByScan', { id: q.id, code: '6999999999994' }))).toMatchObject({ code: 'not_found', field: 'code' });
  });

  it('adds a line by item no in pieces or cartons, naming the field when the product is unknown', async () => {
    const q = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id });
    const added = await invoke(core, 'quotes.addLine', { id: q.id, itemNo: '03118', cartons: 4, note: 'logo on the case' });
    expect(added.lines[0]).toMatchObject({ qty: 40, note: 'logo on the case', product: { unit: 'set' } });
    expect(await failure(invoke(core, 'quotes.addLine', { id: q.id, itemNo: 'NOPE' }))).toMatchObject({ code: 'not_found', field: 'itemNo' });
    expect(await failure(invoke(core, 'quotes.addLine', { id: q.id, itemNo: '09001', cartons: 2 }))).toMatchObject({ code: 'invalid_input', field: 'cartons' });
  });

  it('names the field of a bad line inside changes and leaves the quotation as it was', async () => {
    const q = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines: [{ itemNo: '00123' }] });
    const error = await failure(invoke(core, 'quotes.update', { id: q.id, changes: { notes: 'changed', lines: [{ lineId: q.lines[0]!.id }, { itemNo: 'X-404' }] } }));
    expect(error).toMatchObject({ code: 'not_found', field: 'changes.lines.1.itemNo' });
    expect(error.message).toContain('changes.lines.1.itemNo');
    const unchanged = await invoke(core, 'quotes.get', { id: q.id });
    expect(unchanged.notes).toBe('');
    expect(unchanged.lines).toHaveLength(1);
    const discount = await failure(invoke(core, 'quotes.update', { id: q.id, changes: { discount: { kind: 'amount', amount: '1000' } } }));
    expect(discount).toMatchObject({ code: 'invalid_input', field: 'changes.discount.amount' });
  });

  it('needs a rate for a currency that has none, naming the rate field', async () => {
    expect(await failure(invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, currency: 'KES' }))).toMatchObject({ code: 'invalid_input', field: 'rate' });
    const q = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, currency: 'KES', rate: '0.0551' });
    expect(q.rate).toBe('0.0551');
  });

  it('adds a buyer on the spot with company, country and WhatsApp', async () => {
    const q = await invoke(core, 'quotes.create', { newBuyer: { company: 'Kano Household Supplies', country: 'NG', whatsapp: '0802 555 1234' }, currency: 'USD' });
    expect(q.buyer).toMatchObject({ company: 'Kano Household Supplies', country: 'NG', currency: 'USD', contact: { whatsapp: '+2348025551234' } });
    const buyer = await invoke(core, 'buyers.get', { id: q.buyer.id });
    expect(buyer.contacts[0]?.whatsapp).toBe('+2348025551234');
    const bad = await failure(invoke(core, 'quotes.create', { newBuyer: { company: 'X', country: 'NG', whatsapp: '12' } }));
    expect(bad).toMatchObject({ code: 'invalid_input', field: 'newBuyer.whatsapp' });
  });

  it('goes draft → sent → accepted, and only a draft can change', async () => {
    const q = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines: [{ itemNo: '00123' }] });
    const sent = await invoke(core, 'quotes.send', { id: q.id });
    expect(sent.status).toBe('sent');
    expect(sent.sentAt).toBe('2026-03-10T10:00:00.000Z');
    expect(await failure(invoke(core, 'quotes.update', { id: q.id, changes: { notes: 'x' } }))).toMatchObject({ code: 'conflict', field: 'id' });
    expect(await failure(invoke(core, 'quotes.addByScan', { id: q.id, code: '00123' }))).toMatchObject({ code: 'conflict' });
    expect((await invoke(core, 'quotes.accept', { id: q.id })).status).toBe('accepted');
    expect(await failure(invoke(core, 'quotes.reject', { id: q.id }))).toMatchObject({ code: 'conflict' });
    const empty = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id });
    expect(await failure(invoke(core, 'quotes.send', { id: empty.id }))).toMatchObject({ code: 'invalid_input', field: 'id' });
    const declined = await invoke(core, 'quotes.reject', { id: (await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines: [{ itemNo: '01107' }] })).id, reason: 'price too high' });
    expect(declined).toMatchObject({ status: 'rejected', rejectReason: 'price too high' });
  });

  it('freezes the seller and buyer blocks when a quotation is sent', async () => {
    const q = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines: [{ itemNo: '00123' }] });
    await invoke(core, 'quotes.send', { id: q.id });
    await invoke(core, 'settings.update', { seller: { stallNumber: 'District 5, Stall 99' } });
    await invoke(core, 'buyers.update', { id: stall.buyers.lagos.id, changes: { company: 'Lagos Mega Stores PLC' } });
    const again = await invoke(core, 'quotes.get', { id: q.id });
    expect(again.seller.stallNumber).toBe('District 2, Stall 21345');
    expect(again.buyer.company).toBe('Lagos Mega Stores Ltd');
    const draft = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id });
    expect(draft.buyer.company).toBe('Lagos Mega Stores PLC');
  });

  it('expires a draft or sent quotation on the first read after its last valid day', async () => {
    const sent = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, validityDays: 7, lines: [{ itemNo: '00123' }] });
    await invoke(core, 'quotes.send', { id: sent.id });
    const accepted = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, validityDays: 7, lines: [{ itemNo: '00123' }] });
    await invoke(core, 'quotes.accept', { id: accepted.id });
    clock.advanceDays(7); // the 17th: still valid (valid until the 17th inclusive)
    expect((await invoke(core, 'quotes.get', { id: sent.id })).status).toBe('sent');
    clock.advanceDays(1);
    const list = await invoke(core, 'quotes.list', { status: ['expired'] });
    expect(list.items.map((i) => i.id)).toEqual([sent.id]);
    expect((await invoke(core, 'quotes.get', { id: sent.id })).expiredAt).toBe('2026-03-18T10:00:00.000Z');
    expect((await invoke(core, 'quotes.get', { id: accepted.id })).status).toBe('accepted');
    expect(await failure(invoke(core, 'quotes.accept', { id: sent.id }))).toMatchObject({ code: 'conflict', field: 'id' });
  });

  it('makes revision 2 supersede revision 1, both readable, the list showing the latest', async () => {
    const rev1 = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines: [{ itemNo: '00123', note: 'red only' }], notes: 'first offer' });
    await invoke(core, 'quotes.send', { id: rev1.id });
    clock.advanceDays(3);
    const rev2 = await invoke(core, 'quotes.revise', { id: rev1.id });
    expect(rev2).toMatchObject({ number: rev1.number, revision: 2, displayNumber: 'JH-Q2026-0001-R2', status: 'draft', date: '2026-03-13', notes: 'first offer', supersedes: { id: rev1.id, status: 'superseded' } });
    expect(rev2.lines.map((l) => [l.product.itemNo, l.qty, l.unitPrice, l.note])).toEqual([['00123', 288, '0.33', 'red only']]);
    const old = await invoke(core, 'quotes.get', { id: rev1.id });
    expect(old).toMatchObject({ status: 'superseded', supersededBy: { id: rev2.id, displayNumber: 'JH-Q2026-0001-R2' } });
    expect(old.lines).toHaveLength(1);
    expect((await invoke(core, 'quotes.get', { number: 'JH-Q2026-0001' })).id).toBe(rev2.id);
    expect((await invoke(core, 'quotes.get', { number: 'JH-Q2026-0001', revision: 1 })).id).toBe(rev1.id);
    const list = await invoke(core, 'quotes.list', {});
    expect(list.items.map((i) => i.displayNumber)).toEqual(['JH-Q2026-0001-R2']);
    expect((await invoke(core, 'quotes.list', { latestOnly: false })).total).toBe(2);
    expect(await failure(invoke(core, 'quotes.revise', { id: rev1.id }))).toMatchObject({ code: 'conflict' });
    expect(await failure(invoke(core, 'quotes.revise', { id: rev2.id }))).toMatchObject({ code: 'conflict' });
  });

  it('duplicates a quotation for another buyer in that buyer\'s currency with a new number', async () => {
    const source = await invoke(core, 'quotes.create', {
      buyerId: stall.buyers.lagos.id, priceDecimals: 4, shippingMarks: 'LAGOS MEGA / C/NO.',
      lines: [{ itemNo: '00123', cartons: 2 }, { itemNo: '02113', qty: 600, unitPrice: '0.2' }],
    });
    await invoke(core, 'products.update', { id: stall.products.car.id, changes: { names: { en: 'Pull-back car, new box' } } });
    const copy = await invoke(core, 'quotes.duplicate', { id: source.id, buyerId: stall.buyers.dubai.id });
    expect(copy).toMatchObject({ number: 'JH-Q2026-0002', revision: 1, status: 'draft', currency: 'AED', rate: '1.9395', shippingMarks: '', buyer: { company: 'Al Noor General Trading LLC' } });
    // 2.35 CNY / 1.9395 = 1.2117 AED; 0.2 USD × 7.1234 / 1.9395 = 0.7346 AED.
    expect(copy.lines.map((l) => [l.qty, l.unitPrice, l.product.names.en])).toEqual([
      [576, '1.2117', 'Pull-back car, new box'],
      [600, '0.7346', 'Crystal stud earrings'],
    ]);
    const quick = await invoke(core, 'quotes.duplicate', { id: source.id, newBuyer: { company: 'Accra Fashion Hub', country: 'GH', whatsapp: '+233 24 123 4567' } });
    expect(quick).toMatchObject({ currency: 'USD', buyer: { company: 'Accra Fashion Hub', country: 'GH' } });
    expect(quick.lines.map((l) => l.unitPrice)).toEqual(['0.3299', '0.2000']);
  });

  it('deletes a draft with its lines and never gives its number again; a sent quotation stays on record', async () => {
    const first = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines: [{ itemNo: '00123' }] });
    const mistake = await invoke(core, 'quotes.create', { buyerId: stall.buyers.dubai.id, lines: [{ itemNo: '00123' }, { itemNo: '02113' }] });
    expect(mistake.number).toBe('JH-Q2026-0002');
    expect(await invoke(core, 'quotes.delete', { id: mistake.id })).toEqual({ deleted: 'JH-Q2026-0002', reopened: null });
    expect(await failure(invoke(core, 'quotes.get', { id: mistake.id }))).toMatchObject({ code: 'not_found' });
    expect(core.db.prepare('SELECT count(*) AS n FROM quote_lines WHERE quote_id = ?').get(mistake.id)).toEqual({ n: 0 });
    expect(await invoke(core, 'quotes.deletedDrafts', {})).toEqual({
      total: 1,
      items: [{
        displayNumber: 'JH-Q2026-0002', buyerId: stall.buyers.dubai.id, company: 'Al Noor General Trading LLC',
        currency: 'AED', grandTotal: mistake.totals.grandTotal, lineCount: 2, deletedAt: '2026-03-10T10:00:00.000Z',
      }],
    });
    const next = await invoke(core, 'quotes.create', { buyerId: stall.buyers.dubai.id });
    expect(next.number).toBe('JH-Q2026-0003');
    expect(next.id).toBeGreaterThan(mistake.id); // a screen still open on the deleted draft cannot reach it
    await invoke(core, 'quotes.send', { id: first.id });
    expect(await failure(invoke(core, 'quotes.delete', { id: first.id }))).toMatchObject({ code: 'conflict', field: 'id' });
    expect((await invoke(core, 'quotes.get', { id: first.id })).lines).toHaveLength(1);
    expect(await failure(invoke(core, 'quotes.delete', { id: 9999 }))).toMatchObject({ code: 'not_found', field: 'id' });
  });

  it('deletes a draft that expired unsent, but not one that expired after it was sent', async () => {
    const unsent = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, validityDays: 3, lines: [{ itemNo: '00123' }] });
    const sent = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, validityDays: 3, lines: [{ itemNo: '00123' }] });
    await invoke(core, 'quotes.send', { id: sent.id });
    clock.advanceDays(5);
    expect((await invoke(core, 'quotes.get', { id: unsent.id })).status).toBe('expired');
    expect((await invoke(core, 'quotes.delete', { id: unsent.id })).deleted).toBe('JH-Q2026-0001');
    expect(await failure(invoke(core, 'quotes.delete', { id: sent.id }))).toMatchObject({ code: 'conflict', field: 'id' });
  });

  it('deleting a revision\'s draft gives the revision before it back its status', async () => {
    const rev1 = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, validityDays: 5, lines: [{ itemNo: '00123' }] });
    await invoke(core, 'quotes.send', { id: rev1.id });
    const rev2 = await invoke(core, 'quotes.revise', { id: rev1.id });
    expect(await invoke(core, 'quotes.delete', { id: rev2.id })).toMatchObject({ deleted: 'JH-Q2026-0001-R2', reopened: { id: rev1.id, status: 'sent' } });
    expect(await invoke(core, 'quotes.get', { id: rev1.id })).toMatchObject({ status: 'sent', supersededBy: null });
    expect((await invoke(core, 'quotes.list', {})).items.map((i) => i.displayNumber)).toEqual(['JH-Q2026-0001']);
    // Revised again, and the new draft deleted after rev 1's validity ended: rev 1 comes back expired, as it would be.
    const again = await invoke(core, 'quotes.revise', { id: rev1.id });
    expect(again.displayNumber).toBe('JH-Q2026-0001-R3'); // R2 was given once: never again
    clock.advanceDays(10);
    expect((await invoke(core, 'quotes.delete', { id: again.id })).reopened).toMatchObject({ id: rev1.id, status: 'expired' });
    const accepted = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines: [{ itemNo: '00123' }] });
    await invoke(core, 'quotes.accept', { id: accepted.id });
    const accRev = await invoke(core, 'quotes.revise', { id: accepted.id });
    expect((await invoke(core, 'quotes.delete', { id: accRev.id })).reopened).toMatchObject({ id: accepted.id, status: 'accepted' });
  });

  it('lists quotations by status, buyer and country', async () => {
    const a = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines: [{ itemNo: '00123' }] });
    const b = await invoke(core, 'quotes.create', { buyerId: stall.buyers.dubai.id, lines: [{ itemNo: '00123' }] });
    await invoke(core, 'quotes.send', { id: b.id });
    expect((await invoke(core, 'quotes.list', { status: ['sent'] })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await invoke(core, 'quotes.list', { country: 'NG' })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await invoke(core, 'quotes.list', { buyerId: stall.buyers.dubai.id })).items.map((i) => i.id)).toEqual([b.id]);
    const row = (await invoke(core, 'quotes.list', { search: 'lagos' })).items[0];
    expect(row).toMatchObject({ id: a.id, buyer: { country: 'NG' }, grandTotal: a.totals.grandTotal, cbm: a.totals.cbm, lineCount: 1 });
  });

  it('finds products for the search box with the price in the quotation\'s currency', async () => {
    const q = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, priceDecimals: 4 });
    const byName = await invoke(core, 'quotes.lookup', { query: 'ball', quoteId: q.id });
    expect(byName.map((i) => [i.product.itemNo, i.defaultQty, i.priceCny, i.suggestedUnitPrice])).toEqual([['01107', 1000, '0.374', '0.0525']]);
    const byBarcode = await invoke(core, 'quotes.lookup', { query: stall.products.car.barcode });
    expect(byBarcode[0]?.product.itemNo).toBe('00123');
    expect((await invoke(core, 'quotes.lookup', { query: '0' })).map((i) => i.product.itemNo)).toEqual(['00123', '01107', '02113', '03118', '04130', '09001']);
    expect(byName[0]?.product).not.toHaveProperty('costCny');
  });

  it('makes the container list configurable, for the owner only', async () => {
    const settings = await invoke(core, 'quotes.settings', {});
    expect(settings.containers).toEqual([
      { code: '20GP', capacityCbm: '28', payloadKg: '21700' },
      { code: '40GP', capacityCbm: '58', payloadKg: '26500' },
      { code: '40HQ', capacityCbm: '68', payloadKg: '26500' },
    ]);
    const staff = await callMethod(core, 'quotes.updateSettings', { priceDecimals: 3 }, { session: { role: 'staff' } });
    expect(staff).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await invoke(core, 'quotes.updateSettings', { priceDecimals: 3, containers: [{ code: '40hq', capacityCbm: '2', payloadKg: 1000 }] });
    const q = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines: [{ itemNo: '00123', cartons: 20 }] });
    expect(q.priceDecimals).toBe(3);
    expect(q.containers).toEqual([
      { code: '40HQ', capacityCbm: '2.000', payloadKg: '1000', volumePercent: 111.6, weightPercent: 29, bindsBy: 'volume', containers: 2, lastContainerPercent: 11.6, moreCartons: 15 },
    ]);
  });
});
