import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure, invoke } from '../../main/api/invoke';
import { callMethod } from '../../main/api/dispatch';
import { ownerFieldPaths } from '../../main/auth/redact';
import { tempCore } from '../helpers/tempCore';
import { dataDigest } from '../helpers/stall';

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error.error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('suppliers', () => {
  let core: ReturnType<typeof tempCore>;
  beforeEach(() => {
    core = tempCore({ now: () => new Date('2026-03-10T10:00:00Z') });
  });
  afterEach(() => core.remove());

  it('keeps a factory with names, contact, an E.164 phone, WeChat, address, payment terms and notes', async () => {
    const s = await invoke(core, 'suppliers.create', {
      names: { zh: '金华新达玩具厂', en: 'Jinhua Xinda Toys' }, contact: '陈经理', phone: '0579-8888 1234', wechat: 'xinda_chen',
      address: '金华市婺城区工业园 8 号', paymentTerms: { text: '30% 定金，交货付清', depositPercent: 30, balance: 'at_delivery' }, notes: 'samples in 3 days',
    });
    expect(s).toMatchObject({
      names: { zh: '金华新达玩具厂', en: 'Jinhua Xinda Toys' }, contact: '陈经理', phone: '+8657988881234', wechat: 'xinda_chen',
      paymentTerms: { text: '30% 定金，交货付清', depositPercent: 30, balance: 'at_delivery', days: 0 }, notes: 'samples in 3 days', archived: false, products: [],
    });
    const monthly = await invoke(core, 'suppliers.update', { id: s.id, changes: { paymentTerms: { balance: 'monthly', days: 25 } } });
    expect(monthly.paymentTerms).toEqual({ text: '30% 定金，交货付清', depositPercent: 30, balance: 'monthly', days: 25 });
    expect(await failure(invoke(core, 'suppliers.update', { id: s.id, changes: { paymentTerms: { balance: 'monthly', days: 0 } } }))).toMatchObject({ field: 'paymentTerms.days' });
    expect(await failure(invoke(core, 'suppliers.create', { names: { zh: 'X' }, phone: '12' }))).toMatchObject({ code: 'invalid_input', field: 'phone' });
  });

  it('refuses a second supplier of the same name whatever its case, naming names.zh, and changes nothing', async () => {
    await invoke(core, 'suppliers.create', { names: { zh: 'Ningbo Haitian Plastics' } });
    const before = dataDigest(core);
    expect(await failure(invoke(core, 'suppliers.create', { names: { zh: ' ningbo HAITIAN plastics ' } }))).toMatchObject({ code: 'conflict', field: 'names.zh' });
    expect(dataDigest(core)).toBe(before);
  });

  it('links products by supplier id or by the name typed on them, with the factory item no; a rename reaches the products', async () => {
    const s = await invoke(core, 'suppliers.create', { names: { zh: '义乌美丽饰品', en: 'Yiwu Meili Crafts' } });
    const a = await invoke(core, 'products.create', { itemNo: 'A-1', names: { en: 'Earrings' }, supplierId: s.id, supplierItemNo: 'ML-7', costCny: '0.85' });
    expect(a).toMatchObject({ supplier: '义乌美丽饰品', supplierId: s.id, supplierItemNo: 'ML-7' });
    // Typed (the product form, an import): the Chinese or English name, any case, finds the same supplier.
    const b = await invoke(core, 'products.create', { itemNo: 'A-2', names: { en: 'Ring' }, supplier: 'YIWU MEILI CRAFTS' });
    expect(b.supplierId).toBe(s.id);
    // A new name makes its supplier; an empty one unlinks.
    const c = await invoke(core, 'products.create', { itemNo: 'A-3', names: { en: 'Sock' }, supplier: 'Zhuji Socks' });
    expect(c.supplierId).not.toBeNull();
    expect((await invoke(core, 'suppliers.list', {})).items.map((x) => [x.names.zh, x.productCount])).toEqual([['Zhuji Socks', 1], ['义乌美丽饰品', 2]]);
    expect((await invoke(core, 'products.update', { id: c.id, changes: { supplier: '' } })).supplierId).toBeNull();
    const renamed = await invoke(core, 'suppliers.update', { id: s.id, changes: { names: { zh: '义乌美丽饰品厂' } } });
    expect(renamed.products.map((p) => [p.itemNo, p.supplierItemNo, p.costCny])).toEqual([['A-1', 'ML-7', '0.85'], ['A-2', '', null]]);
    expect((await invoke(core, 'products.get', { id: b.id })).supplier).toBe('义乌美丽饰品厂');
    expect((await invoke(core, 'products.get', { id: b.id })).supplierId).toBe(s.id);
    expect(await failure(invoke(core, 'products.update', { id: a.id, changes: { supplierId: 9999 } }))).toMatchObject({ code: 'not_found', field: 'supplierId' });
  });

  it('archives a supplier: it leaves the list, its products stay linked, and no new product may be linked to it', async () => {
    const s = await invoke(core, 'suppliers.create', { names: { zh: '旧工厂' } });
    const p = await invoke(core, 'products.create', { itemNo: 'B-1', names: { en: 'Old' }, supplierId: s.id });
    await invoke(core, 'suppliers.archive', { id: s.id });
    expect((await invoke(core, 'suppliers.list', {})).total).toBe(0);
    expect((await invoke(core, 'suppliers.list', { includeArchived: true })).items[0]).toMatchObject({ id: s.id, archived: true });
    expect((await invoke(core, 'products.get', { id: p.id })).supplierId).toBe(s.id);
    expect(await failure(invoke(core, 'products.create', { itemNo: 'B-2', names: { en: 'New' }, supplierId: s.id }))).toMatchObject({ field: 'supplierId' });
    expect((await invoke(core, 'suppliers.archive', { id: s.id, archived: false })).archived).toBe(false);
  });

  it('lets staff read suppliers without cost prices, and keeps creating, changing and archiving for the owner', async () => {
    const s = await invoke(core, 'suppliers.create', { names: { zh: '工厂' } });
    await invoke(core, 'products.create', { itemNo: 'C-1', names: { en: 'Car' }, supplierId: s.id, costCny: '1.60' });
    const staff = { session: { role: 'staff' as const } };
    const got = await callMethod(core, 'suppliers.get', { id: s.id }, staff);
    expect(got.ok).toBe(true);
    expect(ownerFieldPaths(got.ok ? got.result : null)).toEqual([]);
    for (const [method, input] of [['suppliers.create', { names: { zh: 'Y' } }], ['suppliers.update', { id: s.id, changes: { notes: 'x' } }], ['suppliers.archive', { id: s.id }]] as const) {
      expect(await callMethod(core, method, input, staff), method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});
