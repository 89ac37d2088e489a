/**
 * Purchase orders to factories: made from a PI's lines (one draft per supplier) or for stock;
 * numbered gapless per year; ordered, received in parts (goods in through the stock ledger,
 * reference = the PO number), closed or cancelled; paid in CNY. Owner only: they carry cost.
 *
 * draft → ordered → partly_received → received → closed; draft/ordered (nothing received)
 * → cancelled; partly_received → closed when the rest will not come.
 */
import type { Core } from '../core';
import { AppError, invalid, msg, notFound } from '../errors/apiError';
import * as q from '../../db/purchases';
import { getSupplier as supplierRow, getSuppliers } from '../../db/suppliers';
import { getProduct as productRow } from '../../db/products';
import { getInvoice as invoiceRow, paymentsOf as invoicePayments } from '../../db/invoices';
import { getBuyer } from '../../db/buyers';
import { receive } from '../stock/service';
import { toPacking } from '../products/service';
import { getInvoice } from '../invoices/service';
import { localDate, yearOf } from '../calendar/dates';
import { money } from '../quotes/totals';
import { fromScaled, toScaled } from '../money/decimal';
import { digitsRule, fitsCurrency, roundAmount, AMOUNT_SCALE } from '../money/amounts';
import { factoryDeliveryDate } from './deliveryDate';
import type { DocumentLine } from '../quotes/types';
import type {
  FromInvoiceResult,
  Payable,
  PurchaseLine,
  PurchaseLineWarning,
  PurchaseOrder,
  PurchaseStatus,
  PurchaseSummary,
  Receipt,
  UnassignedLine,
} from './types';

const CNY = 'CNY';
const today = (core: Core) => localDate(core.now());
const nowIso = (core: Core) => core.now().toISOString();

const STATUS_ZH: Record<PurchaseStatus, string> = {
  draft: '草稿', ordered: '已下单', partly_received: '部分到货', received: '已到齐', closed: '已结案', cancelled: '已取消',
};

/** qty × unit cost (CNY × 10⁴ per unit) rounded to the fen, × 10⁴. */
export function lineCostE4(qty: number, unitCostE4: number | null): number {
  if (unitCostE4 === null) return 0;
  return Number(roundAmount(BigInt(qty) * BigInt(unitCostE4), AMOUNT_SCALE, CNY));
}

function requireOrder(core: Core, id: number, field = 'id'): q.PurchaseOrderRow {
  const row = q.getOrder(core.db, id);
  if (!row) throw notFound(msg(`There is no purchase order with id ${id}`, `没有 id 为 ${id} 的采购单`), field);
  return row;
}

function refuse(row: q.PurchaseOrderRow, action: { en: string; zh: string }, field = 'id'): never {
  throw new AppError(
    'conflict',
    msg(`Purchase order ${row.number} is ${row.status.replace('_', ' ')}: it cannot be ${action.en}`, `采购单 ${row.number} ${STATUS_ZH[row.status]}，不能${action.zh}`),
    field,
  );
}

function notFuture(core: Core, date: string, field: string): void {
  if (date > today(core)) throw invalid(field, msg('is in the future', '不能是将来的日期'));
}

// ---------------------------------------------------------------------------
// Reading

interface Received {
  qty: number;
  damaged: number;
  cartons: number;
}

function receivedByLine(core: Core, orderId: number): Map<number, Received> {
  const out = new Map<number, Received>();
  for (const r of q.receiptLinesOf(core.db, [orderId])) {
    const e = out.get(r.line_id) ?? { qty: 0, damaged: 0, cartons: 0 };
    e.qty += r.qty;
    e.damaged += r.damaged;
    e.cartons += r.cartons;
    out.set(r.line_id, e);
  }
  return out;
}

function toLine(l: q.PurchaseLineRow, got: Received | undefined): PurchaseLine {
  const warnings: PurchaseLineWarning[] = [];
  if (l.unit_cost_e4 === null) warnings.push('no_cost');
  if (!l.pcs_per_carton) warnings.push('no_packing');
  const received = got?.qty ?? 0;
  return {
    id: l.id,
    no: l.position + 1,
    productId: l.product_id,
    invoiceLineId: l.invoice_line_id,
    itemNo: l.item_no,
    supplierItemNo: l.supplier_item_no,
    names: { zh: l.name_zh, en: l.name_en },
    unit: l.unit,
    colors: l.colors,
    qty: l.qty,
    cartons: l.cartons,
    packing: toPacking(l),
    costCny: l.unit_cost_e4 === null ? null : fromScaled(l.unit_cost_e4, 4, 2),
    costAmount: money(l.amount_e4, CNY),
    received,
    damaged: got?.damaged ?? 0,
    cartonsReceived: got?.cartons ?? 0,
    remaining: Math.max(0, l.qty - received),
    note: l.note,
    warnings,
  };
}

/** Value of the good pieces received, per line rounded to the fen. */
function receivedValueE4(lines: q.PurchaseLineRow[], got: Map<number, Received>): number {
  return lines.reduce((sum, l) => sum + lineCostE4(got.get(l.id)?.qty ?? 0, l.unit_cost_e4), 0);
}

/** What an order can be paid up to: nothing when cancelled, the value received once closed, else its total. */
function valueDueE4(row: q.PurchaseOrderRow, receivedE4: number): number {
  if (row.status === 'cancelled') return 0;
  if (row.status === 'closed') return receivedE4;
  return row.total_e4;
}

function isLate(core: Core, row: Pick<q.PurchaseOrderRow, 'status' | 'delivery_date'>): boolean {
  return (row.status === 'ordered' || row.status === 'partly_received') && row.delivery_date !== null && row.delivery_date < today(core);
}

export function toOrder(core: Core, row: q.PurchaseOrderRow): PurchaseOrder {
  const supplier = supplierRow(core.db, row.supplier_id);
  const lineRows = q.linesOf(core.db, row.id);
  const got = receivedByLine(core, row.id);
  const receiptLines = q.receiptLinesOf(core.db, [row.id]);
  const itemNoOf = new Map(lineRows.map((l) => [l.id, l.item_no]));
  const receipts: Receipt[] = q.receiptsOf(core.db, row.id).map((r) => ({
    id: r.id,
    receivedOn: r.received_on,
    note: r.note,
    createdAt: r.created_at,
    lines: receiptLines
      .filter((l) => l.receipt_id === r.id)
      .map((l) => ({ lineId: l.line_id, itemNo: itemNoOf.get(l.line_id) ?? '', qty: l.qty, cartons: l.cartons, damaged: l.damaged, note: l.note })),
  }));
  const paymentRows = q.paymentsOf(core.db, row.id);
  const paidE4 = paymentRows.reduce((s, p) => s + p.amount_e4, 0);
  const receivedE4 = receivedValueE4(lineRows, got);
  let invoice: PurchaseOrder['invoice'] = null;
  if (row.invoice_id !== null) {
    const inv = invoiceRow(core.db, row.invoice_id);
    const buyer = inv ? getBuyer(core.db, inv.buyer_id) : undefined;
    if (inv) invoice = { id: inv.id, number: inv.number, buyer: { id: inv.buyer_id, company: buyer?.company ?? '', country: buyer?.country ?? '' } };
  }
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    supplier: {
      id: row.supplier_id,
      names: { zh: supplier?.name_zh ?? '', en: supplier?.name_en ?? '' },
      contact: supplier?.contact ?? '',
      phone: supplier?.phone ?? '',
      wechat: supplier?.wechat ?? '',
      address: supplier?.address ?? '',
      paymentTerms: supplier?.payment_terms ?? '',
    },
    invoice,
    orderDate: row.order_date,
    deliveryDate: row.delivery_date,
    late: isLate(core, row),
    requirements: row.requirements,
    shippingMarks: row.shipping_marks,
    notes: row.notes,
    lines: lineRows.map((l) => toLine(l, got.get(l.id))),
    costTotal: money(row.total_e4, CNY),
    costReceived: money(receivedE4, CNY),
    costDue: money(Math.max(0, valueDueE4(row, receivedE4) - paidE4), CNY),
    paid: money(paidE4, CNY),
    receipts,
    payments: paymentRows.map((p) => ({ id: p.id, paidOn: p.paid_on, amount: money(p.amount_e4, CNY), method: p.method, reference: p.reference, note: p.note, createdAt: p.created_at })),
    orderedAt: row.ordered_at,
    receivedAt: row.received_at,
    closedAt: row.closed_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getOrder(core: Core, id: number): PurchaseOrder {
  return toOrder(core, requireOrder(core, id));
}

export function getOrderByNumber(core: Core, number: string): PurchaseOrder {
  const found = q.getOrderByNumber(core.db, number.trim());
  if (!found) throw notFound(msg(`There is no purchase order ${number}`, `没有采购单 ${number}`), 'number');
  return toOrder(core, found);
}

export function listOrders(core: Core, filter: q.OrderListFilter): { items: PurchaseSummary[]; total: number } {
  const { rows, total } = q.listOrders(core.db, filter);
  return { total, items: rows.map((r) => toSummary(core, r)) };
}

export function toSummary(core: Core, r: q.OrderListRow): PurchaseSummary {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    supplier: { id: r.supplier_id, name: r.supplier_name },
    invoice: r.invoice_id !== null && r.invoice_number !== null ? { id: r.invoice_id, number: r.invoice_number } : null,
    orderDate: r.order_date,
    deliveryDate: r.delivery_date,
    late: isLate(core, r),
    lineCount: r.line_count,
    orderedQty: r.ordered_qty,
    receivedQty: r.received_qty,
    costTotal: money(r.total_e4, CNY),
    paid: money(r.paid_e4, CNY),
  };
}

// ---------------------------------------------------------------------------
// Making orders

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

function cartonsFor(qty: number, pcsPerCarton: number | null): number {
  return pcsPerCarton ? Math.ceil(qty / pcsPerCarton) : 0;
}

/** A new line for a product of the catalog (its packing and cost price as they are now). */
function lineFromProduct(core: Core, productId: number, input: LineInput, position: number, field: string): q.PurchaseLineWrite {
  const p = productRow(core.db, productId);
  if (!p) throw notFound(msg(`There is no product with id ${productId}`, `没有 id 为 ${productId} 的产品`), `${field}.productId`);
  if (p.archived === 1) {
    throw invalid(`${field}.productId`, msg(`${p.item_no} is archived: bring the product back before ordering it`, `${p.item_no} 已归档，请先恢复该产品再下单`));
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

function requireInvoiceRow(core: Core, invoiceId: number) {
  const row = invoiceRow(core.db, invoiceId);
  if (!row) throw notFound(msg(`There is no pro-forma invoice with id ${invoiceId}`, `没有 id 为 ${invoiceId} 的形式发票`), 'invoiceId');
  return row;
}

function requireActiveSupplier(core: Core, supplierId: number, field: string) {
  const s = supplierRow(core.db, supplierId);
  if (!s) throw notFound(msg(`There is no supplier with id ${supplierId}`, `没有 id 为 ${supplierId} 的供应商`), field);
  if (s.archived === 1) throw invalid(field, msg(`${s.name_zh} is archived: bring the supplier back before ordering from it`, `供应商 ${s.name_zh} 已归档，请先恢复再下单`));
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
    throw new AppError('conflict', msg(`PI ${pi.number} is ${pi.status}: nothing is to be ordered for it`, `形式发票 ${pi.number} 已${pi.status === 'shipped' ? '发货' : '作废'}，无需采购`), 'invoiceId');
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
    if (l.productId === undefined) throw invalid(`lines.${i}.productId`, msg('is required', '必填'));
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
  if (row.status === 'received' || row.status === 'closed' || row.status === 'cancelled') refuse(row, { en: 'changed', zh: '修改' });
  if (changes.lines !== undefined && row.status !== 'draft') refuse(row, { en: 'given other lines (only a draft can)', zh: '修改明细（只有草稿可以）' }, 'changes.lines');
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
        if (!old) throw invalid(`${field}.id`, msg(`is not a line of ${row.number}`, `不是采购单 ${row.number} 的明细`));
        if (seen.has(l.id)) throw invalid(`${field}.id`, msg('is listed twice', '重复'));
        seen.add(l.id);
        if (l.productId !== undefined && l.productId !== old.product_id) {
          throw invalid(`${field}.productId`, msg('cannot change on a line: remove the line and add another', '明细的产品不能更改：请删除该行再添加'));
        }
        const unitCost = l.costCny !== undefined ? l.costCny : old.unit_cost_e4;
        const cartons = l.cartons ?? (l.qty === old.qty ? old.cartons : cartonsFor(l.qty, old.pcs_per_carton));
        const { id: _id, order_id: _o, ...base } = old;
        return { id: old.id, write: { ...base, position: i, qty: l.qty, cartons, unit_cost_e4: unitCost, amount_e4: lineCostE4(l.qty, unitCost), note: l.note ?? old.note } };
      }
      if (l.productId === undefined) throw invalid(`${field}.productId`, msg('is required for a new line', '新增明细需要填写产品'));
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
  if (row.status !== 'draft') refuse(row, { en: 'ordered again', zh: '再次下单' });
  q.setOrderStatus(core.db, id, { status: 'ordered', ordered_at: nowIso(core) }, nowIso(core));
  return getOrder(core, id);
}

export function cancelOrder(core: Core, id: number, reason: string): PurchaseOrder {
  const row = requireOrder(core, id);
  if (row.status !== 'draft' && row.status !== 'ordered') refuse(row, { en: 'cancelled (close it instead once goods came in)', zh: '取消（已到货的请结案）' });
  q.setOrderStatus(core.db, id, { status: 'cancelled', cancelled_at: nowIso(core), cancel_reason: reason }, nowIso(core));
  return getOrder(core, id);
}

/** Ends an order that got what it will get: partly received (the rest will not come) or received. */
export function closeOrder(core: Core, id: number): PurchaseOrder {
  const row = requireOrder(core, id);
  if (row.status !== 'partly_received' && row.status !== 'received') refuse(row, { en: 'closed (only an order with goods received can be)', zh: '结案（只有已到货的采购单可以）' });
  q.setOrderStatus(core.db, id, { status: 'closed', closed_at: nowIso(core) }, nowIso(core));
  return getOrder(core, id);
}

// ---------------------------------------------------------------------------
// Goods in

export interface ReceiveInput {
  receivedOn?: string | undefined;
  note?: string | undefined;
  lines: Array<{ lineId: number; qty: number; cartons?: number | undefined; damaged?: number | undefined; note?: string | undefined }>;
}

/**
 * Goods in against an order: per line the good pieces (into stock through the ledger as a
 * purchase receipt, reference = the PO number), cartons, pieces that arrived damaged (kept out
 * of stock) and a note. Never more good pieces than ordered; a short delivery leaves the order
 * partly received.
 */
export function receiveOrder(core: Core, id: number, input: ReceiveInput): PurchaseOrder {
  const row = requireOrder(core, id);
  if (row.status !== 'ordered' && row.status !== 'partly_received') {
    refuse(row, row.status === 'draft' ? { en: 'received before it is ordered', zh: '在下单前收货' } : { en: 'received', zh: '收货' });
  }
  const receivedOn = input.receivedOn ?? today(core);
  notFuture(core, receivedOn, 'receivedOn');
  const lines = new Map(q.linesOf(core.db, id).map((l) => [l.id, l]));
  const got = receivedByLine(core, id);
  const seen = new Set<number>();
  const checked = input.lines.map((l, i) => {
    const field = `lines.${i}`;
    const line = lines.get(l.lineId);
    if (!line) throw invalid(`${field}.lineId`, msg(`is not a line of ${row.number}`, `不是采购单 ${row.number} 的明细`));
    if (seen.has(l.lineId)) throw invalid(`${field}.lineId`, msg('is listed twice', '重复'));
    seen.add(l.lineId);
    const damaged = l.damaged ?? 0;
    if (l.qty + damaged <= 0) throw invalid(`${field}.qty`, msg('give the pieces received (or damaged)', '请填写收到（或破损）的数量'));
    const before = got.get(line.id)?.qty ?? 0;
    if (before + l.qty > line.qty) {
      const left = Math.max(0, line.qty - before);
      throw invalid(
        `${field}.qty`,
        msg(`${l.qty} is more than ordered: ${line.item_no} has ${line.qty} ordered, ${before} received, at most ${left} more`, `${l.qty} 超过订购数量：${line.item_no} 订购 ${line.qty}，已收 ${before}，最多还能收 ${left}`),
      );
    }
    return { line, qty: l.qty, damaged, cartons: l.cartons ?? cartonsFor(l.qty, line.pcs_per_carton), note: l.note ?? '' };
  });
  const now = nowIso(core);
  const movedAt = input.receivedOn ? `${receivedOn}T12:00:00.000Z` : now;
  const receiptId = q.insertReceipt(core.db, id, receivedOn, input.note ?? '', now);
  for (const c of checked) {
    const moveId = c.qty > 0
      ? receive(core, { productId: c.line.product_id, qty: c.qty, reference: row.number, reason: 'purchase receipt', note: c.note || (input.note ?? ''), movedAt })
      : null;
    q.insertReceiptLine(core.db, { receipt_id: receiptId, line_id: c.line.id, qty: c.qty, cartons: c.cartons, damaged: c.damaged, note: c.note, move_id: moveId });
    got.set(c.line.id, { qty: (got.get(c.line.id)?.qty ?? 0) + c.qty, damaged: 0, cartons: 0 });
  }
  const complete = [...lines.values()].every((l) => (got.get(l.id)?.qty ?? 0) >= l.qty);
  q.setOrderStatus(core.db, id, complete ? { status: 'received', received_at: now } : { status: 'partly_received' }, now);
  return getOrder(core, id);
}

// ---------------------------------------------------------------------------
// Paying the factory

export interface SupplierPaymentInput {
  amountE4: number;
  method: string;
  paidOn?: string | undefined;
  reference?: string | undefined;
  note?: string | undefined;
}

/** Money paid to the factory against an order (deposit at order, balance at delivery): never more than is still due on it. */
export function addPayment(core: Core, id: number, input: SupplierPaymentInput): PurchaseOrder {
  const row = requireOrder(core, id);
  if (row.status === 'cancelled') refuse(row, { en: 'paid', zh: '付款' });
  if (!fitsCurrency(input.amountE4, CNY)) {
    const rule = digitsRule(CNY);
    throw invalid('amount', msg(rule.en, rule.zh));
  }
  const paidOn = input.paidOn ?? today(core);
  const lines = q.linesOf(core.db, id);
  const receivedE4 = receivedValueE4(lines, receivedByLine(core, id));
  const paidE4 = q.paymentsOf(core.db, id).reduce((s, p) => s + p.amount_e4, 0);
  const due = valueDueE4(row, receivedE4) - paidE4;
  if (input.amountE4 > due) {
    const dueText = `CNY ${money(Math.max(0, due), CNY)}`;
    throw invalid('amount', msg(`is more than is still due on ${row.number} (${dueText})`, `超过了采购单 ${row.number} 的未付金额（${dueText}）`));
  }
  q.insertPayment(core.db, { order_id: id, paid_on: paidOn, amount_e4: input.amountE4, method: input.method, reference: input.reference ?? '', note: input.note ?? '' }, nowIso(core));
  return getOrder(core, id);
}

export function removePayment(core: Core, id: number, paymentId: number): PurchaseOrder {
  const row = requireOrder(core, id);
  if (!q.deletePayment(core.db, id, paymentId)) {
    throw notFound(msg(`${row.number} has no payment with id ${paymentId}`, `采购单 ${row.number} 没有 id 为 ${paymentId} 的付款`), 'paymentId');
  }
  return getOrder(core, id);
}

/**
 * What the stall owes each supplier: per supplier, orders not cancelled, their total, the
 * value of the good goods received (per line received × unit cost, rounded to the fen),
 * payments made, and balance = received − paid (negative when paid ahead, e.g. deposits).
 * Largest balance first.
 */
export function payables(core: Core, supplierId?: number): Payable[] {
  const per = new Map<number, { orders: Set<number>; ordered: number; received: number; paid: number }>();
  const entry = (id: number) => {
    let e = per.get(id);
    if (!e) per.set(id, (e = { orders: new Set(), ordered: 0, received: 0, paid: 0 }));
    return e;
  };
  for (const l of q.payableLines(core.db, supplierId)) {
    const e = entry(l.supplier_id);
    if (!e.orders.has(l.order_id)) {
      e.orders.add(l.order_id);
      e.ordered += l.total_e4;
    }
    e.received += lineCostE4(l.received, l.unit_cost_e4);
  }
  for (const p of q.paidPerOrder(core.db, supplierId)) entry(p.supplier_id).paid += p.paid_e4;
  const names = new Map(getSuppliers(core.db, [...per.keys()]).map((s) => [s.id, s.name_zh]));
  return [...per]
    .map(([id, e]) => ({ id, e, balance: e.received - e.paid }))
    .sort((a, b) => b.balance - a.balance || a.id - b.id)
    .map(({ id, e, balance }) => ({
      supplier: { id, name: names.get(id) ?? '' },
      orders: e.orders.size,
      costOrdered: money(e.ordered, CNY),
      costReceived: money(e.received, CNY),
      paid: money(e.paid, CNY),
      balance: money(balance, CNY),
    }));
}

/** A PI's purchase orders in full, and per PI line what is on order and what came in. */
export function forInvoice(core: Core, invoiceId: number): {
  orders: PurchaseOrder[];
  lines: Array<{ lineId: number; no: number; itemNo: string; qty: number; onOrder: number; received: number; damaged: number }>;
} {
  requireInvoiceRow(core, invoiceId);
  const pi = getInvoice(core, invoiceId);
  const orders = q.ordersOfInvoice(core.db, invoiceId).map((r) => toOrder(core, r));
  const per = new Map<number, { onOrder: number; received: number; damaged: number }>();
  for (const o of orders) {
    if (o.status === 'cancelled') continue;
    for (const l of o.lines) {
      if (l.invoiceLineId === null) continue;
      const e = per.get(l.invoiceLineId) ?? { onOrder: 0, received: 0, damaged: 0 };
      e.onOrder += l.qty;
      e.received += l.received;
      e.damaged += l.damaged;
      per.set(l.invoiceLineId, e);
    }
  }
  return {
    orders,
    lines: pi.lines.map((l) => ({ lineId: l.id, no: l.no, itemNo: l.product.itemNo, qty: l.qty, onOrder: 0, received: 0, damaged: 0, ...per.get(l.id) })),
  };
}

export function settings(core: Core): { orderPrefix: string } {
  return { orderPrefix: q.orderPrefix(core.db) };
}

export function updateSettings(core: Core, orderPrefix: string): { orderPrefix: string } {
  q.setOrderPrefix(core.db, orderPrefix, nowIso(core));
  return settings(core);
}
