import { Conditions } from './conditions';
import type { Db } from './open';
import { cached } from './statements';

export type InvoiceStatusText = 'issued' | 'deposit_received' | 'paid' | 'shipped' | 'cancelled';

export interface InvoiceRow {
  id: number;
  year: number;
  seq: number;
  number: string;
  quote_id: number;
  buyer_id: number;
  issued_on: string;
  currency: string;
  rate_e8: number;
  grand_total_e4: number;
  deposit_e4: number;
  /** JSON: InvoiceContent (main/invoices/types.ts), frozen. */
  content: string;
  status: InvoiceStatusText;
  shipped_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string;
  created_at: string;
  updated_at: string;
}

export type InvoiceWrite = Omit<InvoiceRow, 'id' | 'status' | 'shipped_at' | 'cancelled_at' | 'cancel_reason' | 'created_at' | 'updated_at'>;

export interface PaymentRow {
  id: number;
  invoice_id: number;
  paid_on: string;
  amount_e4: number;
  method: string;
  kind: string;
  reference: string;
  note: string;
  created_at: string;
  /** Paid in another currency: what was handed over (× 10⁴, in its own currency) and the rate (received units per PI unit, ×10⁸); else NULL. */
  received_currency: string | null;
  received_e4: number | null;
  received_rate_e8: number | null;
}

export type PaymentWrite = Omit<PaymentRow, 'id' | 'created_at'>;

/**
 * The next number of the year. Called inside the issuing transaction, which is
 * BEGIN IMMEDIATE (main/api/dispatch.ts): it holds SQLite's write lock from the
 * start, so a second connection or process waits (busy_timeout) and then sees this
 * PI. PIs are never deleted (a trigger refuses), so MAX + 1 is gapless.
 */
export function nextInvoiceSeq(db: Db, year: number): number {
  const row = cached<[number], { seq: number | null }>(db, 'SELECT MAX(seq) AS seq FROM invoices WHERE year = ?').get(year);
  return (row?.seq ?? 0) + 1;
}

export function insertInvoice(db: Db, invoice: InvoiceWrite, now: string): number {
  const info = cached(db, 
      `INSERT INTO invoices (year, seq, number, quote_id, buyer_id, issued_on, currency, rate_e8, grand_total_e4,
                             deposit_e4, content, created_at, updated_at)
       VALUES (@year, @seq, @number, @quote_id, @buyer_id, @issued_on, @currency, @rate_e8, @grand_total_e4,
               @deposit_e4, @content, @now, @now)`,
    )
    .run({ ...invoice, now });
  return Number(info.lastInsertRowid);
}

export function getInvoice(db: Db, id: number): InvoiceRow | undefined {
  return cached<[number], InvoiceRow>(db, 'SELECT * FROM invoices WHERE id = ?').get(id);
}

export function getInvoiceByNumber(db: Db, number: string): InvoiceRow | undefined {
  return cached<[string], InvoiceRow>(db, 'SELECT * FROM invoices WHERE number = ? COLLATE NOCASE').get(number);
}

export function invoicesOfQuotes(db: Db, quoteIds: number[]): Array<Pick<InvoiceRow, 'id' | 'number' | 'status' | 'quote_id'>> {
  return cached<[string], Pick<InvoiceRow, 'id' | 'number' | 'status' | 'quote_id'>>(db, 
      `SELECT id, number, status, quote_id FROM invoices WHERE quote_id IN (SELECT value FROM json_each(?)) ORDER BY year, seq`,
    )
    .all(JSON.stringify(quoteIds));
}

export function setInvoiceStatus(
  db: Db,
  id: number,
  change: { status: InvoiceStatusText; shipped_at?: string; cancelled_at?: string; cancel_reason?: string },
  now: string,
): void {
  cached(db, 
    `UPDATE invoices SET status = @status,
            shipped_at = COALESCE(@shipped_at, shipped_at),
            cancelled_at = COALESCE(@cancelled_at, cancelled_at),
            cancel_reason = COALESCE(@cancel_reason, cancel_reason),
            updated_at = @now
      WHERE id = @id`,
  ).run({ id, now, status: change.status, shipped_at: change.shipped_at ?? null, cancelled_at: change.cancelled_at ?? null, cancel_reason: change.cancel_reason ?? null });
}

export function insertPayment(db: Db, payment: PaymentWrite, now: string): number {
  const info = cached(db, 
      `INSERT INTO payments (invoice_id, paid_on, amount_e4, method, kind, reference, note,
                             received_currency, received_e4, received_rate_e8, created_at)
       VALUES (@invoice_id, @paid_on, @amount_e4, @method, @kind, @reference, @note,
               @received_currency, @received_e4, @received_rate_e8, @now)`,
    )
    .run({ ...payment, now });
  return Number(info.lastInsertRowid);
}

export function deletePayment(db: Db, invoiceId: number, paymentId: number): boolean {
  return cached(db, 'DELETE FROM payments WHERE id = ? AND invoice_id = ?').run(paymentId, invoiceId).changes === 1;
}

export function paymentsOf(db: Db, invoiceId: number): PaymentRow[] {
  return cached<[number], PaymentRow>(db, 'SELECT * FROM payments WHERE invoice_id = ? ORDER BY paid_on, id').all(invoiceId);
}

export interface InvoiceListFilter {
  statuses?: string[] | undefined;
  buyerId?: number | undefined;
  country?: string | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

export interface InvoiceListRow extends InvoiceRow {
  buyer_company: string;
  buyer_country: string;
  quote_number: string;
  quote_revision: number;
  paid_e4: number;
}

export function listInvoices(db: Db, filter: InvoiceListFilter): { rows: InvoiceListRow[]; total: number } {
  const { params, where: clause } = new Conditions({ limit: filter.limit, offset: filter.offset })
    .when(filter.statuses, 'statuses', 'i.status IN (SELECT value FROM json_each(@statuses))')
    .when(filter.buyerId, 'buyerId', 'i.buyer_id = @buyerId')
    .when(filter.country, 'country', 'b.country = @country')
    .search(filter.search, ['i.number', 'b.company']);
  const base = 'FROM invoices i JOIN buyers b ON b.id = i.buyer_id';
  const rows = cached<Record<string, unknown>, InvoiceListRow>(db, 
      `SELECT i.*, b.company AS buyer_company, b.country AS buyer_country, q.number AS quote_number, q.revision AS quote_revision,
              COALESCE((SELECT SUM(amount_e4) FROM payments p WHERE p.invoice_id = i.id), 0) AS paid_e4
         ${base} JOIN quotes q ON q.id = i.quote_id
         ${clause}
        ORDER BY i.year DESC, i.seq DESC
        LIMIT @limit OFFSET @offset`,
    )
    .all(params);
  const { total } = cached<Record<string, unknown>, { total: number }>(db, `SELECT count(*) AS total ${base} ${clause}`).get(params) as { total: number };
  return { rows, total };
}

/** What the stock ledger holds under one reference (a PI number), per product. */
export function stockUnder(db: Db, reference: string): Array<{ product_id: number; reserved: number; shipped: number }> {
  return cached<[string], { product_id: number; reserved: number; shipped: number }>(db, 
      `SELECT product_id, SUM(reserved_delta) AS reserved,
              -SUM(CASE WHEN kind = 'ship' THEN on_hand_delta ELSE 0 END) AS shipped
         FROM stock_moves WHERE reference = ? GROUP BY product_id`,
    )
    .all(reference);
}

/** A PI that is not cancelled, made from any revision of the quotation numbered (year, seq). */
export function openInvoicesOfQuoteNumber(db: Db, year: number, seq: number): Pick<InvoiceRow, 'id' | 'number'> | undefined {
  return cached<[number, number], Pick<InvoiceRow, 'id' | 'number'>>(db, 
      `SELECT i.id, i.number FROM invoices i JOIN quotes q ON q.id = i.quote_id
        WHERE q.year = ? AND q.seq = ? AND i.status <> 'cancelled' ORDER BY i.id LIMIT 1`,
    )
    .get(year, seq);
}
