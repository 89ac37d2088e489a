import type { Db } from './open';

/**
 * The buyers and reports areas' reads of the quotes area's tables: quotations,
 * pro-forma invoices, payments and exchange rates. The one place outside the
 * quotes area that knows their table and column names:
 *
 *   quotes (id, number, revision, buyer_id, quote_date, currency, rate_e8,
 *           grand_total_e4, status)
 *   quote_lines (quote_id, product_id)
 *   invoices (id, number, quote_id, buyer_id, issued_on, currency, rate_e8,
 *             grand_total_e4, deposit_e4, status)
 *   payments (invoice_id, amount_e4)
 *   exchange_rates (currency, cny_per_unit_e8, effective_on, id)
 *
 * Money: *_e4 are amounts × 10^4 in the document's currency (main/money/amounts.ts); rate_e8 is the
 * rate the document used, CNY per unit × 10^8.
 */

export interface QuoteValueRow {
  id: number;
  buyer_id: number;
  currency: string;
  rate_e8: number;
  grand_total_e4: number;
  /** 1 when any revision of this quotation became a pro-forma invoice that is not cancelled. */
  converted: 0 | 1;
}

/**
 * Quotations dated in [from, to] that are their number's current revision
 * (a superseded revision is not counted twice), drafts included: the prices
 * a buyer was given.
 */
export function quotesInPeriod(db: Db, from: string, to: string): QuoteValueRow[] {
  return db
    .prepare<{ from: string; to: string }, QuoteValueRow>(
      `SELECT q.id, q.buyer_id, q.currency, q.rate_e8, q.grand_total_e4,
              EXISTS (SELECT 1 FROM invoices i JOIN quotes r ON r.id = i.quote_id
                       WHERE r.year = q.year AND r.seq = q.seq AND i.status <> 'cancelled') AS converted
         FROM quotes q
        WHERE q.quote_date BETWEEN @from AND @to AND q.status <> 'superseded'`,
    )
    .all({ from, to });
}

export interface InvoiceValueRow {
  id: number;
  buyer_id: number;
  currency: string;
  rate_e8: number;
  grand_total_e4: number;
}

/** Pro-forma invoices issued in [from, to] and not cancelled: confirmed business. */
export function invoicesInPeriod(db: Db, from: string, to: string): InvoiceValueRow[] {
  return db
    .prepare<{ from: string; to: string }, InvoiceValueRow>(
      `SELECT id, buyer_id, currency, rate_e8, grand_total_e4 FROM invoices
        WHERE issued_on BETWEEN @from AND @to AND status <> 'cancelled'`,
    )
    .all({ from, to });
}

/** Per buyer's country and product: in how many of the period's quotations (current revisions) the product was quoted. */
export function quotedProducts(db: Db, from: string, to: string): Array<{ country: string; product_id: number; quotes: number }> {
  return db
    .prepare<{ from: string; to: string }, { country: string; product_id: number; quotes: number }>(
      `SELECT b.country, l.product_id, count(DISTINCT q.id) AS quotes
         FROM quotes q JOIN quote_lines l ON l.quote_id = q.id JOIN buyers b ON b.id = q.buyer_id
        WHERE q.quote_date BETWEEN @from AND @to AND q.status <> 'superseded' AND l.product_id IS NOT NULL
        GROUP BY b.country, l.product_id`,
    )
    .all({ from, to });
}

/** CNY per unit × 10^8 of a currency in force on a day (the latest rate on or before it), or null. */
export function rateE8On(db: Db, currency: string, day: string): { rate_e8: number; effective_on: string } | null {
  if (currency === 'CNY') return { rate_e8: 100_000_000, effective_on: day };
  return (
    db
      .prepare<{ currency: string; day: string }, { rate_e8: number; effective_on: string }>(
        `SELECT cny_per_unit_e8 AS rate_e8, effective_on FROM exchange_rates
          WHERE currency = @currency AND effective_on <= @day ORDER BY effective_on DESC, id DESC LIMIT 1`,
      )
      .get({ currency, day }) ?? null
  );
}

export interface BuyerQuoteRow {
  id: number;
  number: string;
  revision: number;
  status: string;
  quote_date: string;
  currency: string;
  grand_total_e4: number;
}

export interface BuyerInvoiceRow {
  id: number;
  number: string;
  status: string;
  issued_on: string;
  currency: string;
  grand_total_e4: number;
  deposit_e4: number;
  paid_e4: number;
}

/** A buyer's quotations, every revision, for the timeline. */
export function quotesOfBuyer(db: Db, buyerId: number): BuyerQuoteRow[] {
  return db
    .prepare<[number], BuyerQuoteRow>(
      `SELECT id, number, revision, status, quote_date, currency, grand_total_e4 FROM quotes
        WHERE buyer_id = ? ORDER BY quote_date DESC, id DESC`,
    )
    .all(buyerId);
}

/** A buyer's pro-forma invoices with what was paid, for the timeline. */
export function invoicesOfBuyer(db: Db, buyerId: number): BuyerInvoiceRow[] {
  return db
    .prepare<[number], BuyerInvoiceRow>(
      `SELECT i.id, i.number, i.status, i.issued_on, i.currency, i.grand_total_e4, i.deposit_e4,
              COALESCE((SELECT sum(p.amount_e4) FROM payments p WHERE p.invoice_id = i.id), 0) AS paid_e4
         FROM invoices i WHERE i.buyer_id = ? ORDER BY i.issued_on DESC, i.id DESC`,
    )
    .all(buyerId);
}

/**
 * SQL for the "total business" sort of the buyer list: confirmed (not
 * cancelled) pro-forma value in CNY at each PI's own rate. A REAL, good for
 * ordering only (money shown to people is computed exactly elsewhere); 0
 * while the database has no invoices table.
 */
export function totalBusinessSql(db: Db, buyerAlias: string): string {
  return `(SELECT COALESCE(sum(i.grand_total_e4 * (i.rate_e8 / 100000000.0)), 0) FROM invoices i
            WHERE i.buyer_id = ${buyerAlias}.id AND i.status <> 'cancelled')`;
}
