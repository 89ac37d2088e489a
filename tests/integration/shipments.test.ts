import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure, invoke } from '../../main/api/invoke';
import { callMethod } from '../../main/api/dispatch';
import { shipQty } from '../../main/stock/service';
import { tempCore } from '../helpers/tempCore';
import { movableClock } from '../helpers/quoteStall';
import { dataDigest } from '../helpers/stall';
import { issuePi, seedAfterPiStall } from '../helpers/afterPiStall';

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error.error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function readSheet(base64: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

describe('deliveries to the forwarder', () => {
  let core: ReturnType<typeof tempCore>;
  let clock: ReturnType<typeof movableClock>;
  let stall: Awaited<ReturnType<typeof seedAfterPiStall>>;

  beforeEach(async () => {
    clock = movableClock('2026-03-02T09:00:00Z');
    core = tempCore({ now: clock.now });
    stall = await seedAfterPiStall(core);
    // Goods in stock for these tests.
    for (const p of [stall.products.car, stall.products.earrings]) await invoke(core, 'stock.receive', { productId: p.id, qty: 2880, reference: 'stock', movedAt: '2026-01-05T08:00:00.000Z' });
  });
  afterEach(() => core.remove());

  async function refused(call: Promise<unknown>, field: string, code = 'invalid_input') {
    const before = dataDigest(core);
    const error = await failure(call);
    expect(error, error.message).toMatchObject({ code, field });
    expect(dataDigest(core)).toBe(before);
    return error;
  }

  it('delivers a PI in parts: what is left per line, cartons numbered on, the PI shipped with the last one; invoices.ship takes the rest', async () => {
    const pi = await issuePi(core, stall.buyers.lagos.id, [{ itemNo: 'TC-100', qty: 1440 }, { itemNo: 'EA-200', qty: 1500 }], { shippingMarks: 'LMS\nLAGOS' });
    const [car, ear] = pi.lines as [typeof pi.lines[0], typeof pi.lines[0]];
    const forwarder = await invoke(core, 'shipments.saveForwarder', { name: 'Yiwu Hongda Logistics', contact: 'Mr Wang', phone: '13800001234', address: 'Futian warehouse 3' });
    expect((await invoke(core, 'shipments.forwarders', {})).items).toEqual([expect.objectContaining({ id: forwarder.id, phone: '+8613800001234' })]);
    // Typed cartons are kept (a mixed carton); the default is ceil(qty / pcs per carton).
    const d1 = await invoke(core, 'shipments.create', { invoiceId: pi.id, forwarderId: forwarder.id, entryNo: 'JC-1', lines: [{ lineId: car.id, qty: 600, cartons: 2 }, { lineId: ear.id, qty: 1000 }] });
    expect(d1.lines.map((l) => [l.qty, l.cartons, l.cartonRange])).toEqual([[600, 2, { from: 1, to: 2 }], [1000, 1, { from: 3, to: 3 }]]);
    expect(d1).toMatchObject({ shippingMarks: 'LMS\nLAGOS', forwarder: { id: forwarder.id, name: 'Yiwu Hongda Logistics', address: 'Futian warehouse 3' } });
    await refused(invoke(core, 'shipments.create', { invoiceId: pi.id, lines: [{ lineId: ear.id, qty: 501 }] }), 'lines.0.qty');
    await refused(invoke(core, 'shipments.create', { invoiceId: pi.id, lines: [{ lineId: ear.id, qty: 1 }, { lineId: ear.id, qty: 1 }] }), 'lines.1.lineId');
    await refused(invoke(core, 'shipments.create', { invoiceId: pi.id, lines: [{ lineId: 424242, qty: 1 }] }), 'lines.0.lineId');
    await refused(invoke(core, 'invoices.cancel', { id: pi.id, reason: 'changed mind' }), 'id', 'conflict');
    expect((await invoke(core, 'shipments.forInvoice', { invoiceId: pi.id })).lines.map((l) => [l.delivered, l.toDeliver])).toEqual([[600, 840], [1000, 500]]);
    expect((await invoke(core, 'shipments.forInvoice', { invoiceId: pi.id })).nextCartonNo).toBe(4);
    clock.advanceDays(5);
    const shipped = await invoke(core, 'invoices.ship', { id: pi.id });
    expect(shipped).toMatchObject({ status: 'shipped', progress: { goods: 'delivered', deliveries: [{ number: `${pi.number}-D1` }, { number: `${pi.number}-D2`, deliveredOn: '2026-03-07' }] } });
    const d2 = await invoke(core, 'shipments.get', { id: shipped.progress.deliveries[1]!.id });
    // 840 cars = 3 cartons (the last holds 264), 500 pairs = 1 carton.
    expect(d2.lines.map((l) => [l.qty, l.cartons, l.cartonRange])).toEqual([[840, 3, { from: 4, to: 6 }], [500, 1, { from: 7, to: 7 }]]);
    expect(shipped.stock.map((s) => [s.reserved, s.shipped])).toEqual([[0, 1440], [0, 1500]]);
    await refused(invoke(core, 'shipments.create', { invoiceId: pi.id, lines: [{ lineId: car.id, qty: 1 }] }), 'invoiceId', 'conflict');
    expect((await invoke(core, 'shipments.list', { invoiceId: pi.id })).items.map((s) => s.number)).toEqual([`${pi.number}-D2`, `${pi.number}-D1`]);
  });

  it('refuses to deliver goods not on hand, and the ledger refuses shipping more than a reference has reserved', async () => {
    const pi = await issuePi(core, stall.buyers.lagos.id, [{ itemNo: 'SK-300', qty: 50 }, { itemNo: 'TC-100', qty: 288 }]);
    const e = await refused(invoke(core, 'shipments.create', { invoiceId: pi.id, lines: [{ lineId: pi.lines[1]!.id, qty: 288 }, { lineId: pi.lines[0]!.id, qty: 50 }] }), 'lines.1.qty');
    expect(e.message).toContain('SK-300');
    expect(await failure(invoke(core, 'invoices.ship', { id: pi.id }))).toMatchObject({ field: 'id' });
    // The ledger rule itself: never more than is reserved under the reference.
    const before = dataDigest(core);
    expect(() => core.db.transaction(() => shipQty(core, { productId: stall.products.car.id, qty: 289, reference: pi.number }))()).toThrow(/reserved/);
    expect(dataDigest(core)).toBe(before);
  });

  it('gives the forwarder the 1039 declaration: HS code, names, quantity and unit, value in the PI currency and USD, cartons, weights, buyer and country', async () => {
    const paris = await invoke(core, 'buyers.create', { company: 'Bazar de Paris SARL', country: 'FR', currency: 'EUR' });
    const pi = await issuePi(core, paris.id, [{ itemNo: 'TC-100', qty: 576 }, { itemNo: 'EA-200', qty: 2000 }]);
    const d = await invoke(core, 'shipments.create', { invoiceId: pi.id, forwarder: { name: '义乌宏达货运' }, entryNo: 'JC2026-0777', lines: pi.lines.map((l) => ({ lineId: l.id, qty: l.qty })) });
    // EUR → USD through CNY: value × 7.752 / 7.1234, rounded once to the cent.
    const usd = (eur: string) => {
      const cents = BigInt(eur.replace('.', ''));
      const n = cents * 7752n * 10_000n;
      const dd = 71234n * 1000n;
      const r = (n * 2n + dd) / (2n * dd);
      return `${r / 100n}.${String(r % 100n).padStart(2, '0')}`;
    };
    const decl = await invoke(core, 'shipments.declaration', { id: d.id });
    expect(decl).toMatchObject({ usdRate: '7.1234', warnings: [], shipment: { buyer: { company: 'Bazar de Paris SARL', country: 'FR' }, currency: 'EUR' } });
    expect(decl.lines).toEqual([
      { hsCode: '9503.00', nameZh: '惯性回力小汽车', nameEn: 'Friction toy car', qty: 576, unit: 'pcs', value: d.lines[0]!.value, valueUsd: usd(d.lines[0]!.value), cartons: 2, grossWeightKg: '29.00', netWeightKg: '25.60' },
      { hsCode: '7117.19', nameZh: '水晶耳钉', nameEn: 'Crystal stud earrings', qty: 2000, unit: 'pair', value: d.lines[1]!.value, valueUsd: usd(d.lines[1]!.value), cartons: 2, grossWeightKg: '12.20', netWeightKg: '10.80' },
    ]);
    const file = await invoke(core, 'shipments.declarationXlsx', { id: d.id, lang: 'zh' });
    expect(file).toMatchObject({ fileName: `${d.number}-1039.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', warnings: [] });
    const rows = await readSheet(file.base64);
    expect(rows.flat()).toEqual(expect.arrayContaining(['Bazar de Paris SARL', '法国 (FR)', 'JC2026-0777', 'HS编码', '中文品名', '货值（美元）']));
    const car = rows.find((r) => r.includes('9503.00'))!;
    expect(car).toEqual(['1', '9503.00', '惯性回力小汽车', 'Friction toy car', '576', 'pcs', String(Number(d.lines[0]!.value)), String(Number(usd(d.lines[0]!.value))), '2', '29', '25.6']);
    // Without a USD rate of the day, the USD column stays empty and says why.
    clock.set('2027-01-01T09:00:00Z');
    core.db.transaction(() => core.db.prepare("DELETE FROM exchange_rates WHERE currency = 'USD'").run())();
    expect(await invoke(core, 'shipments.declaration', { id: d.id })).toMatchObject({ usdRate: null, warnings: ['no_usd_rate'], lines: [{ valueUsd: null }, { valueUsd: null }] });
  });

  it('lets staff deliver and read deliveries (no cost in any of it)', async () => {
    const pi = await issuePi(core, stall.buyers.lagos.id, [{ itemNo: 'TC-100', qty: 288 }]);
    const staff = { session: { role: 'staff' as const } };
    const made = await callMethod(core, 'shipments.create', { invoiceId: pi.id, lines: [{ lineId: pi.lines[0]!.id, qty: 288 }] }, staff);
    expect(made.ok).toBe(true);
    expect(JSON.stringify(made)).not.toMatch(/"cost|"margin|"profit/);
  });
});
