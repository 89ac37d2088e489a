/**
 * The acceptance of "After the PI" (issue 14, part A), through the API table (and the HTTP door
 * at the end): a PI with lines from three suppliers and one line without → three purchase
 * orders and the unassigned line; a partial receipt and a second one; two deliveries; deposit
 * and balance; the statement's totals, the aging buckets (clock injected) and the margin equal
 * an independent calculation to the cent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure, invoke } from '../../main/api/invoke';
import { startServer, type RunningServer } from '../../main/server/server';
import { rendererDir } from '../../main/server/renderer';
import { tempCore } from '../helpers/tempCore';
import { movableClock } from '../helpers/quoteStall';
import { post } from '../helpers/server';
import { dataDigest } from '../helpers/stall';
import { issuePi, seedAfterPiStall } from '../helpers/afterPiStall';
import { balancesOutOfStep } from '../../db/balances';

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error.error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

// ---------------------------------------------------------------------------
// The independent calculation: figures worked out here from the prices, rates and quantities,
// with BigInt and the app's rule (half away from zero), not with the app's code.

/** value × 10^4 of a decimal string. */
const e4 = (s: string) => {
  const [w, f = ''] = s.split('.');
  return BigInt(`${w}${f.padEnd(4, '0')}`);
};
const round = (n: bigint, d: bigint) => ((n * 2n + (n >= 0n ? d : -d)) / (2n * d));
/** × 10^4 rounded to the cent, as text with 2 decimals. */
const cents = (v: bigint) => {
  const c = round(v, 100n);
  const s = (c < 0n ? -c : c).toString().padStart(3, '0');
  return `${c < 0n ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
};
const RATE = e4('7.1234'); // CNY per USD × 10^4
/** A CNY tier price in USD, rounded to 2 decimals (the quotation's price decimals), × 10^4. */
const usdPrice = (cny: string) => round(e4(cny) * 10000n * 100n, RATE * 10000n) * 100n;
const USD = { car: usdPrice('2.35'), earrings: usdPrice('1.25'), socks: usdPrice('34.50'), tools: usdPrice('42.00') };
const amount = (qty: number, priceE4: bigint) => round(BigInt(qty) * priceE4, 100n) * 100n;
const LINES = { car: amount(1440, USD.car), earrings: amount(2000, USD.earrings), socks: amount(100, USD.socks), tools: amount(50, USD.tools) };
const CHARGE = e4('120');
const TOTAL = LINES.car + LINES.earrings + LINES.socks + LINES.tools + CHARGE;
const DEPOSIT = round(TOTAL * 30n, 100n * 100n) * 100n;
const PI2_TOTAL = amount(10, USD.tools);
/** USD × 10^4 in CNY × 10^4, rounded to the fen. */
const toCny = (usd: bigint) => round(usd * RATE, 10000n * 100n) * 100n;
const cost = (qty: number, cny: string) => round(BigInt(qty) * e4(cny), 100n) * 100n;

describe('after the PI: factory orders, goods in, deliveries to the forwarder, balance and margin (acceptance)', () => {
  const clock = movableClock('2026-03-02T09:00:00Z');
  let core: ReturnType<typeof tempCore>;
  let server: RunningServer;
  let stall: Awaited<ReturnType<typeof seedAfterPiStall>>;

  beforeAll(async () => {
    core = tempCore({ now: clock.now });
    stall = await seedAfterPiStall(core);
    server = await startServer({ core, rendererDir: rendererDir(), port: 0 });
  });
  afterAll(async () => {
    await server.close();
    core.remove();
  });

  /** The call must fail naming `field` and leave every table as it was. */
  async function refused(call: Promise<unknown>, field: string) {
    const before = dataDigest(core);
    const error = await failure(call);
    expect(error.field, error.message).toBe(field);
    expect(dataDigest(core)).toBe(before);
    return error;
  }

  it('orders from three factories, receives in parts, delivers twice, collects the balance, and every figure equals the independent calculation', async () => {
    const { car, earrings, socks, tools } = stall.products;
    const lagos = stall.buyers.lagos.id;
    // 2 March: the PI. Three lines from three factories, the tool sets from stock (no supplier).
    const pi = await issuePi(core, lagos, [{ itemNo: 'TC-100', qty: 1440 }, { itemNo: 'EA-200', qty: 2000 }, { itemNo: 'SK-300', qty: 100 }, { itemNo: 'TS-400', qty: 50 }], {
      deliveryTime: '35 days after deposit', shippingMarks: 'LAGOS MEGA / C/NO. 1-UP', charges: [{ kind: 'inland_transport', amount: '120' }],
    });
    expect(pi.totals).toMatchObject({ grandTotal: cents(TOTAL), deposit: cents(DEPOSIT) });
    expect(pi.lines.map((l) => l.unitPrice)).toEqual([USD.car, USD.earrings, USD.socks, USD.tools].map(cents));
    expect(pi.progress).toMatchObject({ stage: 'issued', goods: 'waiting', payment: 'unpaid' });
    const line = (itemNo: string) => pi.lines.find((l) => l.product.itemNo === itemNo)!;

    // 3 March: the deposit.
    clock.set('2026-03-03T09:00:00Z');
    await invoke(core, 'invoices.addPayment', { id: pi.id, amount: cents(DEPOSIT), method: 'tt', kind: 'deposit', reference: 'TT-0303' });
    expect((await invoke(core, 'invoices.get', { id: pi.id })).progress.stage).toBe('deposit_received');

    // Three draft orders, one per factory; the tool sets are listed, not dropped.
    const made = await invoke(core, 'purchases.fromInvoice', { invoiceId: pi.id });
    expect(made.orders.map((o) => [o.supplier.names.zh, o.lines.map((l) => [l.itemNo, l.supplierItemNo, l.qty, l.cartons, l.costCny])])).toEqual([
      ['金华新达玩具厂', [['TC-100', 'XD-88', 1440, 5, '1.60']]],
      ['义乌美丽饰品厂', [['EA-200', 'ML-7', 2000, 2, '0.85']]],
      ['诸暨袜业有限公司', [['SK-300', '', 100, 4, '22.50']]],
    ]);
    expect(made.unassigned).toEqual([{ lineId: line('TS-400').id, no: 4, itemNo: 'TS-400', names: { zh: '家用工具套装', en: 'Household tool set' }, qty: 50, reason: 'no_supplier' }]);
    // Delivery date: 35 days from the deposit day (3 March) = 7 April; numbers gapless; the buyer's marks and packing.
    expect(made.orders.map((o) => [o.number, o.status, o.deliveryDate, o.shippingMarks, o.invoice?.number])).toEqual([
      ['PO2026-0001', 'draft', '2026-04-07', 'LAGOS MEGA / C/NO. 1-UP', pi.number],
      ['PO2026-0002', 'draft', '2026-04-07', 'LAGOS MEGA / C/NO. 1-UP', pi.number],
      ['PO2026-0003', 'draft', '2026-04-07', 'LAGOS MEGA / C/NO. 1-UP', pi.number],
    ]);
    expect(made.orders[0]!.lines[0]!.packing).toMatchObject({ pcsPerCarton: 288, cartonCm: { l: '62', w: '40', h: '45' } });
    expect(made.orders.map((o) => o.costTotal)).toEqual([cents(cost(1440, '1.60')), cents(cost(2000, '0.85')), cents(cost(100, '22.50'))]);
    // Asked again, nothing is ordered twice.
    const again = await invoke(core, 'purchases.fromInvoice', { invoiceId: pi.id });
    expect(again.orders).toEqual([]);
    expect(again.alreadyOrdered.map((l) => l.itemNo)).toEqual(['TC-100', 'EA-200', 'SK-300']);
    const [poCar, poEarrings, poSocks] = made.orders as [typeof made.orders[0], typeof made.orders[0], typeof made.orders[0]];
    for (const o of made.orders) await invoke(core, 'purchases.order', { id: o.id });
    await invoke(core, 'purchases.addPayment', { id: poCar.id, amount: cents(cost(1440, '1.60') * 30n / 100n), method: 'alipay', reference: 'deposit 30%' });
    expect((await invoke(core, 'invoices.get', { id: pi.id })).progress.stage).toBe('in_production');

    // 20 March: the car factory delivers 3 cartons (864, 4 pieces damaged); on 27 March the other 2 cartons and the other factories.
    clock.set('2026-03-20T09:00:00Z');
    const first = await invoke(core, 'purchases.receive', { id: poCar.id, lines: [{ lineId: poCar.lines[0]!.id, qty: 864, cartons: 3, damaged: 4, note: '4 cars with broken wheels' }] });
    expect(first).toMatchObject({ status: 'partly_received', costReceived: cents(cost(864, '1.60')) });
    expect(first.lines[0]).toMatchObject({ received: 864, damaged: 4, cartonsReceived: 3, remaining: 576 });
    await refused(invoke(core, 'purchases.receive', { id: poCar.id, lines: [{ lineId: poCar.lines[0]!.id, qty: 577 }] }), 'lines.0.qty');
    clock.set('2026-03-27T09:00:00Z');
    expect(await invoke(core, 'purchases.receive', { id: poCar.id, lines: [{ lineId: poCar.lines[0]!.id, qty: 576 }] })).toMatchObject({ status: 'received', receipts: [{ receivedOn: '2026-03-20' }, { receivedOn: '2026-03-27' }] });
    await invoke(core, 'purchases.receive', { id: poEarrings.id, lines: [{ lineId: poEarrings.lines[0]!.id, qty: 2000 }] });
    // The socks are not in yet: they cannot leave.
    const history = await invoke(core, 'stock.history', { productId: car.id });
    expect(history.items.filter((m) => m.kind === 'receive').map((m) => [m.onHandDelta, m.reference, m.reason])).toEqual([
      [576, 'PO2026-0001', 'purchase receipt'],
      [864, 'PO2026-0001', 'purchase receipt'],
    ]);
    const afterIn = await invoke(core, 'invoices.get', { id: pi.id });
    expect(afterIn.progress.lines.map((l) => [l.itemNo, l.onOrder, l.received, l.damaged])).toEqual([
      ['TC-100', 1440, 1440, 4], ['EA-200', 2000, 2000, 0], ['SK-300', 100, 0, 0], ['TS-400', 0, 0, 0],
    ]);
    expect(afterIn.progress.stage).toBe('in_production');

    // 28 March: the first delivery to the forwarder's warehouse, cartons numbered 1…
    clock.set('2026-03-28T09:00:00Z');
    const forwarder = await invoke(core, 'shipments.saveForwarder', { name: '义乌宏达货运', phone: '138 0000 1234', address: '福田物流园 3 号仓' });
    await refused(invoke(core, 'shipments.create', { invoiceId: pi.id, forwarderId: forwarder.id, lines: [{ lineId: line('SK-300').id, qty: 100 }] }), 'lines.0.qty');
    await refused(invoke(core, 'shipments.create', { invoiceId: pi.id, forwarderId: forwarder.id, lines: [{ lineId: line('TC-100').id, qty: 1441 }] }), 'lines.0.qty');
    const d1 = await invoke(core, 'shipments.create', {
      invoiceId: pi.id, forwarderId: forwarder.id, entryNo: 'JC2026-0456',
      lines: [{ lineId: line('TC-100').id, qty: 864 }, { lineId: line('EA-200').id, qty: 2000 }, { lineId: line('TS-400').id, qty: 50 }],
    });
    expect(d1).toMatchObject({ number: `${pi.number}-D1`, deliveredOn: '2026-03-28', entryNo: 'JC2026-0456', forwarder: { name: '义乌宏达货运', phone: '+8613800001234' }, shippingMarks: 'LAGOS MEGA / C/NO. 1-UP' });
    expect(d1.lines.map((l) => [l.itemNo, l.qty, l.cartons, l.cartonRange, l.cbm, l.grossWeightKg, l.netWeightKg, l.value])).toEqual([
      // 3 cartons of 62×40×45 cm = 0.3348 → 0.335 m³; 3 × 14.5 kg; 864 × price
      ['TC-100', 864, 3, { from: 1, to: 3 }, '0.335', '43.50', '38.40', cents(amount(864, USD.car))],
      ['EA-200', 2000, 2, { from: 4, to: 5 }, '0.053', '12.20', '10.80', cents(LINES.earrings)],
      ['TS-400', 50, 5, { from: 6, to: 10 }, '0.336', '97.50', '90.00', cents(LINES.tools)],
    ]);
    expect(d1.totals).toMatchObject({ cartons: 10, cbm: '0.724', grossWeightKg: '153.20' });
    expect((await invoke(core, 'invoices.get', { id: pi.id })).progress).toMatchObject({ stage: 'partly_delivered', goods: 'partly_delivered' });
    expect(await invoke(core, 'stock.history', { productId: tools.id, kinds: ['ship'] })).toMatchObject({ items: [{ onHandDelta: -50, reservedDelta: -50, reference: pi.number }] });

    // A second PI for the same buyer: 10 tool sets, delivered at once (invoices.ship delivers everything left).
    clock.set('2026-03-05T09:00:00Z');
    const pi2 = await issuePi(core, lagos, [{ itemNo: 'TS-400', qty: 10 }]);
    expect(pi2.totals.grandTotal).toBe(cents(PI2_TOTAL));
    clock.set('2026-03-06T09:00:00Z');
    const shipped2 = await invoke(core, 'invoices.ship', { id: pi2.id });
    expect(shipped2).toMatchObject({ status: 'shipped', progress: { goods: 'delivered', stage: 'delivered', deliveries: [{ number: `${pi2.number}-D1` }] } });

    // 2 April: the socks came in; the second delivery takes the rest, cartons numbered on from 11.
    clock.set('2026-04-02T09:00:00Z');
    await invoke(core, 'purchases.receive', { id: poSocks.id, receivedOn: '2026-04-01', lines: [{ lineId: poSocks.lines[0]!.id, qty: 100 }] });
    expect((await invoke(core, 'invoices.get', { id: pi.id })).progress).toMatchObject({ goods: 'partly_delivered', readyToDeliver: true });
    const d2 = await invoke(core, 'shipments.create', {
      invoiceId: pi.id, forwarder: { name: 'Lagos agent warehouse', phone: '+234 803 123 4567' }, entryNo: 'JC2026-0519',
      lines: [{ lineId: line('TC-100').id, qty: 576 }, { lineId: line('SK-300').id, qty: 100 }],
    });
    expect(d2.lines.map((l) => [l.itemNo, l.cartons, l.cartonRange])).toEqual([['TC-100', 2, { from: 11, to: 12 }], ['SK-300', 4, { from: 13, to: 16 }]]);
    const delivered = await invoke(core, 'invoices.get', { id: pi.id });
    expect(delivered).toMatchObject({ status: 'shipped', progress: { stage: 'delivered', goods: 'delivered', payment: 'deposit_received' } });
    expect(delivered.stock.map((s) => [s.itemNo, s.reserved, s.shipped])).toEqual([['TC-100', 0, 1440], ['EA-200', 0, 2000], ['SK-300', 0, 100], ['TS-400', 0, 50]]);
    const levels = await Promise.all([car, earrings, socks, tools].map(async (p) => (await invoke(core, 'products.get', { id: p.id })).stock));
    expect(levels).toEqual([{ onHand: 0, reserved: 0, available: 0 }, { onHand: 0, reserved: 0, available: 0 }, { onHand: 0, reserved: 0, available: 0 }, { onHand: 40, reserved: 0, available: 40 }]);

    // 10 April: part of the balance; a payment above what is left is refused.
    clock.set('2026-04-10T09:00:00Z');
    await invoke(core, 'invoices.addPayment', { id: pi.id, amount: '1000', method: 'tt', kind: 'balance', reference: 'TT-0410' });
    await refused(invoke(core, 'invoices.addPayment', { id: pi.id, amount: cents(TOTAL - DEPOSIT - e4('1000') + 100n), method: 'tt', kind: 'balance' }), 'amount');

    // 10 June: the statement. PI 1's balance was due 30 days after its first delivery (28 March → 27 April): 44 days
    // overdue; PI 2's 30 days after 6 March → 5 April: 66 days.
    clock.set('2026-06-10T09:00:00Z');
    const st = await invoke(core, 'statements.buyer', { buyerId: lagos, from: '2026-03-01' });
    expect(st.sections.map((s) => s.currency)).toEqual(['USD']);
    const usd = st.sections[0]!;
    const owedPi1 = TOTAL - DEPOSIT - e4('1000');
    expect(usd).toMatchObject({
      opening: '0.00',
      invoiced: cents(TOTAL + PI2_TOTAL),
      paid: cents(DEPOSIT + e4('1000')),
      closing: cents(owedPi1 + PI2_TOTAL),
      aging: { notDue: '0.00', days0to30: '0.00', days31to60: cents(owedPi1), days61to90: cents(PI2_TOTAL), days90plus: '0.00', overdue: cents(owedPi1 + PI2_TOTAL), outstanding: cents(owedPi1 + PI2_TOTAL) },
    });
    expect(usd.entries.map((e) => [e.date, e.kind, e.invoice.number, e.debit, e.credit, e.balance])).toEqual([
      ['2026-03-02', 'invoice', pi.number, cents(TOTAL), null, cents(TOTAL)],
      ['2026-03-03', 'payment', pi.number, null, cents(DEPOSIT), cents(TOTAL - DEPOSIT)],
      ['2026-03-05', 'invoice', pi2.number, cents(PI2_TOTAL), null, cents(TOTAL - DEPOSIT + PI2_TOTAL)],
      ['2026-03-06', 'delivery', pi2.number, null, null, cents(TOTAL - DEPOSIT + PI2_TOTAL)],
      ['2026-03-28', 'delivery', pi.number, null, null, cents(TOTAL - DEPOSIT + PI2_TOTAL)],
      ['2026-04-02', 'delivery', pi.number, null, null, cents(TOTAL - DEPOSIT + PI2_TOTAL)],
      ['2026-04-10', 'payment', pi.number, null, '1000.00', cents(owedPi1 + PI2_TOTAL)],
    ]);
    expect(usd.entries[4]).toMatchObject({ reference: `${pi.number}-D1 · JC2026-0456`, detail: { cartons: 10, value: cents(amount(864, USD.car) + LINES.earrings + LINES.tools), entryNo: 'JC2026-0456' } });
    expect(usd.invoices.map((i) => [i.number, i.balance, i.dueOn, i.daysOverdue, i.bucket])).toEqual([
      [pi.number, cents(owedPi1), '2026-04-27', 44, 'days31to60'],
      [pi2.number, cents(PI2_TOTAL), '2026-04-05', 66, 'days61to90'],
    ]);
    // From 4 March the opening balance is what was left after the deposit.
    const later = await invoke(core, 'statements.buyer', { buyerId: lagos, from: '2026-03-04', to: '2026-06-10' });
    expect(later.sections[0]).toMatchObject({ opening: cents(TOTAL - DEPOSIT), closing: usd.closing, invoiced: cents(PI2_TOTAL) });
    // The receivables list says the same.
    expect(await invoke(core, 'receivables.list', {})).toMatchObject({
      total: 1,
      items: [{ buyer: { id: lagos }, currency: 'USD', owed: cents(owedPi1 + PI2_TOTAL), overdue: cents(owedPi1 + PI2_TOTAL), since: '2026-04-05', daysOverdue: 66 }],
    });
    // A month later, 31 days on: PI 1 is 75 days overdue, PI 2 97.
    clock.advanceDays(31);
    const aged = await invoke(core, 'statements.buyer', { buyerId: lagos });
    expect(aged.sections[0]!.aging).toMatchObject({ days31to60: '0.00', days61to90: cents(owedPi1), days90plus: cents(PI2_TOTAL) });

    // The margin of both PIs, in CNY at the PI's rate.
    const costPi1 = cost(1440, '1.60') + cost(2000, '0.85') + cost(100, '22.50') + cost(50, '30.00');
    const revenue1 = toCny(TOTAL);
    const charges1 = toCny(CHARGE);
    const margin1 = revenue1 - charges1 - costPi1;
    const revenue2 = toCny(PI2_TOTAL);
    const margin2 = revenue2 - cost(10, '30.00');
    const percent = (m: bigint, r: bigint) => Number(round(m * 1000n, r)) / 10;
    const report = await invoke(core, 'reports.margin', { from: '2026-03-01', to: '2026-03-31' });
    expect(report.invoices.map((i) => [i.number, i.revenue, i.charges, i.cost, i.margin, i.marginPercent, i.costComplete, i.piecesFromOrders, i.piecesFromCatalog])).toEqual([
      [pi.number, cents(revenue1), cents(charges1), cents(costPi1), cents(margin1), percent(margin1, revenue1), true, 3540, 50],
      [pi2.number, cents(revenue2), '0.00', cents(cost(10, '30.00')), cents(margin2), percent(margin2, revenue2), true, 0, 10],
    ]);
    expect(report.byBuyer).toEqual([expect.objectContaining({ buyer: { id: lagos, company: 'Lagos Mega Stores Ltd', country: 'NG' }, invoices: 2, margin: cents(margin1 + margin2), marginPercent: percent(margin1 + margin2, revenue1 + revenue2) })]);
    expect(report.byMonth).toEqual([expect.objectContaining({ month: '2026-03', revenue: cents(revenue1 + revenue2), margin: cents(margin1 + margin2) })]);

    // What the stall owes its factories: received value − payments.
    const payables = await invoke(core, 'purchases.payables', {});
    expect(payables.items.map((p) => [p.supplier.name, p.costReceived, p.paid, p.balance])).toEqual([
      ['诸暨袜业有限公司', cents(cost(100, '22.50')), '0.00', cents(cost(100, '22.50'))],
      ['义乌美丽饰品厂', cents(cost(2000, '0.85')), '0.00', cents(cost(2000, '0.85'))],
      ['金华新达玩具厂', cents(cost(1440, '1.60')), cents(cost(1440, '1.60') * 30n / 100n), cents(cost(1440, '1.60') - cost(1440, '1.60') * 30n / 100n)],
    ]);
    await refused(invoke(core, 'purchases.addPayment', { id: poCar.id, amount: cents(cost(1440, '1.60') - cost(1440, '1.60') * 30n / 100n + 100n), method: 'tt' }), 'amount');

    // The last of the balance: the PI is paid (goods and money).
    await invoke(core, 'invoices.addPayment', { id: pi.id, amount: cents(owedPi1), method: 'tt', kind: 'balance' });
    expect((await invoke(core, 'invoices.get', { id: pi.id })).progress).toMatchObject({ stage: 'paid', goods: 'delivered', payment: 'paid' });

    // The balances the statement reads are in step with the payments, statuses and deliveries.
    expect(balancesOutOfStep(core.db)).toEqual([]);
    // Through the HTTP door the statement is the same document.
    const overHttp = await post(server, 'statements.buyer', { buyerId: lagos, from: '2026-03-01' });
    expect(overHttp.status).toBe(200);
    expect(overHttp.json).toEqual(await invoke(core, 'statements.buyer', { buyerId: lagos, from: '2026-03-01' }));
  });
});
