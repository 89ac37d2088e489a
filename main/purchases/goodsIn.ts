/** Goods in against a purchase order, payments to the factory, what is owed, a PI's orders and the numbering. */
import type { Core } from '../core';
import { cartonsFor, requireInvoiceRow } from './drafts';
import { invalid, m, notFound } from '../errors/apiError';
import * as q from '../../db/purchases';
import { getSuppliers } from '../../db/suppliers';
import { receive } from '../stock/service';
import { getInvoice } from '../invoices/service';
import { money } from '../quotes/totals';
import { digitsRule, fitsCurrency } from '../money/amounts';
import type { Payable, PurchaseOrder } from './types';
import { CNY, getOrder, lineCostE4, notFuture, nowIso, receivedByLine, receivedValueE4, refuse, requireOrder, toOrder, today, valueDueE4 } from './orders';

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
    refuse(row, row.status === 'draft' ? m('purchases.action.receiveBeforeOrdered') : m('purchases.action.receive'));
  }
  const receivedOn = input.receivedOn ?? today(core);
  notFuture(core, receivedOn, 'receivedOn');
  const lines = new Map(q.linesOf(core.db, id).map((l) => [l.id, l]));
  const got = receivedByLine(core, id);
  const seen = new Set<number>();
  const checked = input.lines.map((l, i) => {
    const field = `lines.${i}`;
    const line = lines.get(l.lineId);
    if (!line) throw invalid(`${field}.lineId`, m('purchases.notLine', { number: row.number }));
    if (seen.has(l.lineId)) throw invalid(`${field}.lineId`, m('common.listedTwice'));
    seen.add(l.lineId);
    const damaged = l.damaged ?? 0;
    if (l.qty + damaged <= 0) throw invalid(`${field}.qty`, m('purchases.givePiecesReceivedDamaged'));
    const before = got.get(line.id)?.qty ?? 0;
    if (before + l.qty > line.qty) {
      const left = Math.max(0, line.qty - before);
      throw invalid(
        `${field}.qty`,
        m('purchases.moreOrderedOrderedReceived', { qty: l.qty, itemNo: line.item_no, lineQty: line.qty, before, left }),
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
  if (row.status === 'cancelled') refuse(row, m('purchases.action.pay'));
  if (!fitsCurrency(input.amountE4, CNY)) {
    throw invalid('amount', digitsRule(CNY));
  }
  const paidOn = input.paidOn ?? today(core);
  const lines = q.linesOf(core.db, id);
  const receivedE4 = receivedValueE4(lines, receivedByLine(core, id));
  const paidE4 = q.paymentsOf(core.db, id).reduce((s, p) => s + p.amount_e4, 0);
  const due = valueDueE4(row, receivedE4) - paidE4;
  if (input.amountE4 > due) {
    const dueText = `CNY ${money(Math.max(0, due), CNY)}`;
    throw invalid('amount', m('purchases.moreStillDue', { number: row.number, dueText }));
  }
  q.insertPayment(core.db, { order_id: id, paid_on: paidOn, amount_e4: input.amountE4, method: input.method, reference: input.reference ?? '', note: input.note ?? '' }, nowIso(core));
  return getOrder(core, id);
}

export function removePayment(core: Core, id: number, paymentId: number): PurchaseOrder {
  const row = requireOrder(core, id);
  if (!q.deletePayment(core.db, id, paymentId)) {
    throw notFound(m('purchases.noPaymentId', { number: row.number, paymentId }), 'paymentId');
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
