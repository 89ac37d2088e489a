import { Conditions } from './conditions';
import type { PackingColumns } from './rowColumns';
import type { Db } from './open';
import { cached } from './statements';

export type PurchaseStatusText = 'draft' | 'ordered' | 'partly_received' | 'received' | 'closed' | 'cancelled';

export interface PurchaseOrderRow {
  id: number;
  year: number;
  seq: number;
  number: string;
  supplier_id: number;
  invoice_id: number | null;
  status: PurchaseStatusText;
  order_date: string;
  delivery_date: string | null;
  requirements: string;
  shipping_marks: string;
  notes: string;
  /** CNY × 10⁴: Σ line amounts. */
  total_e4: number;
  ordered_at: string | null;
  received_at: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string;
  created_at: string;
  updated_at: string;
}

export type PurchaseOrderWrite = Pick<
  PurchaseOrderRow,
  'year' | 'seq' | 'number' | 'supplier_id' | 'invoice_id' | 'order_date' | 'delivery_date' | 'requirements' | 'shipping_marks' | 'notes'
>;

export interface PurchaseLineRow extends PackingColumns {
  id: number;
  order_id: number;
  position: number;
  product_id: number;
  invoice_line_id: number | null;
  item_no: string;
  supplier_item_no: string;
  name_zh: string;
  name_en: string;
  unit: string;
  colors: string;
  qty: number;
  cartons: number;
  /** CNY per unit × 10⁴; null: not known. */
  unit_cost_e4: number | null;
  /** qty × unit cost rounded to the fen, × 10⁴. */
  amount_e4: number;
  note: string;
}

export type PurchaseLineWrite = Omit<PurchaseLineRow, 'id' | 'order_id'>;

const LINE_COLUMNS = [
  'position', 'product_id', 'invoice_line_id', 'item_no', 'supplier_item_no', 'name_zh', 'name_en', 'unit', 'colors', 'qty',
  'cartons', 'pcs_per_inner', 'pcs_per_carton', 'carton_l_mm', 'carton_w_mm', 'carton_h_mm', 'gw_g', 'nw_g', 'unit_cost_e4',
  'amount_e4', 'note',
] as const;

export function orderPrefix(db: Db): string {
  return (cached<[], { order_prefix: string }>(db, 'SELECT order_prefix FROM purchase_settings WHERE id = 1').get() as { order_prefix: string }).order_prefix;
}

export function setOrderPrefix(db: Db, prefix: string, now: string): void {
  cached(db, 'UPDATE purchase_settings SET order_prefix = ?, updated_at = ? WHERE id = 1').run(prefix, now);
}

/**
 * The next number of the year, inside the creating transaction, which holds the write lock
 * from its start (BEGIN IMMEDIATE); orders are never deleted, so MAX + 1 is gapless.
 */
export function nextOrderSeq(db: Db, year: number): number {
  const row = cached<[number], { seq: number | null }>(db, 'SELECT MAX(seq) AS seq FROM purchase_orders WHERE year = ?').get(year);
  return (row?.seq ?? 0) + 1;
}

export function insertOrder(db: Db, o: PurchaseOrderWrite, now: string): number {
  const info = cached(
    db,
    `INSERT INTO purchase_orders (year, seq, number, supplier_id, invoice_id, order_date, delivery_date, requirements, shipping_marks, notes, created_at, updated_at)
     VALUES (@year, @seq, @number, @supplier_id, @invoice_id, @order_date, @delivery_date, @requirements, @shipping_marks, @notes, @now, @now)`,
  ).run({ ...o, now });
  return Number(info.lastInsertRowid);
}

export function getOrder(db: Db, id: number): PurchaseOrderRow | undefined {
  return cached<[number], PurchaseOrderRow>(db, 'SELECT * FROM purchase_orders WHERE id = ?').get(id);
}

export function getOrderByNumber(db: Db, number: string): PurchaseOrderRow | undefined {
  return cached<[string], PurchaseOrderRow>(db, 'SELECT * FROM purchase_orders WHERE number = ? COLLATE NOCASE').get(number);
}

export function updateOrderTerms(
  db: Db,
  id: number,
  t: Pick<PurchaseOrderRow, 'delivery_date' | 'requirements' | 'shipping_marks' | 'notes'>,
  now: string,
): void {
  cached(
    db,
    `UPDATE purchase_orders SET delivery_date = @delivery_date, requirements = @requirements, shipping_marks = @shipping_marks,
            notes = @notes, updated_at = @now WHERE id = @id`,
  ).run({ ...t, id, now });
}

export function setOrderTotal(db: Db, id: number, totalE4: number, now: string): void {
  cached(db, 'UPDATE purchase_orders SET total_e4 = ?, updated_at = ? WHERE id = ?').run(totalE4, now, id);
}

export interface OrderStatusChange {
  status: PurchaseStatusText;
  ordered_at?: string;
  received_at?: string;
  closed_at?: string;
  cancelled_at?: string;
  cancel_reason?: string;
}

export function setOrderStatus(db: Db, id: number, c: OrderStatusChange, now: string): void {
  cached(
    db,
    `UPDATE purchase_orders SET status = @status,
            ordered_at = COALESCE(@ordered_at, ordered_at), received_at = COALESCE(@received_at, received_at),
            closed_at = COALESCE(@closed_at, closed_at), cancelled_at = COALESCE(@cancelled_at, cancelled_at),
            cancel_reason = COALESCE(@cancel_reason, cancel_reason), updated_at = @now
      WHERE id = @id`,
  ).run({
    id,
    now,
    status: c.status,
    ordered_at: c.ordered_at ?? null,
    received_at: c.received_at ?? null,
    closed_at: c.closed_at ?? null,
    cancelled_at: c.cancelled_at ?? null,
    cancel_reason: c.cancel_reason ?? null,
  });
}

export function insertLine(db: Db, orderId: number, l: PurchaseLineWrite): number {
  const info = cached(
    db,
    `INSERT INTO purchase_lines (order_id, ${LINE_COLUMNS.join(', ')}) VALUES (@order_id, ${LINE_COLUMNS.map((c) => `@${c}`).join(', ')})`,
  ).run({ ...l, order_id: orderId });
  return Number(info.lastInsertRowid);
}

export function updateLine(db: Db, id: number, l: PurchaseLineWrite): void {
  cached(db, `UPDATE purchase_lines SET ${LINE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...l, id });
}

export function deleteLine(db: Db, id: number): void {
  cached(db, 'DELETE FROM purchase_lines WHERE id = ?').run(id);
}

export function linesOf(db: Db, orderId: number): PurchaseLineRow[] {
  return cached<[number], PurchaseLineRow>(db, 'SELECT * FROM purchase_lines WHERE order_id = ? ORDER BY position, id').all(orderId);
}

/** Per PI line: what open or finished purchase orders (not cancelled) order of it. */
export function orderedForInvoice(db: Db, invoiceId: number): Array<{ invoice_line_id: number; qty: number }> {
  return cached<[number], { invoice_line_id: number; qty: number }>(
    db,
    `SELECT l.invoice_line_id, SUM(l.qty) AS qty FROM purchase_lines l JOIN purchase_orders o ON o.id = l.order_id
      WHERE o.invoice_id = ? AND o.status <> 'cancelled' AND l.invoice_line_id IS NOT NULL GROUP BY l.invoice_line_id`,
  ).all(invoiceId);
}

export function ordersOfInvoice(db: Db, invoiceId: number): PurchaseOrderRow[] {
  return cached<[number], PurchaseOrderRow>(db, 'SELECT * FROM purchase_orders WHERE invoice_id = ? ORDER BY year, seq').all(invoiceId);
}

// ---------------------------------------------------------------------------
// Goods in

export function insertReceipt(db: Db, orderId: number, receivedOn: string, note: string, now: string): number {
  const info = cached(db, 'INSERT INTO purchase_receipts (order_id, received_on, note, created_at) VALUES (?, ?, ?, ?)').run(orderId, receivedOn, note, now);
  return Number(info.lastInsertRowid);
}

export interface ReceiptLineWrite {
  receipt_id: number;
  line_id: number;
  qty: number;
  cartons: number;
  damaged: number;
  note: string;
  move_id: number | null;
}

export function insertReceiptLine(db: Db, l: ReceiptLineWrite): void {
  cached(
    db,
    `INSERT INTO purchase_receipt_lines (receipt_id, line_id, qty, cartons, damaged, note, move_id)
     VALUES (@receipt_id, @line_id, @qty, @cartons, @damaged, @note, @move_id)`,
  ).run(l);
}

export interface ReceiptRow {
  id: number;
  order_id: number;
  received_on: string;
  note: string;
  created_at: string;
}

export function receiptsOf(db: Db, orderId: number): ReceiptRow[] {
  return cached<[number], ReceiptRow>(db, 'SELECT * FROM purchase_receipts WHERE order_id = ? ORDER BY received_on, id').all(orderId);
}

export interface ReceiptLineRow extends ReceiptLineWrite {
  order_id: number;
  received_on: string;
}

export function receiptLinesOf(db: Db, orderIds: number[]): ReceiptLineRow[] {
  return cached<[string], ReceiptLineRow>(
    db,
    `SELECT rl.*, r.order_id, r.received_on FROM purchase_receipt_lines rl JOIN purchase_receipts r ON r.id = rl.receipt_id
      WHERE r.order_id IN (SELECT value FROM json_each(?)) ORDER BY r.received_on, r.id, rl.line_id`,
  ).all(JSON.stringify(orderIds));
}

// ---------------------------------------------------------------------------
// Payments to suppliers

export interface SupplierPaymentRow {
  id: number;
  order_id: number;
  paid_on: string;
  amount_e4: number;
  method: string;
  reference: string;
  note: string;
  created_at: string;
}

export function insertPayment(db: Db, p: Omit<SupplierPaymentRow, 'id' | 'created_at'>, now: string): number {
  const info = cached(
    db,
    `INSERT INTO supplier_payments (order_id, paid_on, amount_e4, method, reference, note, created_at)
     VALUES (@order_id, @paid_on, @amount_e4, @method, @reference, @note, @now)`,
  ).run({ ...p, now });
  return Number(info.lastInsertRowid);
}

export function deletePayment(db: Db, orderId: number, paymentId: number): boolean {
  return cached(db, 'DELETE FROM supplier_payments WHERE id = ? AND order_id = ?').run(paymentId, orderId).changes === 1;
}

export function paymentsOf(db: Db, orderId: number): SupplierPaymentRow[] {
  return cached<[number], SupplierPaymentRow>(db, 'SELECT * FROM supplier_payments WHERE order_id = ? ORDER BY paid_on, id').all(orderId);
}

// ---------------------------------------------------------------------------
// Lists

export interface OrderListFilter {
  statuses?: string[] | undefined;
  supplierId?: number | undefined;
  invoiceId?: number | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

export interface OrderListRow extends PurchaseOrderRow {
  supplier_name: string;
  invoice_number: string | null;
  line_count: number;
  ordered_qty: number;
  received_qty: number;
  paid_e4: number;
}

const LIST_SELECT = `
  SELECT o.*, s.name_zh AS supplier_name, i.number AS invoice_number,
         (SELECT count(*) FROM purchase_lines l WHERE l.order_id = o.id) AS line_count,
         (SELECT COALESCE(SUM(l.qty), 0) FROM purchase_lines l WHERE l.order_id = o.id) AS ordered_qty,
         (SELECT COALESCE(SUM(rl.qty), 0) FROM purchase_receipts r JOIN purchase_receipt_lines rl ON rl.receipt_id = r.id WHERE r.order_id = o.id) AS received_qty,
         (SELECT COALESCE(SUM(p.amount_e4), 0) FROM supplier_payments p WHERE p.order_id = o.id) AS paid_e4
    FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id LEFT JOIN invoices i ON i.id = o.invoice_id`;

/** Purchase orders, newest number first. */
export function listOrders(db: Db, f: OrderListFilter): { rows: OrderListRow[]; total: number } {
  const { params, where: clause } = new Conditions({ limit: f.limit, offset: f.offset })
    .when(f.statuses, 'statuses', 'o.status IN (SELECT value FROM json_each(@statuses))')
    .when(f.supplierId, 'supplierId', 'o.supplier_id = @supplierId')
    .when(f.invoiceId, 'invoiceId', 'o.invoice_id = @invoiceId')
    .search(f.search, ['o.number', 's.name_zh', 's.name_en', 'i.number']);
  const rows = db.prepare<Record<string, unknown>, OrderListRow>(`${LIST_SELECT} ${clause} ORDER BY o.year DESC, o.seq DESC LIMIT @limit OFFSET @offset`).all(params);
  const total = (
    db
      .prepare<Record<string, unknown>, { n: number }>(
        `SELECT count(*) AS n FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id LEFT JOIN invoices i ON i.id = o.invoice_id ${clause}`,
      )
      .get(params) as { n: number }
  ).n;
  return { rows, total };
}

/** Ordered or partly received orders whose delivery date is on or before `until`: due or late. */
export function ordersDueBy(db: Db, until: string): OrderListRow[] {
  return db
    .prepare<{ until: string }, OrderListRow>(
      `${LIST_SELECT} WHERE o.status IN ('ordered', 'partly_received') AND o.delivery_date IS NOT NULL AND o.delivery_date <= @until
        ORDER BY o.delivery_date, o.id`,
    )
    .all({ until });
}

// ---------------------------------------------------------------------------
// Payables

export interface PayableLineRow {
  supplier_id: number;
  order_id: number;
  status: PurchaseStatusText;
  total_e4: number;
  unit_cost_e4: number | null;
  received: number;
}

/** Per line of every order that is not cancelled: its order, status, unit cost and good pieces received. */
export function payableLines(db: Db, supplierId: number | undefined): PayableLineRow[] {
  return db
    .prepare<{ supplier: number | null }, PayableLineRow>(
      `SELECT o.supplier_id, o.id AS order_id, o.status, o.total_e4, l.unit_cost_e4,
              COALESCE((SELECT SUM(rl.qty) FROM purchase_receipt_lines rl WHERE rl.line_id = l.id), 0) AS received
         FROM purchase_orders o JOIN purchase_lines l ON l.order_id = o.id
        WHERE o.status <> 'cancelled' AND (@supplier IS NULL OR o.supplier_id = @supplier)
        ORDER BY o.id, l.id`,
    )
    .all({ supplier: supplierId ?? null });
}

/** Σ payments per order (orders that are not cancelled). */
export function paidPerOrder(db: Db, supplierId: number | undefined): Array<{ order_id: number; supplier_id: number; paid_e4: number }> {
  return db
    .prepare<{ supplier: number | null }, { order_id: number; supplier_id: number; paid_e4: number }>(
      `SELECT p.order_id, o.supplier_id, SUM(p.amount_e4) AS paid_e4 FROM supplier_payments p JOIN purchase_orders o ON o.id = p.order_id
        WHERE (@supplier IS NULL OR o.supplier_id = @supplier) GROUP BY p.order_id`,
    )
    .all({ supplier: supplierId ?? null });
}
