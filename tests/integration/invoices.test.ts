import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure, invoke } from '../../main/api/invoke';
import { callMethod } from '../../main/api/dispatch';
import { appPath } from '../../main/paths/appRoot';
import { level } from '../../main/stock/service';
import { openCore } from '../../main/core';
import { tempCore, tempDir } from '../helpers/tempCore';
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

describe('pro-forma invoices', () => {
  let core: ReturnType<typeof tempCore>;
  let clock: ReturnType<typeof movableClock>;
  let stall: Stall;

  beforeEach(async () => {
    clock = movableClock('2026-03-10T10:00:00Z');
    core = tempCore({ now: clock.now });
    stall = await seedQuoteStall(core);
  });
  afterEach(() => core.remove());

  async function acceptedQuote(lines = [{ itemNo: '00123', cartons: 5 }, { itemNo: '03118', qty: 150 }]) {
    const q = await invoke(core, 'quotes.create', {
      buyerId: stall.buyers.lagos.id, lines, deliveryTime: '35 days after deposit', notes: 'Mixed colours', incoterm: 'CIF', incotermPlace: 'Lagos Apapa',
      charges: [{ kind: 'freight', amount: '1200' }],
    });
    return invoke(core, 'quotes.accept', { id: q.id });
  }

  it('is made only from an accepted quotation', async () => {
    const draft = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines: [{ itemNo: '00123' }] });
    expect(await failure(invoke(core, 'invoices.create', { quoteId: draft.id }))).toMatchObject({ code: 'conflict', field: 'quoteId' });
    expect(await failure(invoke(core, 'invoices.create', { quoteId: 999 }))).toMatchObject({ code: 'not_found', field: 'quoteId' });
  });

  it('carries everything a printed PI needs, frozen from the accepted quotation', async () => {
    const q = await acceptedQuote();
    clock.advanceDays(2);
    const pi = await invoke(core, 'invoices.create', { quoteId: q.id });
    expect(pi).toMatchObject({
      number: 'JH-PI2026-0001', status: 'issued', issuedOn: '2026-03-12', date: '2026-03-12', validityDays: 30, validUntil: '2026-04-11',
      currency: 'USD', rate: '7.1234', incoterm: 'CIF', incotermPlace: 'Lagos Apapa', paymentTerms: '30% T/T deposit, balance before shipment',
      depositPercent: 30, deliveryTime: '35 days after deposit', notes: 'Mixed colours',
      quote: { id: q.id, displayNumber: q.displayNumber, date: '2026-03-10' },
      seller: { companyNameEn: 'Yiwu Jiahe Import & Export Co., Ltd.', stallNumber: 'District 2, Stall 21345' },
      buyer: { company: 'Lagos Mega Stores Ltd', country: 'NG', contact: { name: 'Chinedu Okafor', whatsapp: '+2348031234567' } },
      paid: '0.00', balanceDue: q.totals.grandTotal, depositDue: q.totals.deposit,
    });
    expect(pi.totals).toEqual(q.totals);
    expect(pi.containers).toEqual(q.containers);
    expect(pi.charges.map((c) => [c.kind, c.amount])).toEqual([['freight', '1200.00']]);
    expect(pi.lines.map((l) => [l.no, l.product.itemNo, l.product.names.zh, l.qty, l.unitPrice, l.amount, l.cartons, l.cartonRange])).toEqual(
      q.lines.map((l) => [l.no, l.product.itemNo, l.product.names.zh, l.qty, l.unitPrice, l.amount, l.cartons, l.cartonRange]),
    );
    expect(pi.lines[0]?.cartonRange).toEqual({ from: 1, to: 5 });
    expect(pi.lines[1]?.cartonRange).toEqual({ from: 6, to: 20 });
    expect((await invoke(core, 'quotes.get', { id: q.id })).invoices).toEqual([{ id: pi.id, number: pi.number, status: 'issued' }]);
  });

  it('never changes once issued: catalog, seller and buyer edits stay out, and the database refuses edits and deletes', async () => {
    const q = await acceptedQuote();
    const pi = await invoke(core, 'invoices.create', { quoteId: q.id });
    await invoke(core, 'products.update', { id: stall.products.car.id, changes: { names: { en: 'Other' }, priceTiers: [{ minQty: 1, priceCny: '99' }] } });
    await invoke(core, 'settings.update', { seller: { companyNameEn: 'Renamed Co.' }, defaults: { invoicePrefix: 'X' } });
    await invoke(core, 'buyers.update', { id: stall.buyers.lagos.id, changes: { company: 'Renamed buyer' } });
    const again = await invoke(core, 'invoices.get', { number: pi.number });
    const { payments: _p, stock: _s, ...frozen } = again;
    const { payments: _p2, stock: _s2, ...issued } = pi;
    expect(frozen).toEqual(issued);
    expect(() => core.db.prepare("UPDATE invoices SET content = '{}' WHERE id = ?").run(pi.id)).toThrow(/frozen/);
    expect(() => core.db.prepare('UPDATE invoices SET grand_total_e4 = 1 WHERE id = ?').run(pi.id)).toThrow(/frozen/);
    expect(() => core.db.prepare('DELETE FROM invoices WHERE id = ?').run(pi.id)).toThrow(/never deleted/);
    expect(() => core.db.prepare('DELETE FROM quote_lines WHERE quote_id = ?').run(q.id)).toThrow(/only a draft/);
  });

  it('reserves the stock under the PI number and warns, without refusing, when stock is short', async () => {
    const q = await acceptedQuote([{ itemNo: '00123', cartons: 5 }, { itemNo: '00123', qty: 288 }, { itemNo: '01107', qty: 3000 }, { itemNo: '09001', qty: 2 }]);
    const pi = await invoke(core, 'invoices.create', { quoteId: q.id });
    expect(pi.stock).toEqual([
      { productId: stall.products.car.id, itemNo: '00123', ordered: 1728, reserved: 1728, shipped: 0, shortAtIssue: 0 },
      { productId: stall.products.ball.id, itemNo: '01107', ordered: 3000, reserved: 3000, shipped: 0, shortAtIssue: 3000 },
      { productId: stall.products.noPacking.id, itemNo: '09001', ordered: 2, reserved: 2, shipped: 0, shortAtIssue: 2 },
    ]);
    expect(pi.lines[2]?.warnings).toContainEqual({ code: 'short_stock', requested: 3000, available: 0 });
    expect(level(core, stall.products.car.id)).toEqual({ onHand: 2880, reserved: 1728, available: 1152 });
  });

  it('numbers PIs gapless per year, keeps a cancelled PI\'s number and never reuses it', async () => {
    const a = await acceptedQuote();
    const b = await acceptedQuote();
    const first = await invoke(core, 'invoices.create', { quoteId: a.id });
    const second = await invoke(core, 'invoices.create', { quoteId: b.id });
    expect([first.number, second.number]).toEqual(['JH-PI2026-0001', 'JH-PI2026-0002']);
    expect(await failure(invoke(core, 'invoices.create', { quoteId: a.id }))).toMatchObject({ code: 'conflict', field: 'quoteId' });
    const cancelled = await invoke(core, 'invoices.cancel', { id: first.id, reason: 'buyer changed the colours' });
    expect(cancelled).toMatchObject({ status: 'cancelled', number: 'JH-PI2026-0001', cancelReason: 'buyer changed the colours' });
    expect(level(core, stall.products.car.id).reserved).toBe(1440);
    const reissued = await invoke(core, 'invoices.create', { quoteId: a.id });
    expect(reissued.number).toBe('JH-PI2026-0003');
    clock.set('2027-01-02T10:00:00Z');
    const c = await acceptedQuote();
    expect((await invoke(core, 'invoices.create', { quoteId: c.id })).number).toBe('JH-PI2027-0001');
    const all = await invoke(core, 'invoices.list', {});
    expect(all.items.map((i) => i.number)).toEqual(['JH-PI2027-0001', 'JH-PI2026-0003', 'JH-PI2026-0002', 'JH-PI2026-0001']);
  });

  it('issues a PI from revision 2 only once the PI of revision 1 is cancelled', async () => {
    const rev1 = await acceptedQuote();
    const pi1 = await invoke(core, 'invoices.create', { quoteId: rev1.id });
    const rev2 = await invoke(core, 'quotes.revise', { id: rev1.id });
    await invoke(core, 'quotes.update', { id: rev2.id, changes: { lines: [{ lineId: rev2.lines[0]!.id, cartons: 8 }] } });
    await invoke(core, 'quotes.accept', { id: rev2.id });
    expect(await failure(invoke(core, 'invoices.create', { quoteId: rev2.id }))).toMatchObject({ code: 'conflict', field: 'quoteId' });
    await invoke(core, 'invoices.cancel', { id: pi1.id, reason: 'replaced by revision 2' });
    const pi2 = await invoke(core, 'invoices.create', { quoteId: rev2.id });
    expect(pi2.quote.displayNumber).toBe(`${rev1.number}-R2`);
    expect(pi2.lines.map((l) => l.qty)).toEqual([2304]);
    expect((await invoke(core, 'invoices.get', { id: pi1.id })).lines.map((l) => l.qty)).toEqual([1440, 150]);
  });

  it('records a 30% deposit and then the balance, following the money to paid', async () => {
    const q = await acceptedQuote();
    const pi = await invoke(core, 'invoices.create', { quoteId: q.id });
    const deposit = await invoke(core, 'invoices.addPayment', { id: pi.id, amount: pi.totals.deposit, method: 'tt', kind: 'deposit', reference: 'FT2603101234' });
    expect(deposit).toMatchObject({ status: 'deposit_received', paid: pi.totals.deposit, balanceDue: pi.totals.balance, depositDue: '0.00' });
    expect(deposit.payments).toEqual([
      expect.objectContaining({ paidOn: '2026-03-10', amount: pi.totals.deposit, method: 'tt', kind: 'deposit', reference: 'FT2603101234' }),
    ]);
    const tooMuch = await failure(invoke(core, 'invoices.addPayment', { id: pi.id, amount: '999999', method: 'cash', kind: 'balance' }));
    expect(tooMuch).toMatchObject({ code: 'invalid_input', field: 'amount' });
    expect(tooMuch.message).toContain(pi.totals.balance);
    const paid = await invoke(core, 'invoices.addPayment', { id: pi.id, amount: pi.totals.balance, method: 'western_union', kind: 'balance', paidOn: '2026-04-01' });
    expect(paid).toMatchObject({ status: 'paid', balanceDue: '0.00', paid: pi.totals.grandTotal });
    const staff = await callMethod(core, 'invoices.removePayment', { id: pi.id, paymentId: paid.payments[1]!.id }, { session: { role: 'staff' } });
    expect(staff).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const undone = await invoke(core, 'invoices.removePayment', { id: pi.id, paymentId: paid.payments[1]!.id });
    expect(undone).toMatchObject({ status: 'deposit_received', balanceDue: pi.totals.balance });
  });

  it('records money handed over in another currency at the rate agreed, or at the stored rates of the day', async () => {
    const pi = await invoke(core, 'invoices.create', { quoteId: (await acceptedQuote()).id });
    // RMB cash for a USD PI, 1 USD = 7.10 CNY agreed: 5,000 ÷ 7.10 = 704.225… → 704.23 (half away from zero).
    const cash = await invoke(core, 'invoices.addPayment', { id: pi.id, received: { currency: 'CNY', amount: '5000', rate: '7.10' }, method: 'cash', kind: 'deposit' });
    expect(cash.payments[0]).toMatchObject({ amount: '704.23', received: { currency: 'CNY', amount: '5000.00', rate: '7.10' } });
    expect(cash.paid).toBe('704.23');
    // No rate given: the stored ones (USD 7.1234, AED 1.9395 CNY): 1 USD = 3.67280227 AED; 367.28 AED → 100.00 USD.
    const aed = await invoke(core, 'invoices.addPayment', { id: pi.id, received: { currency: 'AED', amount: '367.28' }, method: 'cash', kind: 'other' });
    expect(aed.payments[1]).toMatchObject({ amount: '100.00', received: { currency: 'AED', amount: '367.28', rate: '3.67280227' } });
    // The PI's own currency given as "received" is a plain payment.
    const usd = await invoke(core, 'invoices.addPayment', { id: pi.id, received: { currency: 'USD', amount: '1' }, method: 'cash', kind: 'other' });
    expect(usd.payments[2]).toMatchObject({ amount: '1.00', received: null });
    expect(usd.paid).toBe('805.23');
  });

  it('names the field when a payment in another currency cannot be recorded, and records nothing', async () => {
    const pi = await invoke(core, 'invoices.create', { quoteId: (await acceptedQuote()).id });
    const pay = (input: Record<string, unknown>) => failure(invoke(core, 'invoices.addPayment', { id: pi.id, method: 'cash', kind: 'deposit', ...input } as never));
    expect(await pay({ received: { currency: 'BRL', amount: '100' } })).toMatchObject({ code: 'invalid_input', field: 'received.rate' });
    expect(await pay({ amount: '10', received: { currency: 'CNY', amount: '71' } })).toMatchObject({ field: 'amount' });
    expect(await pay({})).toMatchObject({ field: 'amount' });
    expect(await pay({ received: { currency: 'XYZ', amount: '1' } })).toMatchObject({ field: 'received.currency' });
    expect(await pay({ received: { currency: 'CNY', amount: '1', rate: '0' } })).toMatchObject({ field: 'received.rate' });
    const tooMuch = await pay({ received: { currency: 'CNY', amount: '9999999', rate: '7.1' } });
    expect(tooMuch).toMatchObject({ field: 'received.amount' });
    expect(tooMuch.message).toContain(pi.totals.grandTotal);
    expect((await invoke(core, 'invoices.get', { id: pi.id })).payments).toEqual([]);
  });

  it('ships the reserved stock, and a cancelled PI releases it and takes no payments', async () => {
    const q = await acceptedQuote();
    const pi = await invoke(core, 'invoices.create', { quoteId: q.id });
    // 150 tool sets are reserved but only 100 are on hand: goods not in stock cannot leave (nothing is shipped).
    expect(await failure(invoke(core, 'invoices.ship', { id: pi.id }))).toMatchObject({ code: 'invalid_input', field: 'id', message: expect.stringContaining('03118') });
    expect(level(core, stall.products.tools.id)).toEqual({ onHand: 100, reserved: 150, available: -50 });
    await invoke(core, 'stock.receive', { productId: stall.products.tools.id, qty: 50, reference: 'factory delivery' });
    const shipped = await invoke(core, 'invoices.ship', { id: pi.id, shippedOn: '2026-04-15' });
    expect(shipped.status).toBe('shipped');
    expect(shipped.stock.map((s) => [s.itemNo, s.reserved, s.shipped])).toEqual([['00123', 0, 1440], ['03118', 0, 150]]);
    expect(level(core, stall.products.car.id)).toEqual({ onHand: 1440, reserved: 0, available: 1440 });
    expect(await failure(invoke(core, 'invoices.cancel', { id: pi.id, reason: 'x' }))).toMatchObject({ code: 'conflict' });

    const other = await acceptedQuote([{ itemNo: '04130', qty: 50 }]);
    const pi2 = await invoke(core, 'invoices.create', { quoteId: other.id });
    expect(level(core, stall.products.socks.id).reserved).toBe(50);
    await invoke(core, 'invoices.cancel', { id: pi2.id, reason: 'order withdrawn' });
    expect(level(core, stall.products.socks.id)).toEqual({ onHand: 100, reserved: 0, available: 100 });
    expect(await failure(invoke(core, 'invoices.addPayment', { id: pi2.id, amount: '10', method: 'cash', kind: 'deposit' }))).toMatchObject({ code: 'conflict' });
  });

  it('lists PIs by status, buyer and country with paid and balance', async () => {
    const a = await acceptedQuote();
    const pi = await invoke(core, 'invoices.create', { quoteId: a.id });
    await invoke(core, 'invoices.addPayment', { id: pi.id, amount: '100', method: 'alipay', kind: 'deposit' });
    const q = await invoke(core, 'quotes.create', { buyerId: stall.buyers.dubai.id, lines: [{ itemNo: '02113' }] });
    await invoke(core, 'quotes.accept', { id: q.id });
    const pi2 = await invoke(core, 'invoices.create', { quoteId: q.id });
    expect((await invoke(core, 'invoices.list', { country: 'AE' })).items.map((i) => i.number)).toEqual([pi2.number]);
    expect((await invoke(core, 'invoices.list', { buyerId: stall.buyers.lagos.id })).items[0]).toMatchObject({
      number: pi.number, paid: '100.00', quote: { displayNumber: a.displayNumber }, buyer: { company: 'Lagos Mega Stores Ltd' },
    });
    expect((await invoke(core, 'invoices.list', { status: ['issued'] })).items.map((i) => i.number)).toEqual([pi2.number, pi.number]);
  });
});

describe('PI numbers across two stations', () => {
  it('never gives two PIs issued at the same moment from two processes the same number, and leaves no gap', async () => {
    const { dir, remove } = tempDir();
    try {
      const core = openCore(dir);
      const stall = await seedQuoteStall(core);
      const ids: number[] = [];
      for (let i = 0; i < 24; i += 1) {
        const q = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, lines: [{ itemNo: '00123' }] });
        ids.push((await invoke(core, 'quotes.accept', { id: q.id })).id);
      }
      // Each station opens its own connection, says "ready", and starts on "go".
      const station = (quoteIds: number[]) => {
        const child = spawn(process.execPath, ['--import', 'tsx', appPath('tests', 'helpers', 'issueInvoicesWorker.ts'), dir, quoteIds.join(',')], { cwd: appPath() });
        let out = '';
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        const ready = new Promise<void>((resolve) => {
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            if (out.startsWith('ready\n')) resolve();
          });
        });
        const done = new Promise<string[]>((resolve, reject) => {
          child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length)) as string[]) : reject(new Error(`station exited ${code}: ${err}`))));
        });
        return { child, ready, done };
      };
      const one = station(ids.filter((_, i) => i % 2 === 0));
      const two = station(ids.filter((_, i) => i % 2 === 1));
      await Promise.all([one.ready, two.ready]);
      // This test's connection stays open too: three connections to one file.
      one.child.stdin.write('go\n');
      two.child.stdin.write('go\n');
      const [a, b] = await Promise.all([one.done, two.done]);
      const numbers = [...a, ...b];
      expect(new Set(numbers).size).toBe(24);
      const seqs = numbers.map((n) => Number(n.slice(-4))).sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
      const listed = await invoke(core, 'invoices.list', { limit: 100 });
      expect(listed.total).toBe(24);
      core.close();
    } finally {
      remove();
    }
  }, 60_000);
});
