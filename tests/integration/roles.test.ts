import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callMethod, methodSpec } from '../../main/api/dispatch';
import { invoke } from '../../main/api/invoke';
import { pcSession } from '../../main/auth/service';
import { ownerFieldPaths } from '../../main/auth/redact';
import { startServer, type RunningServer } from '../../main/server/server';
import { rendererDir } from '../../main/server/renderer';
import { tempCore } from '../helpers/tempCore';
import { post } from '../helpers/server';
import { smallStall } from '../helpers/stall';
import { issuePi, seedAfterPiStall } from '../helpers/afterPiStall';
import { apiTable, type MethodName } from '../../main/api/table';

type TestCore = ReturnType<typeof tempCore>;

describe('roles at the shop PC (the owner PIN)', () => {
  let now = Date.parse('2026-04-01T09:00:00Z');
  let core: TestCore;
  const pc = () => ({ session: pcSession(core) });

  beforeAll(async () => {
    core = tempCore({ now: () => new Date(now) });
    await smallStall(core);
  });
  afterAll(() => core.remove());

  it('lets the PC be the owner before a PIN is set, and says a PIN should be set', async () => {
    expect(pcSession(core).role).toBe('owner');
    expect(await invoke(core, 'auth.status', {}, pc())).toMatchObject({ role: 'owner', ownerPinSet: false, seat: 'pc', canUnlock: false });
    expect((await invoke(core, 'products.get', { itemNo: 'S-1' }, pc())).costCny).toBe('1.73');
  });

  it('after setting a PIN and locking, the PC is staff: no cost prices, no settings, no backups', async () => {
    await invoke(core, 'auth.setOwnerPin', { pin: '482913' }, pc());
    expect(pcSession(core).role).toBe('owner');
    await invoke(core, 'auth.lock', {}, pc());
    expect(pcSession(core).role).toBe('staff');
    const product = await invoke(core, 'products.get', { itemNo: 'S-1' }, pc());
    expect(product).not.toHaveProperty('costCny');
    const list = await invoke(core, 'products.list', { limit: 50 }, pc());
    expect(ownerFieldPaths(list)).toEqual([]);
    for (const [method, input] of [
      ['settings.update', { seller: { companyNameEn: 'X' } }],
      ['backup.run', {}],
      ['backup.status', {}],
      ['backup.restore', { snapshot: 'x' }],
      ['network.status', {}],
      ['auth.setOwnerPin', { pin: '1111' }],
    ] as const) {
      expect(await callMethod(core, method, input, pc()), method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // Staff can still search, add buyers and look things up.
    expect((await callMethod(core, 'buyers.list', {}, pc())).ok).toBe(true);
    expect((await callMethod(core, 'settings.get', {}, pc())).ok).toBe(true);
  });

  it('does not let staff set a cost price (403 naming the field)', async () => {
    expect(await callMethod(core, 'products.create', { itemNo: 'STAFF-1', names: { en: 'By staff' }, costCny: '99' }, pc())).toMatchObject({
      ok: false,
      error: { code: 'forbidden', field: 'costCny' },
    });
    const created = await invoke(core, 'products.create', { itemNo: 'STAFF-1', names: { en: 'By staff' } }, pc());
    expect(created).not.toHaveProperty('costCny');
    core.security.pc.unlock(now, 60_000);
    expect((await invoke(core, 'products.get', { itemNo: 'STAFF-1' }, pc())).costCny).toBeNull();
    core.security.pc.lock();
  });

  it('unlocks with the PIN, refuses a wrong one naming the field, and slows down guessing', async () => {
    expect(await callMethod(core, 'auth.unlock', { pin: '000000' }, pc())).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'pin' } });
    for (let i = 0; i < 4; i += 1) await callMethod(core, 'auth.unlock', { pin: '000000' }, pc());
    // Five wrong: even the right PIN must wait now.
    expect(await callMethod(core, 'auth.unlock', { pin: '482913' }, pc())).toMatchObject({ ok: false, error: { code: 'too_many_requests', field: 'pin' } });
    now += 31_000;
    expect(await callMethod(core, 'auth.unlock', { pin: '482913' }, { ...pc(), locale: 'zh' })).toMatchObject({ ok: true, result: { role: 'owner' } });
    expect((await invoke(core, 'products.get', { itemNo: 'S-1' }, pc())).costCny).toBe('1.73');
  });

  it('locks again after the idle timeout; using the app keeps it open, looking at the status does not', async () => {
    await invoke(core, 'auth.setIdleMinutes', { minutes: 10 }, pc());
    await invoke(core, 'auth.unlock', { pin: '482913' }, pc());
    now += 9 * 60_000;
    await invoke(core, 'products.list', {}, pc()); // activity
    now += 9 * 60_000;
    expect(pcSession(core).role).toBe('owner');
    await invoke(core, 'auth.status', {}, pc()); // passive
    now += 2 * 60_000;
    expect(pcSession(core).role).toBe('staff');
    expect(await invoke(core, 'auth.status', {}, pc())).toMatchObject({ role: 'staff', unlockedUntil: null, canUnlock: true });
  });

  it('changes the PIN only with the current one', async () => {
    await invoke(core, 'auth.unlock', { pin: '482913' }, pc());
    expect(await callMethod(core, 'auth.setOwnerPin', { pin: '5555' }, pc())).toMatchObject({ ok: false, error: { field: 'currentPin' } });
    expect(await callMethod(core, 'auth.setOwnerPin', { pin: '5555', currentPin: '111111' }, pc())).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'currentPin' } });
    expect(await callMethod(core, 'auth.setOwnerPin', { pin: '12ab' }, pc())).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'pin' } });
    expect((await callMethod(core, 'auth.setOwnerPin', { pin: '5555', currentPin: '482913' }, pc())).ok).toBe(true);
    core.security.pc.lock();
    expect((await callMethod(core, 'auth.unlock', { pin: '5555' }, pc())).ok).toBe(true);
  });

  it('strips owner-only fields from any staff result, whatever the handler returned', async () => {
    const { stripOwnerFields } = await import('../../main/auth/redact');
    expect(stripOwnerFields({ items: [{ costCny: '1', cost: 2, marginPercent: 3, profitCents: 4, costume: 'hat', shippingCost: '5', name: 'x' }] })).toEqual({
      items: [{ costume: 'hat', shippingCost: '5', name: 'x' }],
    });
  });
});

describe('roles over HTTP at the shop PC (browser mode on 127.0.0.1)', () => {
  let core: TestCore;
  let server: RunningServer;
  beforeAll(async () => {
    core = tempCore();
    await smallStall(core);
    server = await startServer({ core, rendererDir: rendererDir(), port: 0 });
  });
  afterAll(async () => {
    await server.close();
    core.remove();
  });

  it('is the owner before a PIN, staff after locking, owner again with the PIN', async () => {
    expect((await post(server, 'products.get', { itemNo: 'S-2' })).json).toMatchObject({ costCny: '2.73' });
    expect((await post(server, 'auth.setOwnerPin', { pin: '7391' })).status).toBe(200);
    expect((await post(server, 'auth.lock', {})).json).toMatchObject({ role: 'staff' });
    const staffView = await post(server, 'products.get', { itemNo: 'S-2' });
    expect(staffView.status).toBe(200);
    expect(staffView.json).not.toHaveProperty('costCny');
    expect(await post(server, 'settings.update', { seller: { companyNameEn: 'X' } })).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    expect(await post(server, 'auth.unlock', { pin: '0000' })).toMatchObject({ status: 403, json: { error: { field: 'pin' } } });
    expect((await post(server, 'auth.unlock', { pin: '7391' })).status).toBe(200);
    expect((await post(server, 'products.get', { itemNo: 'S-2' })).json).toMatchObject({ costCny: '2.73' });
  });

  it('refuses to serve the PC door on a network address', async () => {
    await expect(startServer({ core, rendererDir: rendererDir(), host: '0.0.0.0', port: 0 })).rejects.toThrow(/local-network mode/);
  });
});

describe('roles after the PI: suppliers, purchase orders, deliveries, statements', () => {
  let core: TestCore;
  const staff = { session: { role: 'staff' as const } };
  beforeAll(async () => {
    core = tempCore({ now: () => new Date('2026-03-02T09:00:00Z') });
    const stall = await seedAfterPiStall(core);
    const pi = await issuePi(core, stall.buyers.lagos.id, [{ itemNo: 'TC-100', qty: 288 }, { itemNo: 'TS-400', qty: 10 }]);
    const made = await invoke(core, 'purchases.fromInvoice', { invoiceId: pi.id });
    await invoke(core, 'purchases.order', { id: made.orders[0]!.id });
    await invoke(core, 'purchases.receive', { id: made.orders[0]!.id, lines: [{ lineId: made.orders[0]!.lines[0]!.id, qty: 288 }] });
    await invoke(core, 'shipments.create', { invoiceId: pi.id, lines: [{ lineId: pi.lines[0]!.id, qty: 288 }] });
  });
  afterAll(() => core.remove());

  it('refuses staff every owner-only method of the table with 403: purchase orders, changing suppliers, the margin', async () => {
    const ownerOnly = (Object.keys(apiTable) as MethodName[]).filter((m) => methodSpec(m).access === 'owner');
    expect(ownerOnly).toEqual(expect.arrayContaining([
      'purchases.fromInvoice', 'purchases.create', 'purchases.get', 'purchases.list', 'purchases.update', 'purchases.order', 'purchases.receive',
      'purchases.close', 'purchases.cancel', 'purchases.addPayment', 'purchases.removePayment', 'purchases.forInvoice', 'purchases.payables',
      'purchases.settings', 'purchases.updateSettings', 'purchases.exportXlsx', 'suppliers.create', 'suppliers.update', 'suppliers.archive', 'reports.margin',
    ]));
    for (const name of ownerOnly) {
      expect(await callMethod(core, name, {}, staff), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('never shows staff a cost field in what the after-PI methods open to them return', async () => {
    const calls: Array<[MethodName, unknown]> = [
      ['suppliers.list', {}], ['suppliers.get', { id: 1 }], ['products.get', { itemNo: 'TC-100' }], ['invoices.get', { id: 1 }], ['invoices.list', {}],
      ['shipments.get', { id: 1 }], ['shipments.list', {}], ['shipments.forInvoice', { invoiceId: 1 }], ['shipments.declaration', { id: 1 }],
      ['statements.buyer', { buyerId: 1 }], ['receivables.list', {}], ['reports.followUps', {}],
    ];
    // The owner does get cost prices from some of them, so there is something to keep from staff.
    expect(ownerFieldPaths((await callMethod(core, 'suppliers.get', { id: 1 }, { session: { role: 'owner' } }) as { result: unknown }).result)).not.toEqual([]);
    for (const [name, input] of calls) {
      const outcome = await callMethod(core, name, input, staff);
      expect(outcome.ok, `${name}: ${JSON.stringify(outcome).slice(0, 200)}`).toBe(true);
      expect(ownerFieldPaths(outcome.ok ? outcome.result : null), name).toEqual([]);
    }
  });
});
