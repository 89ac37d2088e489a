/**
 * Suppliers: the factories and workshops the stall orders from. A product links to one
 * (products.supplier_id, with the factory's own item no); the name typed on a product keeps
 * the link (migration 9's trigger finds or makes the supplier of that name).
 */
import type { Core } from '../core';
import { AppError, m, notFound } from '../errors/apiError';
import * as q from '../../db/suppliers';
import { toE164 } from '../phones/e164';
import { fromScaled } from '../money/decimal';
import type { SupplierChanges, SupplierFields, BalanceTermsKind } from './schema';

export interface SupplierTerms {
  text: string;
  /** Percent paid at order. */
  depositPercent: number;
  balance: BalanceTermsKind;
  /** monthly: the day of the month after delivery; days_after_delivery: the days; else 0. */
  days: number;
}

export interface Supplier {
  id: number;
  names: { zh: string; en: string };
  contact: string;
  /** E.164. */
  phone: string;
  wechat: string;
  address: string;
  paymentTerms: SupplierTerms;
  notes: string;
  archived: boolean;
  /** Active products linked to it (lists only). */
  productCount?: number;
  /** Draft, ordered and partly received purchase orders (lists only). */
  openOrders?: number;
  createdAt: string;
  updatedAt: string;
}

export interface SupplierProduct {
  id: number;
  itemNo: string;
  names: { zh: string; en: string };
  unit: string;
  supplierItemNo: string;
  /** CNY per unit, the owner's only (dispatch strips it for staff). */
  costCny?: string | null;
  archived: boolean;
}

export interface SupplierDetail extends Supplier {
  products: SupplierProduct[];
}

export function toSupplier(r: q.SupplierRow): Supplier {
  return {
    id: r.id,
    names: { zh: r.name_zh, en: r.name_en },
    contact: r.contact,
    phone: r.phone,
    wechat: r.wechat,
    address: r.address,
    paymentTerms: { text: r.payment_terms, depositPercent: r.deposit_percent, balance: r.balance_terms, days: r.balance_days },
    notes: r.notes,
    archived: r.archived === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function requireSupplier(core: Core, id: number, field = 'id'): q.SupplierRow {
  const row = q.getSupplier(core.db, id);
  if (!row) throw notFound(m('suppliers.noSupplierId', { id }), field);
  return row;
}

function ensureNameFree(core: Core, name: string, exceptId: number | null): void {
  const other = q.supplierNamed(core.db, name, exceptId);
  if (other) {
    throw new AppError('conflict', m('suppliers.alreadySupplierNamed', { supplier: other.name_zh }), 'names.zh');
  }
}

function applyFields(base: q.SupplierWrite, c: SupplierChanges): q.SupplierWrite {
  const w = { ...base };
  if (c.names?.zh !== undefined) w.name_zh = c.names.zh;
  if (c.names?.en !== undefined) w.name_en = c.names.en;
  if (c.contact !== undefined) w.contact = c.contact;
  if (c.phone !== undefined) w.phone = toE164(c.phone, 'CN', 'phone');
  if (c.wechat !== undefined) w.wechat = c.wechat;
  if (c.address !== undefined) w.address = c.address;
  if (c.notes !== undefined) w.notes = c.notes;
  const t = c.paymentTerms;
  if (t) {
    if (t.text !== undefined) w.payment_terms = t.text;
    if (t.depositPercent !== undefined) w.deposit_percent = t.depositPercent;
    if (t.balance !== undefined) w.balance_terms = t.balance;
    if (t.days !== undefined) w.balance_days = t.days;
    if (w.balance_terms === 'at_delivery') w.balance_days = 0;
    if (w.balance_terms === 'monthly' && (w.balance_days < 1 || w.balance_days > 31)) {
      throw new AppError('invalid_input', m('suppliers.paymenttermsDaysMonthlySettlement'), 'paymentTerms.days');
    }
  }
  return w;
}

const EMPTY: q.SupplierWrite = {
  name_zh: '', name_en: '', contact: '', phone: '', wechat: '', address: '', payment_terms: '',
  deposit_percent: 0, balance_terms: 'at_delivery', balance_days: 0, notes: '',
};

export function createSupplier(core: Core, input: SupplierFields): SupplierDetail {
  const write = applyFields(EMPTY, input);
  ensureNameFree(core, write.name_zh, null);
  const id = q.insertSupplier(core.db, write, core.now().toISOString());
  return getSupplier(core, id, { includeCost: false });
}

/** Changes a supplier; a new Chinese name is carried onto its products' supplier text. */
export function updateSupplier(core: Core, id: number, changes: SupplierChanges, options: { includeCost: boolean }): SupplierDetail {
  const row = requireSupplier(core, id);
  const { id: _id, archived: _a, created_at: _c, updated_at: _u, ...base } = row;
  const write = applyFields(base, changes);
  if (write.name_zh !== row.name_zh) ensureNameFree(core, write.name_zh, id);
  const now = core.now().toISOString();
  q.updateSupplier(core.db, id, write, now);
  if (write.name_zh !== row.name_zh) q.renameOnProducts(core.db, id, write.name_zh, now);
  return getSupplier(core, id, options);
}

/** Archived suppliers leave the pickers and new purchase orders; their orders and products stay. */
export function setArchived(core: Core, id: number, archived: boolean, options: { includeCost: boolean }): SupplierDetail {
  requireSupplier(core, id);
  q.setSupplierArchived(core.db, id, archived, core.now().toISOString());
  return getSupplier(core, id, options);
}

export function getSupplier(core: Core, id: number, options: { includeCost: boolean }): SupplierDetail {
  const row = requireSupplier(core, id);
  const products = q.productsOfSupplier(core.db, id).map((p): SupplierProduct => {
    const out: SupplierProduct = {
      id: p.id,
      itemNo: p.item_no,
      names: { zh: p.name_zh, en: p.name_en },
      unit: p.unit,
      supplierItemNo: p.supplier_item_no,
      archived: p.archived === 1,
    };
    if (options.includeCost) out.costCny = p.cost_cny_e4 === null ? null : fromScaled(p.cost_cny_e4, 4, 2);
    return out;
  });
  return { ...toSupplier(row), products };
}

export function listSuppliers(core: Core, filter: q.SupplierFilter): { items: Supplier[]; total: number } {
  const { rows, total } = q.listSuppliers(core.db, filter);
  return { total, items: rows.map((r) => ({ ...toSupplier(r), productCount: r.products, openOrders: r.open_orders })) };
}
