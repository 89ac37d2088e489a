import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { callMethod } from '../../main/api/dispatch';
import { tempCore } from '../helpers/tempCore';
import { movableClock } from '../helpers/quoteStall';
import { issuePi, seedAfterPiStall } from '../helpers/afterPiStall';

describe('margin and follow-ups', () => {
  let core: ReturnType<typeof tempCore>;
  let clock: ReturnType<typeof movableClock>;
  let stall: Awaited<ReturnType<typeof seedAfterPiStall>>;

  beforeEach(async () => {
    clock = movableClock('2026-03-02T09:00:00Z');
    core = tempCore({ now: clock.now });
    stall = await seedAfterPiStall(core);
  });
  afterEach(() => core.remove());

  it('costs a PI from its orders (a closed short order at what came), the rest at the catalog cost, and takes charges out of the margin', async () => {
    // CNY PI: no conversion, so every figure reads directly. 600 cars at 2.35, 100 tool sets at 42, freight 150.
    const cny = await invoke(core, 'buyers.create', { company: 'Yiwu walk-in', country: 'CN', currency: 'CNY' });
    const pi = await issuePi(core, cny.id, [{ itemNo: 'TC-100', qty: 600 }, { itemNo: 'TS-400', qty: 100 }], { charges: [{ kind: 'freight', amount: '150' }] });
    expect(pi.totals.grandTotal).toBe('5760.00'); // 1410 + 4200 + 150
    const made = await invoke(core, 'purchases.fromInvoice', { invoiceId: pi.id });
    // The car order is cut to 400 (200 from stock) at a better price, and closes short at 380.
    const po = made.orders[0]!;
    await invoke(core, 'purchases.update', { id: po.id, changes: { lines: [{ id: po.lines[0]!.id, qty: 400, costCny: '1.55' }] } });
    await invoke(core, 'purchases.order', { id: po.id });
    await invoke(core, 'purchases.receive', { id: po.id, lines: [{ lineId: po.lines[0]!.id, qty: 380 }] });
    await invoke(core, 'purchases.close', { id: po.id });
    const report = await invoke(core, 'reports.margin', {});
    // cost: 380 × 1.55 = 589.00 (closed: what came) + 220 cars × 1.60 = 352.00 + 100 × 30.00 = 3000.00 → 3941.00
    // margin: 5760.00 − 150.00 − 3941.00 = 1669.00; 1669 / 5760 = 28.98 % → 29.0
    expect(report.invoices[0]).toMatchObject({ revenue: '5760.00', charges: '150.00', cost: '3941.00', margin: '1669.00', marginPercent: 29, costComplete: true, piecesFromOrders: 380, piecesFromCatalog: 320 });
    // A product without a cost price counts 0 and says the cost is incomplete.
    await invoke(core, 'products.update', { id: stall.products.tools.id, changes: { costCny: null } });
    expect((await invoke(core, 'reports.margin', {})).invoices[0]).toMatchObject({ cost: '941.00', costComplete: false });
    // Owner only.
    expect(await callMethod(core, 'reports.margin', {}, { session: { role: 'staff' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('sums the margin per buyer and per month from the PIs\' rounded figures, in CNY at each PI\'s rate', async () => {
    const cny = await invoke(core, 'buyers.create', { company: 'Yiwu walk-in', country: 'CN', currency: 'CNY' });
    await issuePi(core, cny.id, [{ itemNo: 'TS-400', qty: 10 }]); // 420.00, cost 300.00
    clock.set('2026-04-10T09:00:00Z');
    await issuePi(core, stall.buyers.lagos.id, [{ itemNo: 'TS-400', qty: 10 }]); // USD 59.00 × 7.1234 = 420.2806 → 420.28, cost 300.00
    const report = await invoke(core, 'reports.margin', { from: '2026-03-01', to: '2026-04-30' });
    expect(report.byMonth.map((m) => [m.month, m.revenue, m.margin])).toEqual([['2026-03', '420.00', '120.00'], ['2026-04', '420.28', '120.28']]);
    expect(report.byBuyer.map((b) => [b.buyer.company, b.margin, b.marginPercent])).toEqual([['Lagos Mega Stores Ltd', '120.28', 28.6], ['Yiwu walk-in', '120.00', 28.6]]);
    expect(report.total).toMatchObject({ invoices: 2, revenue: '840.28', cost: '600.00', margin: '240.28' });
  });

  it('lists what needs doing: deposits awaited, orders due or late (owner only), goods ready, balances overdue, each linked to its record', async () => {
    const lagos = stall.buyers.lagos.id;
    const waiting = await issuePi(core, lagos, [{ itemNo: 'TC-100', qty: 288 }], { deliveryTime: '10 days' });
    const ready = await issuePi(core, lagos, [{ itemNo: 'TS-400', qty: 10 }]);
    await invoke(core, 'invoices.addPayment', { id: ready.id, amount: ready.totals.deposit, method: 'tt', kind: 'deposit' });
    const made = await invoke(core, 'purchases.fromInvoice', { invoiceId: waiting.id });
    await invoke(core, 'purchases.order', { id: made.orders[0]!.id });
    clock.set('2026-03-11T09:00:00Z');
    const due = await invoke(core, 'reports.followUps', {});
    expect(due.depositsAwaited.map((f) => [f.record, f.party.name, f.days, f.amount])).toEqual([[{ kind: 'invoice', id: waiting.id, number: waiting.number }, 'Lagos Mega Stores Ltd', 9, waiting.totals.deposit]]);
    expect(due.purchasesDue.map((f) => [f.type, f.record.kind, f.record.id, f.date, f.days])).toEqual([['purchase_due', 'purchase_order', made.orders[0]!.id, '2026-03-12', -1]]);
    expect(due.readyToDeliver.map((f) => f.record.id)).toEqual([ready.id]);
    expect(due.balancesOverdue).toEqual([]);
    clock.set('2026-03-13T09:00:00Z');
    expect((await invoke(core, 'reports.followUps', {})).purchasesDue[0]).toMatchObject({ type: 'purchase_late', days: 1 });
    // Staff see the same list without the owner's orders.
    const staff = await callMethod(core, 'reports.followUps', {}, { session: { role: 'staff' } });
    expect(staff).toMatchObject({ ok: true, result: { purchasesDue: [], readyToDeliver: [{ record: { id: ready.id } }] } });
    // Delivered, the balance is due (before shipment / 30 days after delivery: 12 April).
    await invoke(core, 'invoices.ship', { id: ready.id });
    clock.set('2026-04-13T09:00:00Z');
    const later = await invoke(core, 'reports.followUps', {});
    expect(later.readyToDeliver).toEqual([]);
    expect(later.balancesOverdue.map((f) => [f.type, f.record.id, f.date, f.days, f.amount])).toEqual([['balance_overdue', ready.id, '2026-04-12', 1, ready.totals.balance]]);
  });
});
