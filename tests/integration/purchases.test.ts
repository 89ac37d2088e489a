import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure, invoke } from '../../main/api/invoke';
import { tempCore } from '../helpers/tempCore';
import { movableClock } from '../helpers/quoteStall';
import { dataDigest } from '../helpers/stall';
import { issuePi, seedAfterPiStall } from '../helpers/afterPiStall';
import { deliveryDays, factoryDeliveryDate } from '../../main/purchases/deliveryDate';

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error.error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('purchase orders', () => {
  let core: ReturnType<typeof tempCore>;
  let clock: ReturnType<typeof movableClock>;
  let stall: Awaited<ReturnType<typeof seedAfterPiStall>>;

  beforeEach(async () => {
    clock = movableClock('2026-03-02T09:00:00Z');
    core = tempCore({ now: clock.now });
    stall = await seedAfterPiStall(core);
  });
  afterEach(() => core.remove());

  async function refused(call: Promise<unknown>, field: string, code = 'invalid_input') {
    const before = dataDigest(core);
    const error = await failure(call);
    expect(error, error.message).toMatchObject({ code, field });
    expect(dataDigest(core)).toBe(before);
    return error;
  }

  it('dates the factory delivery from the PI issue day until the deposit is paid, then from the deposit day', async () => {
    const pi = await issuePi(core, stall.buyers.lagos.id, [{ itemNo: 'TC-100', qty: 288 }], { deliveryTime: '30-35 days after deposit' });
    const unpaid = await invoke(core, 'purchases.fromInvoice', { invoiceId: pi.id });
    expect(unpaid.deliveryDate).toEqual({ date: '2026-04-06', from: 'issue', days: 35 });
    expect(unpaid.orders[0]!.deliveryDate).toBe('2026-04-06');
    await invoke(core, 'purchases.cancel', { id: unpaid.orders[0]!.id, reason: 'made too early' });
    clock.set('2026-03-09T09:00:00Z');
    await invoke(core, 'invoices.addPayment', { id: pi.id, amount: pi.totals.deposit, method: 'tt', kind: 'deposit', paidOn: '2026-03-09' });
    // The cancelled order does not count: the line is ordered again, dated from the deposit.
    const paid = await invoke(core, 'purchases.fromInvoice', { invoiceId: pi.id });
    expect(paid).toMatchObject({ deliveryDate: { date: '2026-04-13', from: 'deposit' }, orders: [{ number: 'PO2026-0002', lines: [{ qty: 288 }] }] });
    // Editable: the factory promised a week later.
    expect((await invoke(core, 'purchases.update', { id: paid.orders[0]!.id, changes: { deliveryDate: '2026-04-20' } })).deliveryDate).toBe('2026-04-20');
  });

  it('names invoiceId when the PI does not exist', async () => {
    for (const m of ['purchases.fromInvoice', 'purchases.forInvoice', 'shipments.forInvoice'] as const) {
      expect(await failure(invoke(core, m, { invoiceId: 999 })), m).toMatchObject({ code: 'not_found', field: 'invoiceId' });
    }
  });

  it('reads delivery times in English and Chinese, ranges, weeks and working days', () => {
    expect(deliveryDays('35 days after deposit')).toBe(35);
    expect(deliveryDays('30-35 days')).toBe(35);
    expect(deliveryDays('收到定金后25天交货')).toBe(25);
    expect(deliveryDays('4 weeks')).toBe(28);
    expect(deliveryDays('20 working days')).toBe(28);
    expect(deliveryDays('15个工作日')).toBe(21);
    expect(deliveryDays('as soon as possible')).toBeNull();
    expect(factoryDeliveryDate('', '2026-03-02', 0, [])).toEqual({ date: null, from: 'issue', days: null });
  });

  it('lists lines it cannot order (no supplier, archived product, archived supplier) and orders only what is left to order', async () => {
    const { car, earrings } = stall.products;
    const pi = await issuePi(core, stall.buyers.lagos.id, [{ itemNo: 'TC-100', qty: 576 }, { itemNo: 'EA-200', qty: 1000 }, { itemNo: 'SK-300', qty: 50 }, { itemNo: 'TS-400', qty: 10 }]);
    await invoke(core, 'products.archive', { id: earrings.id });
    await invoke(core, 'suppliers.archive', { id: stall.suppliers.zhuji.id });
    const made = await invoke(core, 'purchases.fromInvoice', { invoiceId: pi.id });
    expect(made.orders.map((o) => o.lines.map((l) => l.productId))).toEqual([[car.id]]);
    expect(made.unassigned.map((u) => [u.itemNo, u.qty, u.reason])).toEqual([['EA-200', 1000, 'archived_product'], ['SK-300', 50, 'archived_supplier'], ['TS-400', 10, 'no_supplier']]);
    // The draft is cut to 288 (the rest from stock elsewhere): asked again, 288 are still to order.
    await invoke(core, 'purchases.update', { id: made.orders[0]!.id, changes: { lines: [{ id: made.orders[0]!.lines[0]!.id, qty: 288 }] } });
    await invoke(core, 'products.unarchive', { id: earrings.id });
    const rest = await invoke(core, 'purchases.fromInvoice', { invoiceId: pi.id });
    expect(rest.orders.map((o) => [o.supplier.id, o.lines.map((l) => [l.itemNo, l.qty, l.cartons])])).toEqual([
      [stall.suppliers.xinda.id, [['TC-100', 288, 1]]],
      [stall.suppliers.meili.id, [['EA-200', 1000, 1]]],
    ]);
  });

  it('makes an order for stock, edits its lines while a draft, and refuses archived products and suppliers naming the field', async () => {
    const { car, tools, socks } = stall.products;
    const po = await invoke(core, 'purchases.create', { supplierId: stall.suppliers.xinda.id, lines: [{ productId: car.id, qty: 1000 }], requirements: '每箱贴中性标签' });
    expect(po).toMatchObject({ invoice: null, status: 'draft', requirements: '每箱贴中性标签', costTotal: '1600.00', lines: [{ qty: 1000, cartons: 4, costCny: '1.60', costAmount: '1600.00', warnings: [] }] });
    // Edit: another cost, a second line (tool sets, no packing issue), the unit cost unknown on it.
    const edited = await invoke(core, 'purchases.update', {
      id: po.id,
      changes: { lines: [{ id: po.lines[0]!.id, qty: 1152, costCny: '1.5525' }, { productId: tools.id, qty: 20, costCny: null }] },
    });
    expect(edited.lines.map((l) => [l.itemNo, l.qty, l.cartons, l.costCny, l.costAmount, l.warnings])).toEqual([
      // 1152 × 1.5525 = 1788.48
      ['TC-100', 1152, 4, '1.5525', '1788.48', []],
      ['TS-400', 20, 2, null, '0.00', ['no_cost']],
    ]);
    expect(edited.costTotal).toBe('1788.48');
    await invoke(core, 'products.archive', { id: socks.id });
    await refused(invoke(core, 'purchases.create', { supplierId: stall.suppliers.zhuji.id, lines: [{ productId: socks.id, qty: 50 }] }), 'lines.0.productId');
    await refused(invoke(core, 'purchases.update', { id: po.id, changes: { lines: [{ productId: socks.id, qty: 5 }] } }), 'changes.lines.0.productId');
    await invoke(core, 'suppliers.archive', { id: stall.suppliers.meili.id });
    await refused(invoke(core, 'purchases.create', { supplierId: stall.suppliers.meili.id, lines: [{ productId: car.id, qty: 5 }] }), 'supplierId');
    // Once ordered, the lines stay as the factory accepted them; the dates and notes may still change.
    await invoke(core, 'purchases.order', { id: po.id });
    await refused(invoke(core, 'purchases.update', { id: po.id, changes: { lines: [{ id: po.lines[0]!.id, qty: 1 }] } }), 'changes.lines', 'conflict');
    expect((await invoke(core, 'purchases.update', { id: po.id, changes: { notes: 'call Mr Chen on Friday' } })).notes).toBe('call Mr Chen on Friday');
  });

  it('receives in parts into the stock ledger (reference = PO number), never more than ordered, and follows the status to received and closed', async () => {
    const { car, tools } = stall.products;
    const po = await invoke(core, 'purchases.create', { supplierId: stall.suppliers.xinda.id, lines: [{ productId: car.id, qty: 576 }, { productId: tools.id, qty: 20 }] });
    const [carLine, toolLine] = po.lines as [typeof po.lines[0], typeof po.lines[0]];
    await refused(invoke(core, 'purchases.receive', { id: po.id, lines: [{ lineId: carLine.id, qty: 10 }] }), 'id', 'conflict');
    await invoke(core, 'purchases.order', { id: po.id });
    await refused(invoke(core, 'purchases.receive', { id: po.id, lines: [{ lineId: carLine.id, qty: 577 }] }), 'lines.0.qty');
    await refused(invoke(core, 'purchases.receive', { id: po.id, lines: [{ lineId: carLine.id, qty: 1 }, { lineId: 999_999, qty: 1 }] }), 'lines.1.lineId');
    await refused(invoke(core, 'purchases.receive', { id: po.id, lines: [{ lineId: carLine.id, qty: 0 }] }), 'lines.0.qty');
    await refused(invoke(core, 'purchases.receive', { id: po.id, receivedOn: '2026-03-05', lines: [{ lineId: carLine.id, qty: 1 }] }), 'receivedOn');
    const part = await invoke(core, 'purchases.receive', { id: po.id, note: 'first truck', lines: [{ lineId: carLine.id, qty: 288, damaged: 3, note: '3 wheels broken' }, { lineId: toolLine.id, qty: 0, damaged: 2 }] });
    expect(part).toMatchObject({ status: 'partly_received', lines: [{ received: 288, damaged: 3, cartonsReceived: 1, remaining: 288 }, { received: 0, damaged: 2, remaining: 20 }] });
    // Damaged pieces do not go into stock; good ones do, as purchase receipts under the PO number.
    expect((await invoke(core, 'products.get', { id: car.id })).stock.onHand).toBe(288);
    expect((await invoke(core, 'products.get', { id: tools.id })).stock.onHand).toBe(100);
    expect((await invoke(core, 'stock.history', { productId: car.id })).items[0]).toMatchObject({ kind: 'receive', onHandDelta: 288, reference: po.number, reason: 'purchase receipt', note: '3 wheels broken' });
    await refused(invoke(core, 'purchases.cancel', { id: po.id, reason: 'x' }), 'id', 'conflict');
    const full = await invoke(core, 'purchases.receive', { id: po.id, lines: [{ lineId: carLine.id, qty: 288 }, { lineId: toolLine.id, qty: 20 }] });
    expect(full).toMatchObject({ status: 'received', receipts: [{ note: 'first truck' }, { note: '' }] });
    await refused(invoke(core, 'purchases.receive', { id: po.id, lines: [{ lineId: carLine.id, qty: 1 }] }), 'id', 'conflict');
    expect((await invoke(core, 'purchases.close', { id: po.id })).status).toBe('closed');
    expect((await invoke(core, 'purchases.list', { status: ['closed'] })).items.map((o) => [o.number, o.orderedQty, o.receivedQty])).toEqual([[po.number, 596, 596]]);
  });

  it('pays the factory up to what is due; a closed short order owes only what came', async () => {
    const { car } = stall.products;
    const po = await invoke(core, 'purchases.create', { supplierId: stall.suppliers.xinda.id, lines: [{ productId: car.id, qty: 1000 }] });
    await invoke(core, 'purchases.order', { id: po.id });
    const deposit = await invoke(core, 'purchases.addPayment', { id: po.id, amount: '480', method: 'wechat_pay', reference: '30%' });
    expect(deposit).toMatchObject({ paid: '480.00', costDue: '1120.00' });
    await refused(invoke(core, 'purchases.addPayment', { id: po.id, amount: '1120.01', method: 'tt' }), 'amount');
    await refused(invoke(core, 'purchases.addPayment', { id: po.id, amount: '1.001', method: 'tt' }), 'amount');
    await invoke(core, 'purchases.receive', { id: po.id, lines: [{ lineId: po.lines[0]!.id, qty: 500 }] });
    const closed = await invoke(core, 'purchases.close', { id: po.id });
    expect(closed).toMatchObject({ costTotal: '1600.00', costReceived: '800.00', costDue: '320.00' });
    await refused(invoke(core, 'purchases.addPayment', { id: po.id, amount: '320.01', method: 'tt' }), 'amount');
    expect((await invoke(core, 'purchases.payables', { supplierId: stall.suppliers.xinda.id })).items).toEqual([
      { supplier: { id: stall.suppliers.xinda.id, name: '金华新达玩具厂' }, orders: 1, costOrdered: '1600.00', costReceived: '800.00', paid: '480.00', balance: '320.00' },
    ]);
    const removed = await invoke(core, 'purchases.removePayment', { id: po.id, paymentId: deposit.payments[0]!.id });
    expect(removed.costDue).toBe('800.00');
  });

  it('numbers orders gapless per year with the prefix of the settings, and never deletes one', async () => {
    await invoke(core, 'purchases.updateSettings', { orderPrefix: 'JH-PO' });
    const a = await invoke(core, 'purchases.create', { supplierId: stall.suppliers.xinda.id, lines: [{ productId: stall.products.car.id, qty: 288 }] });
    await invoke(core, 'purchases.cancel', { id: a.id, reason: 'duplicate' });
    clock.set('2027-01-04T09:00:00Z');
    const b = await invoke(core, 'purchases.create', { supplierId: stall.suppliers.xinda.id, lines: [{ productId: stall.products.car.id, qty: 288 }] });
    const c = await invoke(core, 'purchases.create', { supplierId: stall.suppliers.meili.id, lines: [{ productId: stall.products.earrings.id, qty: 1000 }] });
    expect([a.number, b.number, c.number]).toEqual(['JH-PO2026-0001', 'JH-PO2027-0001', 'JH-PO2027-0002']);
    expect((await invoke(core, 'purchases.get', { number: 'jh-po2026-0001' })).status).toBe('cancelled');
    await refused(invoke(core, 'purchases.updateSettings', { orderPrefix: 'P O' }), 'orderPrefix');
  });
});
