import type { Db } from './open';
import { cached } from './statements';

/**
 * The invoices area's reads of what happened to a PI after it was issued: its purchase orders
 * (purchases area), their goods in, its deliveries (shipments area) and the stock ledger. The
 * one place the invoices area knows those tables:
 *
 *   purchase_orders (id, number, status, supplier_id, invoice_id, delivery_date)
 *   purchase_lines (order_id, invoice_line_id, qty), purchase_receipt_lines (line_id, qty, damaged)
 *   shipments (id, number, invoice_id, delivered_on, entry_no, forwarder_name, cartons)
 *   shipment_lines (shipment_id, invoice_line_id, qty, cartons)
 *   stock_moves (product_id, reference, on_hand_delta, reserved_delta)
 */

export interface OrderBrief {
  id: number;
  number: string;
  status: string;
  supplier_name: string;
  delivery_date: string | null;
}

export function ordersOf(db: Db, invoiceId: number): OrderBrief[] {
  return cached<[number], OrderBrief>(
    db,
    `SELECT o.id, o.number, o.status, s.name_zh AS supplier_name, o.delivery_date
       FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id WHERE o.invoice_id = ? ORDER BY o.year, o.seq`,
  ).all(invoiceId);
}

/** Per PI line: pieces on orders that are not cancelled, good pieces received and damaged ones. */
export function purchasedByLine(db: Db, invoiceId: number): Array<{ invoice_line_id: number; on_order: number; received: number; damaged: number }> {
  return cached<[number], { invoice_line_id: number; on_order: number; received: number; damaged: number }>(
    db,
    `SELECT l.invoice_line_id, SUM(l.qty) AS on_order,
            COALESCE(SUM((SELECT SUM(rl.qty) FROM purchase_receipt_lines rl WHERE rl.line_id = l.id)), 0) AS received,
            COALESCE(SUM((SELECT SUM(rl.damaged) FROM purchase_receipt_lines rl WHERE rl.line_id = l.id)), 0) AS damaged
       FROM purchase_lines l JOIN purchase_orders o ON o.id = l.order_id
      WHERE o.invoice_id = ? AND o.status <> 'cancelled' AND l.invoice_line_id IS NOT NULL
      GROUP BY l.invoice_line_id`,
  ).all(invoiceId);
}

export interface DeliveryBrief {
  id: number;
  number: string;
  delivered_on: string;
  entry_no: string;
  forwarder_name: string;
  cartons: number;
}

export function deliveriesOf(db: Db, invoiceId: number): DeliveryBrief[] {
  return cached<[number], DeliveryBrief>(
    db,
    'SELECT id, number, delivered_on, entry_no, forwarder_name, cartons FROM shipments WHERE invoice_id = ? ORDER BY seq',
  ).all(invoiceId);
}

export function deliveredByLine(db: Db, invoiceId: number): Array<{ invoice_line_id: number; qty: number }> {
  return cached<[number], { invoice_line_id: number; qty: number }>(
    db,
    `SELECT l.invoice_line_id, SUM(l.qty) AS qty FROM shipment_lines l JOIN shipments s ON s.id = l.shipment_id
      WHERE s.invoice_id = ? GROUP BY l.invoice_line_id`,
  ).all(invoiceId);
}

export interface Claim {
  product_id: number;
  invoice_id: number;
  year: number;
  seq: number;
  reserved: number;
}

/** What every PI that is not cancelled still has reserved of these products, with its number's order. */
export function claimsOn(db: Db, productIds: number[]): Claim[] {
  return cached<[string], Claim>(
    db,
    `SELECT m.product_id, i.id AS invoice_id, i.year, i.seq, SUM(m.reserved_delta) AS reserved
       FROM stock_moves m JOIN invoices i ON i.number = m.reference
      WHERE m.product_id IN (SELECT value FROM json_each(?)) AND i.status <> 'cancelled'
      GROUP BY m.product_id, i.id HAVING SUM(m.reserved_delta) > 0`,
  ).all(JSON.stringify(productIds));
}

export function onHandOf(db: Db, productIds: number[]): Array<{ product_id: number; on_hand: number }> {
  return cached<[string], { product_id: number; on_hand: number }>(
    db,
    `SELECT product_id, SUM(on_hand_delta) AS on_hand FROM stock_moves
      WHERE product_id IN (SELECT value FROM json_each(?)) GROUP BY product_id`,
  ).all(JSON.stringify(productIds));
}

/** Whether any order for the PI has been placed with a factory (ordered, in, or closed). */
export function hasPlacedOrder(db: Db, invoiceId: number): boolean {
  return Boolean(
    cached<[number], { n: number }>(
      db,
      `SELECT 1 AS n FROM purchase_orders WHERE invoice_id = ? AND status IN ('ordered', 'partly_received', 'received', 'closed') LIMIT 1`,
    ).get(invoiceId),
  );
}
