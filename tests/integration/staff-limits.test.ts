import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callMethod } from '../../main/api/dispatch';
import { invoke } from '../../main/api/invoke';
import type { MethodName } from '../../main/api/table';
import { pcSession } from '../../main/auth/service';
import { createLanControl } from '../../main/server/lanListener';
import { rendererDir } from '../../main/server/renderer';
import { DEVICE_COOKIE, startServer, type RunningServer } from '../../main/server/server';
import { post, rawRequest } from '../helpers/server';
import { seedQuoteStall } from '../helpers/quoteStall';
import { dataDigest } from '../helpers/stall';
import { tempCore } from '../helpers/tempCore';

type TestCore = ReturnType<typeof tempCore>;

/**
 * Staff (a paired tablet, or the shop PC while the owner is locked out) search,
 * quote, print, add buyers and record payments received; the owner alone
 * cancels a PI, removes a payment, deletes or merges buyers, archives products,
 * changes catalog prices (tiers, cost) and exchange rates.
 */
describe('what staff may not do (tablet and locked PC)', () => {
  let core: TestCore;
  let lanPort: number;
  let token: string;
  let stopLan: () => Promise<unknown>;
  let pcServer: RunningServer;
  let ids: { product: number; archived: number; pi: number; payment: number; buyer: number; other: number };
  const owner = () => ({ session: { role: 'owner' as const } });

  beforeAll(async () => {
    core = tempCore();
    const stall = await seedQuoteStall(core);
    const q = await invoke(core, 'quotes.create', { buyerId: stall.buyers.lagos.id, currency: 'USD', lines: [{ itemNo: '00123', qty: 576 }] });
    await invoke(core, 'quotes.accept', { id: q.id });
    const pi = await invoke(core, 'invoices.create', { quoteId: q.id });
    const paid = await invoke(core, 'invoices.addPayment', { id: pi.id, amount: '10.00', method: 'cash', kind: 'deposit' });
    const archived = await invoke(core, 'products.create', { itemNo: 'OLD-1', names: { en: 'Last year' }, archived: true });
    ids = {
      product: stall.products.car.id,
      archived: archived.id,
      pi: pi.id,
      payment: paid.payments[0]?.id as number,
      buyer: stall.buyers.dubai.id,
      other: (await invoke(core, 'buyers.create', { company: 'Al Noor General Trading', country: 'AE' })).id,
    };
    // The shop PC gets an owner PIN and is locked: staff.
    await invoke(core, 'auth.setOwnerPin', { pin: '2580' }, { session: pcSession(core) });
    core.security.pc.lock();
    // A tablet pairs over the local network (loopback for the test).
    const lan = createLanControl(core, rendererDir(), { host: '127.0.0.1', port: 0 });
    core.door.lan = lan;
    stopLan = () => lan.stop();
    await invoke(core, 'network.setEnabled', { enabled: true }, owner());
    lanPort = lan.status().port as number;
    const pin = (await invoke(core, 'network.startPairing', {}, owner())).pairing?.pin as string;
    const paired = await rawRequest(lanPort, { method: 'POST', path: '/pair', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pin, name: 'Counter tablet' }) });
    token = /sk_device=([^;]+)/.exec(paired.headers['set-cookie']?.[0] ?? '')?.[1] as string;
    expect(token).toBeTruthy();
    // The shop PC's browser mode (with this launch's key).
    pcServer = await startServer({ core, rendererDir: rendererDir(), port: 0 });
  });
  afterAll(async () => {
    await pcServer.close();
    await stopLan();
    core.remove();
  });

  const tablet = async (method: string, input: unknown) => {
    const r = await rawRequest(lanPort, { method: 'POST', path: `/api/${method}`, headers: { 'Content-Type': 'application/json', Cookie: `${DEVICE_COOKIE}=${token}` }, body: JSON.stringify(input) });
    return { status: r.status, body: JSON.parse(r.body) as { error?: { code: string; message: string; field?: string } } };
  };
  const lockedPcBrowser = async (method: string, input: unknown) => {
    const r = await post(pcServer, method, input);
    return { status: r.status, body: r.json as { error?: { code: string; message: string; field?: string } } };
  };
  const lockedPc = async (method: string, input: unknown) => {
    const outcome = await callMethod(core, method, input, { session: pcSession(core) });
    return outcome.ok ? { status: 200, body: {} } : { status: outcome.error.code === 'forbidden' ? 403 : 400, body: { error: outcome.error } };
  };

  const refused = (): Array<[MethodName, unknown, RegExp, string | undefined]> => [
    ['invoices.cancel', { id: ids.pi, reason: 'tablet says so' }, /Only the owner cancels a PI/, undefined],
    ['invoices.removePayment', { id: ids.pi, paymentId: ids.payment }, /Only the owner removes or changes a payment/, undefined],
    ['buyers.delete', { id: ids.other }, /Only the owner deletes a buyer/, undefined],
    ['buyers.merge', { keepId: ids.buyer, mergeId: ids.other }, /Only the owner merges buyers/, undefined],
    ['products.archive', { id: ids.product }, /Only the owner archives products/, undefined],
    ['products.unarchive', { id: ids.archived }, /Only the owner brings archived products back/, undefined],
    ['products.update', { id: ids.product, changes: { priceTiers: [{ minQty: 288, priceCny: '0.01' }] } }, /changes\.priceTiers: only the owner changes catalog prices/, 'changes.priceTiers'],
    ['products.update', { id: ids.product, changes: { notes: 'cheaper', costCny: '0.50' } }, /changes\.costCny: only the owner sets the cost price/, 'changes.costCny'],
    ['products.update', { id: ids.product, changes: { archived: true } }, /changes\.archived: only the owner archives/, 'changes.archived'],
    ['products.create', { itemNo: 'NEW-1', names: { en: 'New' }, costCny: '9.99' }, /costCny: only the owner sets the cost price/, 'costCny'],
    ['products.duplicate', { id: ids.product, itemNo: 'NEW-2', changes: { costCny: '0.01' } }, /changes\.costCny: only the owner/, 'changes.costCny'],
    ['rates.set', { currency: 'USD', cnyPerUnit: '1.00' }, /Only the owner changes exchange rates/, undefined],
  ];

  for (const [door, call] of [['a paired tablet (HTTP)', tablet], ['the locked shop PC in browser mode (HTTP)', lockedPcBrowser], ['the locked shop PC (in process)', lockedPc]] as const) {
    it(`refuses ${door} each owner-only change with 403 and a message that says why, changing nothing`, async () => {
      const before = dataDigest(core);
      for (const [method, input, message, field] of refused()) {
        const r = await call(method, input);
        expect(r.status, method).toBe(403);
        expect(r.body.error, method).toMatchObject({ code: 'forbidden' });
        expect(r.body.error?.message, method).toMatch(message);
        if (field) expect(r.body.error?.field, method).toBe(field);
      }
      expect(dataDigest(core)).toBe(before);
    });

    it(`lets ${door} search, quote, print, add buyers, record payments received and edit a product without touching its prices`, async () => {
      const car = await invoke(core, 'products.get', { id: ids.product });
      const allowed: Array<[string, unknown]> = [
        ['products.search', { query: '00123' }],
        ['quotes.create', { buyerId: ids.buyer, currency: 'USD', lines: [{ itemNo: '00123', qty: 288 }] }],
        ['documents.render', { kind: 'proforma', id: ids.pi }],
        ['buyers.create', { company: `Walk-in ${door}`, country: 'NG', contacts: [{ whatsapp: '+234 803 123 4567' }] }],
        ['invoices.addPayment', { id: ids.pi, amount: '1.00', method: 'cash', kind: 'balance' }],
        // What the product editor sends: every field, the tiers as shown.
        ['products.update', { id: ids.product, changes: { notes: `checked by ${door}`, priceTiers: car.priceTiers.map((t) => ({ minQty: t.minQty, priceCny: t.priceCny })), archived: false } }],
        ['products.create', { itemNo: `STAFF-${door.length}`, names: { en: 'Arrived today' }, priceTiers: [{ minQty: 1, priceCny: '3.20' }] }],
      ];
      for (const [method, input] of allowed) {
        const r = await call(method, input);
        expect(r.status, `${method} ${JSON.stringify(r.body)}`).toBe(200);
      }
      expect((await invoke(core, 'products.get', { id: ids.product })).notes).toBe(`checked by ${door}`);
    });
  }

  it('lets the owner do all of it', async () => {
    const calls = refused().filter(([m]) => m !== 'buyers.delete'); // merged instead
    calls.push(...calls.splice(0, 1)); // a payment is removed before the PI is cancelled
    for (const [method, input] of calls) {
      const outcome = await callMethod(core, method, input, owner());
      expect(outcome.ok, `${method} ${JSON.stringify(outcome)}`).toBe(true);
    }
  });
});
