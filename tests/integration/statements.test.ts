import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure, invoke } from '../../main/api/invoke';
import { tempCore } from '../helpers/tempCore';
import { movableClock } from '../helpers/quoteStall';
import { issuePi, seedAfterPiStall } from '../helpers/afterPiStall';
import { balanceDueOn, balanceRule, bucketOf } from '../../main/statements/dueDate';

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error.error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function sheetRows(base64: string, sheet = 0): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[sheet]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('balance due dates and aging buckets', () => {
  it('reads when the balance is due from the payment terms, in English and Chinese', () => {
    expect(balanceRule('30% T/T deposit, balance before shipment')).toEqual({ from: 'delivery', days: 0 });
    expect(balanceRule('30% deposit, balance 30 days after B/L')).toEqual({ from: 'delivery', days: 30 });
    expect(balanceRule('30% deposit, 70% within 45 days from the date of delivery')).toEqual({ from: 'delivery', days: 45 });
    expect(balanceRule('100% 60 days after invoice date')).toEqual({ from: 'issue', days: 60 });
    expect(balanceRule('Net 15')).toEqual({ from: 'issue', days: 15 });
    expect(balanceRule('30%定金，发货后15天付清余款')).toEqual({ from: 'delivery', days: 15 });
    expect(balanceRule('开票后30天付款')).toEqual({ from: 'issue', days: 30 });
    expect(balanceRule('')).toEqual({ from: 'delivery', days: 0 });
    expect(balanceDueOn('balance before shipment', '2026-03-01', null)).toBeNull();
    expect(balanceDueOn('balance before shipment', '2026-03-01', '2026-04-02')).toBe('2026-04-02');
    expect(balanceDueOn('Net 30', '2026-03-01', null)).toBe('2026-03-31');
  });

  it('puts a balance 0–30, 31–60, 61–90 or 90+ days after its due date in its bucket', () => {
    expect([-1, 0, 30, 31, 60, 61, 90, 91, 400].map(bucketOf)).toEqual(['notDue', 'days0to30', 'days0to30', 'days31to60', 'days31to60', 'days61to90', 'days61to90', 'days90plus', 'days90plus']);
    expect(bucketOf(null)).toBe('notDue');
  });
});

describe('statements of account and receivables', () => {
  let core: ReturnType<typeof tempCore>;
  let clock: ReturnType<typeof movableClock>;
  let stall: Awaited<ReturnType<typeof seedAfterPiStall>>;

  beforeEach(async () => {
    clock = movableClock('2026-03-02T09:00:00Z');
    core = tempCore({ now: clock.now });
    stall = await seedAfterPiStall(core);
  });
  afterEach(() => core.remove());

  it('keeps one section per currency, the buyer\'s first, each exact in its own currency', async () => {
    const lagos = stall.buyers.lagos.id;
    const usd = await issuePi(core, lagos, [{ itemNo: 'TS-400', qty: 10 }]);
    const eur = await issuePi(core, lagos, [{ itemNo: 'TS-400', qty: 20 }], { currency: 'EUR' });
    await invoke(core, 'invoices.addPayment', { id: eur.id, amount: '30.15', method: 'cash', kind: 'deposit' });
    const st = await invoke(core, 'statements.buyer', { buyerId: lagos });
    expect(st.sections.map((s) => [s.currency, s.invoiced, s.paid, s.closing])).toEqual([
      ['USD', usd.totals.grandTotal, '0.00', usd.totals.grandTotal],
      // 20 × (42 / 7.752 = 5.42) = 108.40; − 30.15
      ['EUR', '108.40', '30.15', '78.25'],
    ]);
    expect(eur.totals.grandTotal).toBe('108.40');
  });

  it('credits a cancelled PI\'s total on the day it was cancelled, so money kept on it is the buyer\'s credit', async () => {
    const lagos = stall.buyers.lagos.id;
    const pi = await issuePi(core, lagos, [{ itemNo: 'TS-400', qty: 10 }]); // 59.00
    await invoke(core, 'invoices.addPayment', { id: pi.id, amount: '17.70', method: 'tt', kind: 'deposit' });
    clock.set('2026-03-04T09:00:00Z');
    await invoke(core, 'invoices.cancel', { id: pi.id, reason: 'buyer changed the order' });
    const st = await invoke(core, 'statements.buyer', { buyerId: lagos });
    expect(st.sections[0]!.entries.map((e) => [e.date, e.kind, e.debit, e.credit, e.balance])).toEqual([
      ['2026-03-02', 'invoice', '59.00', null, '59.00'],
      ['2026-03-02', 'payment', null, '17.70', '41.30'],
      ['2026-03-04', 'cancelled', null, '59.00', '-17.70'],
    ]);
    expect(st.sections[0]).toMatchObject({ closing: '-17.70', cancelled: '59.00', aging: { outstanding: '0.00' }, invoices: [{ number: pi.number, balance: '0.00', bucket: null }] });
    expect((await invoke(core, 'receivables.list', {})).items).toEqual([expect.objectContaining({ currency: 'USD', owed: '0.00', credit: '17.70', balance: '-17.70', openInvoices: 0 })]);
    // A statement of the day before still shows the PI open.
    expect((await invoke(core, 'statements.buyer', { buyerId: lagos, to: '2026-03-03' })).sections[0]).toMatchObject({ closing: '41.30', aging: { outstanding: '41.30' } });
  });

  it('ages balances from their due date as the clock moves, and lists receivables oldest first, paged', async () => {
    const lagos = stall.buyers.lagos.id;
    const dubai = await invoke(core, 'buyers.create', { company: 'Al Noor Trading', country: 'AE', currency: 'USD' });
    const cairo = await invoke(core, 'buyers.create', { company: 'Cairo Star', country: 'EG', currency: 'USD' });
    // Lagos: Net 10 from 2 March (due 12 March). Dubai: before shipment, delivered 5 March. Cairo: not delivered yet.
    const a = await issuePi(core, lagos, [{ itemNo: 'TS-400', qty: 10 }], { paymentTerms: 'Net 10' });
    const b = await issuePi(core, dubai.id, [{ itemNo: 'TS-400', qty: 20 }], { paymentTerms: '30% deposit, balance before shipment' });
    await issuePi(core, cairo.id, [{ itemNo: 'TS-400', qty: 30 }], { paymentTerms: '30% deposit, balance before shipment' });
    clock.set('2026-03-05T09:00:00Z');
    await invoke(core, 'invoices.ship', { id: b.id });
    const bucketsOn = async (day: string) => {
      clock.set(`${day}T09:00:00Z`);
      const list = await invoke(core, 'receivables.list', {});
      return list.items.map((r) => [r.buyer.company, r.daysOverdue, Object.entries(r.aging).filter(([, v]) => v !== '0.00').map(([k]) => k).join()]);
    };
    // What is overdue comes first, the longest overdue first; then the oldest PIs not yet due (the larger first on the same day).
    expect(await bucketsOn('2026-03-11')).toEqual([['Al Noor Trading', 6, 'days0to30'], ['Cairo Star', null, 'notDue'], ['Lagos Mega Stores Ltd', null, 'notDue']]);
    // 4 April: Dubai 30 days (0–30), Lagos 23 days; 5 April: Dubai 31 (31–60).
    expect(await bucketsOn('2026-04-04')).toEqual([['Al Noor Trading', 30, 'days0to30'], ['Lagos Mega Stores Ltd', 23, 'days0to30'], ['Cairo Star', null, 'notDue']]);
    expect((await bucketsOn('2026-04-05'))[0]).toEqual(['Al Noor Trading', 31, 'days31to60']);
    expect((await bucketsOn('2026-06-04'))[0]).toEqual(['Al Noor Trading', 91, 'days90plus']);
    const page = await invoke(core, 'receivables.list', { limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, items: [{ buyer: { company: 'Lagos Mega Stores Ltd' } }] });
    expect((await invoke(core, 'receivables.list', { overdueOnly: true })).total).toBe(2);
    expect((await invoke(core, 'receivables.list', { currency: 'EUR' })).total).toBe(0);
    // The statement agrees with the list.
    const st = await invoke(core, 'statements.buyer', { buyerId: lagos });
    expect(st.sections[0]!.invoices).toEqual([expect.objectContaining({ number: a.number, dueOn: '2026-03-12', daysOverdue: 84, bucket: 'days61to90' })]);
    expect(await failure(invoke(core, 'statements.buyer', { buyerId: lagos, from: '2026-05-01', to: '2026-04-01' }))).toMatchObject({ code: 'invalid_input', field: 'from' });
    expect(await failure(invoke(core, 'statements.buyer', { buyerId: 9999 }))).toMatchObject({ code: 'not_found', field: 'buyerId' });
  });

  it('follows a PI to the buyer it is merged into: the receivables and the statement are the kept buyer\'s', async () => {
    const twin = await invoke(core, 'buyers.create', { company: 'Lagos Mega Stores', country: 'NG', currency: 'USD' });
    const pi = await issuePi(core, twin.id, [{ itemNo: 'TS-400', qty: 10 }]);
    await invoke(core, 'buyers.merge', { keepId: stall.buyers.lagos.id, mergeId: twin.id });
    expect((await invoke(core, 'receivables.list', {})).items.map((r) => [r.buyer.id, r.owed])).toEqual([[stall.buyers.lagos.id, pi.totals.grandTotal]]);
    expect((await invoke(core, 'statements.buyer', { buyerId: stall.buyers.lagos.id })).sections[0]!.invoices.map((i) => i.number)).toEqual([pi.number]);
  });

  it('exports the statement and the receivables as XLSX sheets with the API\'s figures', async () => {
    const lagos = stall.buyers.lagos.id;
    const pi = await issuePi(core, lagos, [{ itemNo: 'TS-400', qty: 10 }]);
    await invoke(core, 'invoices.addPayment', { id: pi.id, amount: '17.70', method: 'tt', kind: 'deposit', reference: 'TT-1' });
    const st = await invoke(core, 'statements.buyer', { buyerId: lagos });
    const file = await invoke(core, 'statements.buyerXlsx', { buyerId: lagos, lang: 'en' });
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const rows = await sheetRows(file.base64);
    expect(rows.find((r) => r.includes('PI issued'))).toEqual(expect.arrayContaining(['2026-03-02', pi.number, 59, 59]));
    expect(rows.find((r) => r.includes('Payment'))).toEqual(expect.arrayContaining(['2026-03-02', pi.number, 'TT-1', 17.7, 41.3]));
    expect(rows.find((r) => r.includes('Closing balance'))).toContain(Number(st.sections[0]!.closing));
    const rec = await invoke(core, 'receivables.exportXlsx', { lang: 'zh' });
    const recRows = await sheetRows(rec.base64);
    expect(recRows[1]).toEqual(expect.arrayContaining(['公司', '未收金额', '逾期金额']));
    expect(recRows[2]).toEqual(expect.arrayContaining(['Lagos Mega Stores Ltd', 'NG', 'USD', 41.3]));
  });
});
