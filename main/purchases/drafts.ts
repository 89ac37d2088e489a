/** Making and changing purchase orders: from a PI's lines or for stock, drafts, placing, closing, cancelling. */
import type { Core } from '../core';
import { AppError, invalid, m, notFound } from '../errors/apiError';
import { INVOICE_STATUS } from '../invoices/status';
import * as q from '../../db/purchases';
import { getSupplier as supplierRow } from '../../db/suppliers';
import { getProduct as productRow } from '../../db/products';
import { getInvoice as invoiceRow, paymentsOf as invoicePayments } from '../../db/invoices';
import { getInvoice } from '../invoices/service';
import { yearOf } from '../calendar/dates';
import { toScaled } from '../money/decimal';
import { factoryDeliveryDate } from './deliveryDate';
import type { DocumentLine } from '../quotes/types';
import type { FromInvoiceResult, PurchaseOrder, UnassignedLine } from './types';
import { getOrder, lineCostE4, nowIso, refuse, requireOrder, today } from './orders';

export interface LineInput {
  /** An existing line (update only). */
  id?: number | undefined;
  productId?: number | undefined;
  qty: number;
  cartons?: number | undefined;
  /** CNY per unit × 10⁴ (scale 4), null: not known; omitted: the product's cost price (new lines) or unchanged. */
  costCny?: number | null | undefined;
  note?: string | undefined;
}

export function cartonsFor(qty: number, pcsPerCarton: number | null): number {
  return pcsPerCarton ? Math.ceil(qty / pcsPerCarton) : 0;
}

/** A new line for a product of the catalog (its packing and cost price as they are now). */
function lineFromProduct(core: Core, productId: number, input: LineInput, position: number, field: string): q.PurchaseLineWrite {
  const p = productRow(core.db, productId);
  if (!p) throw notFound(m('common.noProductWithId', { productId }), `${field}.productId`);
  if (p.archived === 1) {
    throw invalid(`${field}.productId`, m('purchases.archivedBringProductBack', { itemNo: p.item_no }));
  }
  const unitCost = input.costCny !== undefined ? input.costCny : p.cost_cny_e4;
  return {
    position,
    product_id: p.id,
    invoice_line_id: null,
    item_no: p.item_no,
    supplier_item_no: p.supplier_item_no,
    name_zh: p.name_zh,
    name_en: p.name_en,
    unit: p.unit,
    colors: p.colors,
    qty: input.qty,
    cartons: input.cartons ?? cartonsFor(input.qty, p.pcs_per_carton),
    pcs_per_inner: p.pcs_per_inner,
    pcs_per_carton: p.pcs_per_carton,
    carton_l_mm: p.carton_l_mm,
    carton_w_mm: p.carton_w_mm,
    carton_h_mm: p.carton_h_mm,
    gw_g: p.gw_g,
    nw_g: p.nw_g,
    unit_cost_e4: unitCost,
    amount_e4: lineCostE4(input.qty, unitCost),
    note: input.note ?? '',
  };
}

/** The PI line's packing snapshot (as the buyer was quoted it) in the columns' units. */
function snapshotPacking(line: DocumentLine): Pick<q.PurchaseLineWrite, 'pcs_per_inner' | 'pcs_per_carton' | 'carton_l_mm' | 'carton_w_mm' | 'carton_h_mm' | 'gw_g' | 'nw_g'> {
  const p = line.product.packing;
  return {
    pcs_per_inner: p.pcsPerInner,
    pcs_per_carton: p.pcsPerCarton,
    carton_l_mm: p.cartonCm ? toScaled(p.cartonCm.l, 1) : null,
    carton_w_mm: p.cartonCm ? toScaled(p.cartonCm.w, 1) : null,
    carton_h_mm: p.cartonCm ? toScaled(p.cartonCm.h, 1) : null,
    gw_g: p.gwKg === null ? null : toScaled(p.gwKg, 3),
    nw_g: p.nwKg === null ? null : toScaled(p.nwKg, 3),
  };
}

function newOrder(
  core: Core,
  o: { supplierId: number; invoiceId: number | null; deliveryDate: string | null; requirements: string; shippingMarks: string; notes: string },
  lines: q.PurchaseLineWrite[],
): number {
  const orderDate = today(core);
  const year = yearOf(orderDate);
  const seq = q.nextOrderSeq(core.db, year);
  const number = `${q.orderPrefix(core.db)}${year}-${String(seq).padStart(4, '0')}`;
  const now = nowIso(core);
  const id = q.insertOrder(
    core.db,
    {
      year, seq, number, supplier_id: o.supplierId, invoice_id: o.invoiceId, order_date: orderDate, delivery_date: o.deliveryDate,
      requirements: o.requirements, shipping_marks: o.shippingMarks, notes: o.notes,
    },
    now,
  );
  for (const l of lines) q.insertLine(core.db, id, l);
  q.setOrderTotal(core.db, id, lines.reduce((s, l) => s + l.amount_e4, 0), now);
  return id;
}

export function requireInvoiceRow(core: Core, invoiceId: number) {
  const row = invoiceRow(core.db, invoiceId);
  if (!row) throw notFound(m('common.noProFormaInvoice', { invoiceId }), 'invoiceId');
  return row;
}

function requireActiveSupplier(core: Core, supplierId: number, field: string) {
  const s = supplierRow(core.db, supplierId);
  if (!s) throw notFound(m('common.noSupplierId', { supplierId }), field);
  if (s.archived === 1) throw invalid(field, m('purchases.archivedBringSupplierBack', { supplier: s.name_zh }));
  return s;
}

/**
 * One draft purchase order per supplier from a PI's lines: what is still to order of each
 * line (its quantity less what open orders already have), in pieces and cartons, at the
 * product's cost price, with the buyer's packing (the line's snapshot), the PI's shipping
 * marks, remarks and line notes, and a delivery date from the PI's delivery time (counted
 * from the deposit day when it is paid, else the issue day). Lines whose product has no
 * supplier (or is archived, or gone) are listed in `unassigned`, never dropped.
 */
export function fromInvoice(core: Core, invoiceId: number): FromInvoiceResult {
  const row = requireInvoiceRow(core, invoiceId);
  const pi = getInvoice(core, invoiceId);
  if (pi.status === 'cancelled' || pi.status === 'shipped') {
    throw new AppError('conflict', m('purchases.nothingToOrder', { number: pi.number, status: INVOICE_STATUS[pi.status] }), 'invoiceId');
  }
  const already = new Map(q.orderedForInvoice(core.db, invoiceId).map((r) => [r.invoice_line_id, r.qty]));
  const delivery = factoryDeliveryDate(
    pi.deliveryTime,
    pi.issuedOn,
    row.deposit_e4,
    invoicePayments(core.db, invoiceId).map((p) => ({ paidOn: p.paid_on, amountE4: p.amount_e4 })),
  );
  const groups = new Map<number, q.PurchaseLineWrite[]>();
  const unassigned: UnassignedLine[] = [];
  const alreadyOrdered: FromInvoiceResult['alreadyOrdered'] = [];
  for (const line of pi.lines) {
    const qty = line.qty - (already.get(line.id) ?? 0);
    const base = { lineId: line.id, no: line.no, itemNo: line.product.itemNo };
    if (qty <= 0) {
      alreadyOrdered.push({ ...base, qty: line.qty });
      continue;
    }
    const names = { zh: line.product.names.zh, en: line.product.names.en };
    const product = line.product.productId === null ? undefined : productRow(core.db, line.product.productId);
    let reason: UnassignedLine['reason'] | null = null;
    if (!product) reason = 'no_product';
    else if (product.archived === 1) reason = 'archived_product';
    else if (product.supplier_id === null) reason = 'no_supplier';
    else if (supplierRow(core.db, product.supplier_id)?.archived === 1) reason = 'archived_supplier';
    if (reason || !product || product.supplier_id === null) {
      unassigned.push({ ...base, names, qty, reason: reason ?? 'no_supplier' });
      continue;
    }
    const packing = snapshotPacking(line);
    const list = groups.get(product.supplier_id) ?? [];
    list.push({
      position: list.length,
      product_id: product.id,
      invoice_line_id: line.id,
      item_no: line.product.itemNo,
      supplier_item_no: product.supplier_item_no,
      name_zh: line.product.names.zh,
      name_en: line.product.names.en,
      unit: line.product.unit,
      colors: line.product.colors,
      qty,
      cartons: qty === line.qty ? line.cartons : cartonsFor(qty, packing.pcs_per_carton),
      ...packing,
      unit_cost_e4: product.cost_cny_e4,
      amount_e4: lineCostE4(qty, product.cost_cny_e4),
      note: line.note,
    });
    groups.set(product.supplier_id, list);
  }
  // Suppliers in the order their first line comes on the PI.
  const ids = [...groups.keys()];
  const orders = ids.map((supplierId) =>
    getOrder(
      core,
      newOrder(
        core,
        { supplierId, invoiceId, deliveryDate: delivery.date, requirements: pi.notes, shippingMarks: pi.shippingMarks, notes: '' },
        groups.get(supplierId) ?? [],
      ),
    ),
  );
  return { orders, unassigned, alreadyOrdered, deliveryDate: delivery };
}

export interface CreateInput {
  supplierId: number;
  lines: LineInput[];
  deliveryDate?: string | null | undefined;
  requirements?: string | undefined;
  shippingMarks?: string | undefined;
  notes?: string | undefined;
}

/** A draft purchase order for stock (no PI). */
export function createOrder(core: Core, input: CreateInput): PurchaseOrder {
  requireActiveSupplier(core, input.supplierId, 'supplierId');
  const lines = input.lines.map((l, i) => {
    if (l.productId === undefined) throw invalid(`lines.${i}.productId`, m('purchases.required'));
    return lineFromProduct(core, l.productId, l, i, `lines.${i}`);
  });
  const id = newOrder(
    core,
    { supplierId: input.supplierId, invoiceId: null, deliveryDate: input.deliveryDate ?? null, requirements: input.requirements ?? '', shippingMarks: input.shippingMarks ?? '', notes: input.notes ?? '' },
    lines,
  );
  return getOrder(core, id);
}

export interface OrderChanges {
  deliveryDate?: string | null | undefined;
  requirements?: string | undefined;
  shippingMarks?: string | undefined;
  notes?: string | undefined;
  /** The lines as they should be (draft only): listed ids are kept and changed, others removed; lines without an id are added. */
  lines?: LineInput[] | undefined;
}

/** Changes a purchase order: its terms until it is received, closed or cancelled; its lines while it is a draft. */
export function updateOrder(core: Core, id: number, changes: OrderChanges): PurchaseOrder {
  const row = requireOrder(core, id);
  if (row.status === 'received' || row.status === 'closed' || row.status === 'cancelled') refuse(row, m('common.action.change'));
  if (changes.lines !== undefined && row.status !== 'draft') refuse(row, m('purchases.action.changeLines'), 'changes.lines');
  const now = nowIso(core);
  q.updateOrderTerms(
    core.db,
    id,
    {
      delivery_date: changes.deliveryDate !== undefined ? changes.deliveryDate : row.delivery_date,
      requirements: changes.requirements ?? row.requirements,
      shipping_marks: changes.shippingMarks ?? row.shipping_marks,
      notes: changes.notes ?? row.notes,
    },
    now,
  );
  if (changes.lines) {
    const existing = new Map(q.linesOf(core.db, id).map((l) => [l.id, l]));
    const seen = new Set<number>();
    const writes: Array<{ id: number | null; write: q.PurchaseLineWrite }> = changes.lines.map((l, i) => {
      const field = `changes.lines.${i}`;
      if (l.id !== undefined) {
        const old = existing.get(l.id);
        if (!old) throw invalid(`${field}.id`, m('purchases.notLine', { number: row.number }));
        if (seen.has(l.id)) throw invalid(`${field}.id`, m('common.listedTwice'));
        seen.add(l.id);
        if (l.productId !== undefined && l.productId !== old.product_id) {
          throw invalid(`${field}.productId`, m('purchases.cannotChangeLineRemove'));
        }
        const unitCost = l.costCny !== undefined ? l.costCny : old.unit_cost_e4;
        const cartons = l.cartons ?? (l.qty === old.qty ? old.cartons : cartonsFor(l.qty, old.pcs_per_carton));
        const { id: _id, order_id: _o, ...base } = old;
        return { id: old.id, write: { ...base, position: i, qty: l.qty, cartons, unit_cost_e4: unitCost, amount_e4: lineCostE4(l.qty, unitCost), note: l.note ?? old.note } };
      }
      if (l.productId === undefined) throw invalid(`${field}.productId`, m('purchases.requiredNewLine'));
      return { id: null, write: lineFromProduct(core, l.productId, l, i, field) };
    });
    for (const old of existing.values()) if (!seen.has(old.id)) q.deleteLine(core.db, old.id);
    for (const w of writes) {
      if (w.id === null) q.insertLine(core.db, id, w.write);
      else q.updateLine(core.db, w.id, w.write);
    }
    q.setOrderTotal(core.db, id, writes.reduce((s, w) => s + w.write.amount_e4, 0), now);
  }
  return getOrder(core, id);
}

/** A draft becomes an order placed with the factory. */
export function placeOrder(core: Core, id: number): PurchaseOrder {
  const row = requireOrder(core, id);
  if (row.status !== 'draft') refuse(row, m('purchases.action.orderAgain'));
  q.setOrderStatus(core.db, id, { status: 'ordered', ordered_at: nowIso(core) }, nowIso(core));
  return getOrder(core, id);
}

export function cancelOrder(core: Core, id: number, reason: string): PurchaseOrder {
  const row = requireOrder(core, id);
  if (row.status !== 'draft' && row.status !== 'ordered') refuse(row, m('purchases.action.cancel'));
  q.setOrderStatus(core.db, id, { status: 'cancelled', cancelled_at: nowIso(core), cancel_reason: reason }, nowIso(core));
  return getOrder(core, id);
}

/** Ends an order that got what it will get: partly received (the rest will not come) or received. */
export function closeOrder(core: Core, id: number): PurchaseOrder {
  const row = requireOrder(core, id);
  if (row.status !== 'partly_received' && row.status !== 'received') refuse(row, m('purchases.action.close'));
  q.setOrderStatus(core.db, id, { status: 'closed', closed_at: nowIso(core) }, nowIso(core));
  return getOrder(core, id);
}

// ---------------------------------------------------------------------------
// Goods in
