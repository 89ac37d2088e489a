import type { Db } from './open';
import { cached } from './statements';

/**
 * The margin report's reads (owner only): PIs with their frozen content, what their purchase
 * orders cost, and the catalog's cost prices for what no order covers.
 */

export interface MarginInvoiceRow {
  id: number;
  number: string;
  buyer_id: number;
  company: string;
  country: string;
  issued_on: string;
  currency: string;
  rate_e8: number;
  grand_total_e4: number;
  content: string;
}

/** PIs issued in [from, to] that are not cancelled, oldest first. */
export function invoicesIssued(db: Db, from: string, to: string, buyerId: number | undefined): MarginInvoiceRow[] {
  return db
    .prepare<{ from: string; to: string; buyer: number | null }, MarginInvoiceRow>(
      `SELECT i.id, i.number, i.buyer_id, b.company, b.country, i.issued_on, i.currency, i.rate_e8, i.grand_total_e4, i.content
         FROM invoices i JOIN buyers b ON b.id = i.buyer_id
        WHERE i.issued_on BETWEEN @from AND @to AND i.status <> 'cancelled' AND (@buyer IS NULL OR i.buyer_id = @buyer)
        ORDER BY i.issued_on, i.year, i.seq`,
    )
    .all({ from, to, buyer: buyerId ?? null });
}

export interface OrderCostRow {
  invoice_id: number;
  invoice_line_id: number;
  status: string;
  qty: number;
  unit_cost_e4: number | null;
  amount_e4: number;
  received: number;
}

/** Every line of the PIs' purchase orders that are not cancelled, with the good pieces received on it. */
export function orderCosts(db: Db, invoiceIds: number[]): OrderCostRow[] {
  return cached<[string], OrderCostRow>(
    db,
    `SELECT o.invoice_id, l.invoice_line_id, o.status, l.qty, l.unit_cost_e4, l.amount_e4,
            COALESCE((SELECT SUM(rl.qty) FROM purchase_receipt_lines rl WHERE rl.line_id = l.id), 0) AS received
       FROM purchase_orders o JOIN purchase_lines l ON l.order_id = o.id
      WHERE o.invoice_id IN (SELECT value FROM json_each(?)) AND o.status <> 'cancelled' AND l.invoice_line_id IS NOT NULL`,
  ).all(JSON.stringify(invoiceIds));
}

export function catalogCosts(db: Db, productIds: number[]): Array<{ id: number; cost_cny_e4: number | null }> {
  return cached<[string], { id: number; cost_cny_e4: number | null }>(
    db,
    'SELECT id, cost_cny_e4 FROM products WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(productIds));
}
