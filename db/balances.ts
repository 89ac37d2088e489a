import type { Db } from './open';
import type { PaymentRow } from './invoices';
import { cached } from './statements';

/**
 * The statements area's reads: a buyer's PIs, payments and deliveries, and every PI that is
 * owed or owes money back (the receivables list). What each PI is owed comes from
 * invoice_balances (migration 9: kept by triggers on invoices, payments and shipments; the
 * payment terms copied out of the frozen content at issue), so no document is parsed here.
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
  /** The day its goods started to leave (its first delivery; a PI shipped before deliveries were recorded: the date it was shipped), else null. */
  first_delivery_on: string | null;
}

const INVOICE_SELECT = `
  SELECT i.id, i.buyer_id, i.number, i.year, i.seq, i.issued_on, i.currency, i.rate_e8, i.grand_total_e4, i.deposit_e4,
         i.status, i.shipped_at, i.cancelled_at, b.payment_terms, b.first_delivery_on
    FROM invoices i JOIN invoice_balances b ON b.invoice_id = i.id`;

export function invoicesOfBuyer(db: Db, buyerId: number, to: string): BalanceInvoiceRow[] {
  return cached<[number, string], BalanceInvoiceRow>(db, `${INVOICE_SELECT} WHERE i.buyer_id = ? AND i.issued_on <= ? ORDER BY i.issued_on, i.year, i.seq`).all(buyerId, to);
}

export type BalancePaymentRow = Pick<PaymentRow, 'id' | 'invoice_id' | 'paid_on' | 'amount_e4' | 'method' | 'kind' | 'reference' | 'received_currency' | 'received_e4'>;

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
    `SELECT invoice_id AS id, number, buyer_id, currency, deposit_e4, issued_on, total_e4 AS grand_total_e4, status,
            payment_terms, paid_e4, first_delivery_on
       FROM invoice_balances
      WHERE (status <> 'cancelled' AND total_e4 > paid_e4) OR (status = 'cancelled' AND paid_e4 > 0)`,
  ).all();
}

export interface BalanceCheckRow {
  invoice_id: number;
  paid_e4: number;
  actual_paid_e4: number;
  status: string;
  actual_status: string;
  first_delivery_on: string | null;
  actual_first_delivery_on: string | null;
}

/** invoice_balances rows that differ from what the invoices, payments and shipments say (for checks: [] when in step). */
export function balancesOutOfStep(db: Db): BalanceCheckRow[] {
  return cached<[], BalanceCheckRow>(
    db,
    `SELECT b.invoice_id, b.paid_e4, COALESCE((SELECT SUM(p.amount_e4) FROM payments p WHERE p.invoice_id = i.id), 0) AS actual_paid_e4,
            b.status, i.status AS actual_status, b.first_delivery_on,
            COALESCE((SELECT MIN(s.delivered_on) FROM shipments s WHERE s.invoice_id = i.id), substr(i.shipped_at, 1, 10)) AS actual_first_delivery_on
       FROM invoices i LEFT JOIN invoice_balances b ON b.invoice_id = i.id
      WHERE b.invoice_id IS NULL OR b.paid_e4 <> actual_paid_e4 OR b.status <> i.status OR b.buyer_id <> i.buyer_id
         OR b.total_e4 <> i.grand_total_e4 OR b.first_delivery_on IS NOT actual_first_delivery_on`,
  ).all();
}

/** The distinct payment terms of PIs that are owed or owe money back (a handful: the stall's few wordings). */
export function openTerms(db: Db): string[] {
  return cached<[], { payment_terms: string }>(
    db,
    `SELECT DISTINCT payment_terms FROM invoice_balances
      WHERE (status <> 'cancelled' AND total_e4 > paid_e4) OR (status = 'cancelled' AND paid_e4 > 0)`,
  )
    .all()
    .map((r) => r.payment_terms);
}

export interface ReceivableRow {
  buyer_id: number;
  company: string;
  country: string;
  currency: string;
  owed_e4: number;
  overdue_e4: number;
  credit_e4: number;
  open_invoices: number;
  oldest_due: string | null;
  oldest_issue: string | null;
  not_due_e4: number;
  d0_30_e4: number;
  d31_60_e4: number;
  d61_90_e4: number;
  d90_plus_e4: number;
  total: number;
}

export interface ReceivablesQuery {
  /** Per payment-terms text, when its balance falls due: `issue` or `delivery` + `days`. */
  rules: Array<{ terms: string; from: 'issue' | 'delivery'; days: number }>;
  asOf: string;
  currency?: string | undefined;
  overdueOnly?: boolean | undefined;
  limit: number;
  offset: number;
}

/**
 * Who owes what per buyer and currency, aged as of `asOf` and sorted and paged in SQL (the
 * list answers from one pass over invoice_balances, whatever the number of buyers). The due
 * date of each PI's balance is its rule's start (issue date, or first delivery) + days, the
 * same calendar arithmetic as main/statements/dueDate.ts; no delivery yet: not due.
 * Order: something overdue first, by the earliest due date passed; then the oldest PI not yet
 * due; the larger amount first on the same day.
 */
export function receivablesPage(db: Db, f: ReceivablesQuery): ReceivableRow[] {
  return cached<Record<string, unknown>, ReceivableRow>(
    db,
    `WITH rules AS MATERIALIZED (
       SELECT json_extract(value, '$.terms') AS terms, json_extract(value, '$.from') AS start, json_extract(value, '$.days') AS days
         FROM json_each(@rules)
     ),
     open AS (
       SELECT b.buyer_id, b.currency, b.status = 'cancelled' AS cancelled, b.total_e4 - b.paid_e4 AS left_e4, b.paid_e4, b.issued_on,
              CASE WHEN r.start = 'issue' THEN date(b.issued_on, '+' || r.days || ' days')
                   WHEN b.first_delivery_on IS NULL THEN NULL
                   ELSE date(b.first_delivery_on, '+' || r.days || ' days') END AS due_on
         FROM invoice_balances b JOIN rules r ON r.terms = b.payment_terms
        WHERE ((b.status <> 'cancelled' AND b.total_e4 > b.paid_e4) OR (b.status = 'cancelled' AND b.paid_e4 > 0))
          AND (@currency IS NULL OR b.currency = @currency)
     ),
     aged AS MATERIALIZED (
       SELECT *, CASE WHEN cancelled OR due_on IS NULL OR due_on > @asOf THEN NULL
                      ELSE CAST(julianday(@asOf) - julianday(due_on) AS INTEGER) END AS age
         FROM open
     ),
     per AS (
       SELECT buyer_id, currency,
              SUM(CASE WHEN NOT cancelled THEN left_e4 ELSE 0 END) AS owed_e4,
              SUM(CASE WHEN NOT cancelled AND age IS NOT NULL THEN left_e4 ELSE 0 END) AS overdue_e4,
              SUM(CASE WHEN cancelled THEN paid_e4 ELSE 0 END) AS credit_e4,
              SUM(NOT cancelled) AS open_invoices,
              MIN(CASE WHEN age IS NOT NULL THEN due_on END) AS oldest_due,
              MIN(CASE WHEN NOT cancelled THEN issued_on END) AS oldest_issue,
              SUM(CASE WHEN NOT cancelled AND age IS NULL THEN left_e4 ELSE 0 END) AS not_due_e4,
              SUM(CASE WHEN NOT cancelled AND age BETWEEN 0 AND 30 THEN left_e4 ELSE 0 END) AS d0_30_e4,
              SUM(CASE WHEN NOT cancelled AND age BETWEEN 31 AND 60 THEN left_e4 ELSE 0 END) AS d31_60_e4,
              SUM(CASE WHEN NOT cancelled AND age BETWEEN 61 AND 90 THEN left_e4 ELSE 0 END) AS d61_90_e4,
              SUM(CASE WHEN NOT cancelled AND age > 90 THEN left_e4 ELSE 0 END) AS d90_plus_e4
         FROM aged GROUP BY buyer_id, currency
     )
     SELECT page.*, bu.company, bu.country FROM (
       SELECT per.*, count(*) OVER () AS total FROM per
        WHERE (owed_e4 > 0 OR credit_e4 > 0) AND (@overdueOnly = 0 OR overdue_e4 > 0)
        ORDER BY overdue_e4 > 0 DESC, COALESCE(oldest_due, oldest_issue), owed_e4 DESC, buyer_id, currency
        LIMIT @limit OFFSET @offset
     ) page JOIN buyers bu ON bu.id = page.buyer_id
      ORDER BY page.overdue_e4 > 0 DESC, COALESCE(page.oldest_due, page.oldest_issue), page.owed_e4 DESC, page.buyer_id, page.currency`,
  ).all({
    rules: JSON.stringify(f.rules),
    asOf: f.asOf,
    currency: f.currency ?? null,
    overdueOnly: f.overdueOnly ? 1 : 0,
    limit: f.limit,
    offset: f.offset,
  });
}

/** How many buyer-and-currency rows the receivables list has (for a page past the end). */
export function receivablesCount(db: Db, f: Omit<ReceivablesQuery, 'limit' | 'offset'>): number {
  return receivablesPage(db, { ...f, limit: 1, offset: 0 })[0]?.total ?? 0;
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
