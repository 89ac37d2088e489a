/** Purchase orders as they are read: a row with its lines, what was received and paid, and the status rules. */
import type { Core } from '../core';
import { AppError, invalid, m, notFound, type Message } from '../errors/apiError';
import * as q from '../../db/purchases';
import { getSupplier as supplierRow } from '../../db/suppliers';
import { getInvoice as invoiceRow } from '../../db/invoices';
import { getBuyer } from '../../db/buyers';
import { toPacking } from '../products/service';
import { localDate } from '../calendar/dates';
import { money } from '../quotes/totals';
import { fromScaled } from '../money/decimal';
import { roundAmount, AMOUNT_SCALE } from '../money/amounts';
import type { PurchaseLine, PurchaseLineWarning, PurchaseOrder, PurchaseStatus, PurchaseSummary, Receipt } from './types';

export const CNY = 'CNY';
export const today = (core: Core) => localDate(core.now());
export const nowIso = (core: Core) => core.now().toISOString();

/** A purchase order's status as a person reads it, for messages. */
const STATUS: Record<PurchaseStatus, Message> = {
  draft: m('purchases.status.draft'),
  ordered: m('purchases.status.ordered'),
  partly_received: m('purchases.status.partlyReceived'),
  received: m('purchases.status.received'),
  closed: m('purchases.status.closed'),
  cancelled: m('purchases.status.cancelled'),
};

/** qty × unit cost (CNY × 10⁴ per unit) rounded to the fen, × 10⁴. */
export function lineCostE4(qty: number, unitCostE4: number | null): number {
  if (unitCostE4 === null) return 0;
  return Number(roundAmount(BigInt(qty) * BigInt(unitCostE4), AMOUNT_SCALE, CNY));
}

export function requireOrder(core: Core, id: number, field = 'id'): q.PurchaseOrderRow {
  const row = q.getOrder(core.db, id);
  if (!row) throw notFound(m('purchases.noPurchaseOrderId', { id }), field);
  return row;
}

export function refuse(row: q.PurchaseOrderRow, action: Message, field = 'id'): never {
  throw new AppError('conflict', m('purchases.cannotBe', { number: row.number, status: STATUS[row.status], action }), field);
}

export function notFuture(core: Core, date: string, field: string): void {
  if (date > today(core)) throw invalid(field, m('purchases.future'));
}

// ---------------------------------------------------------------------------
// Reading

interface Received {
  qty: number;
  damaged: number;
  cartons: number;
}

export function receivedByLine(core: Core, orderId: number): Map<number, Received> {
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

export function toLine(l: q.PurchaseLineRow, got: Received | undefined): PurchaseLine {
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
export function receivedValueE4(lines: q.PurchaseLineRow[], got: Map<number, Received>): number {
  return lines.reduce((sum, l) => sum + lineCostE4(got.get(l.id)?.qty ?? 0, l.unit_cost_e4), 0);
}

/** What an order can be paid up to: nothing when cancelled, the value received once closed, else its total. */
export function valueDueE4(row: q.PurchaseOrderRow, receivedE4: number): number {
  if (row.status === 'cancelled') return 0;
  if (row.status === 'closed') return receivedE4;
  return row.total_e4;
}

export function isLate(core: Core, row: Pick<q.PurchaseOrderRow, 'status' | 'delivery_date'>): boolean {
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
  if (!found) throw notFound(m('purchases.noPurchaseOrder', { number }), 'number');
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
