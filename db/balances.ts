import type { Db } from './open';
import { cached } from './statements';

/**
 * The statements area's reads: a buyer's PIs, payments and deliveries, and every PI that is
 * owed or owes money back (the receivables list). PIs' payment terms come from invoice_terms
 * (copied out of the frozen content when the PI is issued), so no document is parsed here.
 */

export interface BalanceInvoiceRow {
  id: number;
  buyer_id: number;
  number: string;
  year: number;
  seq: number;
  issued_on: string;
  currency: string;
  rate_e8: number;
  grand_total_e4: number;
  deposit_e4: number;
  status: string;
  shipped_at: string | null;
  cancelled_at: string | null;
  payment_terms: string;
  /** The day of its first delivery (shipments), else null. */
  first_delivery_on: string | null;
}

const INVOICE_SELECT = `
  SELECT i.id, i.buyer_id, i.number, i.year, i.seq, i.issued_on, i.currency, i.rate_e8, i.grand_total_e4, i.deposit_e4,
         i.status, i.shipped_at, i.cancelled_at, COALESCE(t.payment_terms, '') AS payment_terms,
         (SELECT MIN(s.delivered_on) FROM shipments s WHERE s.invoice_id = i.id) AS first_delivery_on
    FROM invoices i LEFT JOIN invoice_terms t ON t.invoice_id = i.id`;

export function invoicesOfBuyer(db: Db, buyerId: number, to: string): BalanceInvoiceRow[] {
  return cached<[number, string], BalanceInvoiceRow>(db, `${INVOICE_SELECT} WHERE i.buyer_id = ? AND i.issued_on <= ? ORDER BY i.issued_on, i.year, i.seq`).all(buyerId, to);
}

export interface BalancePaymentRow {
  id: number;
  invoice_id: number;
  paid_on: string;
  amount_e4: number;
  method: string;
  kind: string;
  reference: string;
  received_currency: string | null;
  received_e4: number | null;
}

export function paymentsOfBuyer(db: Db, buyerId: number, to: string): BalancePaymentRow[] {
  return cached<[number, string], BalancePaymentRow>(
    db,
    `SELECT p.id, p.invoice_id, p.paid_on, p.amount_e4, p.method, p.kind, p.reference, p.received_currency, p.received_e4
       FROM payments p JOIN invoices i ON i.id = p.invoice_id
      WHERE i.buyer_id = ? AND p.paid_on <= ? ORDER BY p.paid_on, p.id`,
  ).all(buyerId, to);
}

export interface BalanceDeliveryRow {
  id: number;
  invoice_id: number;
  number: string;
  delivered_on: string;
  entry_no: string;
  forwarder_name: string;
  cartons: number;
}

export function deliveriesOfBuyer(db: Db, buyerId: number, to: string): BalanceDeliveryRow[] {
  return cached<[number, string], BalanceDeliveryRow>(
    db,
    `SELECT s.id, s.invoice_id, s.number, s.delivered_on, s.entry_no, s.forwarder_name, s.cartons
       FROM shipments s JOIN invoices i ON i.id = s.invoice_id
      WHERE i.buyer_id = ? AND s.delivered_on <= ? ORDER BY s.delivered_on, s.id`,
  ).all(buyerId, to);
}

/** Delivered pieces per PI line of these deliveries. */
export function deliveryLines(db: Db, shipmentIds: number[]): Array<{ shipment_id: number; invoice_line_id: number; qty: number }> {
  return cached<[string], { shipment_id: number; invoice_line_id: number; qty: number }>(
    db,
    'SELECT shipment_id, invoice_line_id, qty FROM shipment_lines WHERE shipment_id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(shipmentIds));
}

/** The frozen content of PIs (to price delivered pieces at the PI's unit prices). */
export function contentsOf(db: Db, invoiceIds: number[]): Array<{ id: number; content: string }> {
  return cached<[string], { id: number; content: string }>(db, 'SELECT id, content FROM invoices WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(invoiceIds));
}

export interface OpenBalanceRow {
  id: number;
  number: string;
  buyer_id: number;
  currency: string;
  deposit_e4: number;
  issued_on: string;
  grand_total_e4: number;
  status: string;
  shipped_at: string | null;
  payment_terms: string;
  paid_e4: number;
  first_delivery_on: string | null;
}

/**
 * Every PI still owed something (not cancelled, payments below the total), and every cancelled
 * PI that kept payments (money the buyer has to its credit), with what was paid.
 */
export function openBalances(db: Db): OpenBalanceRow[] {
  return cached<[], OpenBalanceRow>(
    db,
    `WITH paid AS (SELECT invoice_id, SUM(amount_e4) AS paid_e4 FROM payments GROUP BY invoice_id)
     SELECT i.id, i.number, i.buyer_id, i.currency, i.deposit_e4, i.issued_on, i.grand_total_e4, i.status, i.shipped_at,
            COALESCE(t.payment_terms, '') AS payment_terms, COALESCE(p.paid_e4, 0) AS paid_e4,
            (SELECT MIN(s.delivered_on) FROM shipments s WHERE s.invoice_id = i.id) AS first_delivery_on
       FROM invoices i LEFT JOIN paid p ON p.invoice_id = i.id LEFT JOIN invoice_terms t ON t.invoice_id = i.id
      WHERE (i.status <> 'cancelled' AND i.grand_total_e4 > COALESCE(p.paid_e4, 0))
         OR (i.status = 'cancelled' AND COALESCE(p.paid_e4, 0) > 0)`,
  ).all();
}

export function buyersBrief(db: Db, ids: number[]): Array<{ id: number; company: string; country: string; currency: string }> {
  return cached<[string], { id: number; company: string; country: string; currency: string }>(
    db,
    'SELECT id, company, country, currency FROM buyers WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids));
}

/** PIs neither cancelled nor shipped (something may still be to deliver). */
export function undeliveredInvoiceIds(db: Db): number[] {
  return cached<[], { id: number }>(db, "SELECT id FROM invoices WHERE status NOT IN ('cancelled', 'shipped') ORDER BY year, seq").all().map((r) => r.id);
}
