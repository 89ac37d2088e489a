import { Conditions } from './conditions';
import type { Db } from './open';
import { cached } from './statements';

export type MoveKind = 'receive' | 'adjust' | 'reserve' | 'release' | 'ship';

export interface MoveWrite {
  product_id: number;
  kind: MoveKind;
  on_hand_delta: number;
  reserved_delta: number;
  moved_at: string;
  reference: string;
  reason: string;
  note: string;
}

export interface MoveRow extends MoveWrite {
  id: number;
  created_at: string;
}

export function insertMove(db: Db, move: MoveWrite): number {
  const info = cached(
    db,
    `INSERT INTO stock_moves (product_id, kind, on_hand_delta, reserved_delta, moved_at, reference, reason, note)
     VALUES (@product_id, @kind, @on_hand_delta, @reserved_delta, @moved_at, @reference, @reason, @note)`,
  ).run(move);
  return Number(info.lastInsertRowid);
}

export interface LevelRow {
  product_id: number;
  on_hand: number;
  reserved: number;
}

/** On hand and reserved per product, summed from the ledger. */
export function levelsFor(db: Db, productIds: number[]): LevelRow[] {
  return db
    .prepare<[string], LevelRow>(
      `SELECT product_id, COALESCE(SUM(on_hand_delta), 0) AS on_hand, COALESCE(SUM(reserved_delta), 0) AS reserved
         FROM stock_moves WHERE product_id IN (SELECT value FROM json_each(?)) GROUP BY product_id`,
    )
    .all(JSON.stringify(productIds));
}

/** What is still reserved under one reference (a PI number), per product. */
export function reservedUnder(db: Db, reference: string): Array<{ product_id: number; reserved: number }> {
  return db
    .prepare<[string], { product_id: number; reserved: number }>(
      `SELECT product_id, SUM(reserved_delta) AS reserved FROM stock_moves
        WHERE reference = ? GROUP BY product_id HAVING SUM(reserved_delta) <> 0`,
    )
    .all(reference);
}

export function movesFor(db: Db, productId: number, limit: number, offset: number): MoveRow[] {
  return db
    .prepare<[number, number, number], MoveRow>(
      `SELECT * FROM stock_moves WHERE product_id = ? ORDER BY moved_at DESC, id DESC LIMIT ? OFFSET ?`,
    )
    .all(productId, limit, offset);
}

export function countMovesFor(db: Db, productId: number): number {
  return (db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM stock_moves WHERE product_id = ?').get(productId) as { n: number }).n;
}

export interface HistoryRow extends MoveRow {
  item_no: string;
  name_zh: string;
  name_en: string;
  unit: string;
  /** On hand and reserved right after this movement (per product). */
  on_hand_after: number;
  reserved_after: number;
}

export interface HistoryFilter {
  productId?: number | undefined;
  kinds?: MoveKind[] | undefined;
  /** ISO timestamps, inclusive from, exclusive to. */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * Movements, newest first, with the product and the running balance after each
 * one (computed over the product's whole ledger, before any filter).
 */
export function history(db: Db, filter: HistoryFilter): { rows: HistoryRow[]; total: number } {
  const params: Record<string, unknown> = { limit: filter.limit, offset: filter.offset };
  const inner = new Conditions(params).when(filter.productId, 'productId', 'm.product_id = @productId');
  const outer = new Conditions(params)
    .when(filter.kinds, 'kinds', 'h.kind IN (SELECT value FROM json_each(@kinds))')
    .when(filter.from, 'from', 'h.moved_at >= @from')
    .when(filter.to, 'to', 'h.moved_at < @to');
  // Without a product, the window runs over every product's ledger; still one pass.
  const base = `
    WITH h AS (
      SELECT m.*,
             SUM(m.on_hand_delta) OVER w AS on_hand_after,
             SUM(m.reserved_delta) OVER w AS reserved_after
        FROM stock_moves m
       ${inner.where}
      WINDOW w AS (PARTITION BY m.product_id ORDER BY m.moved_at, m.id ROWS UNBOUNDED PRECEDING)
    )
    SELECT h.*, p.item_no, p.name_zh, p.name_en, p.unit
      FROM h JOIN products p ON p.id = h.product_id
     ${outer.where}`;
  return pageOf<HistoryRow>(db, base, 'ORDER BY moved_at DESC, id DESC', params);
}

/** One page of a query and the count of all its rows. */
function pageOf<R>(db: Db, base: string, order: string, params: Record<string, unknown>): { rows: R[]; total: number } {
  const rows = db
    .prepare<Record<string, unknown>, R & { total: number }>(`SELECT *, count(*) OVER () AS total FROM (${base}) ${order} LIMIT @limit OFFSET @offset`)
    .all(params);
  const first = rows[0];
  const total = first ? first.total : (db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM (${base})`).get(params) as { n: number }).n;
  return { rows: rows.map(({ total: _t, ...r }) => r as unknown as R), total };
}

export interface LowStockRow {
  product_id: number;
  on_hand: number;
  reserved: number;
  low_stock_at: number;
}

/**
 * Active products with a threshold whose available stock (on hand − reserved)
 * is at or below it, the largest shortfall first.
 */
export function lowStock(db: Db, filter: { category?: string | undefined; limit: number; offset: number }): { rows: LowStockRow[]; total: number } {
  const { params, where } = new Conditions({ limit: filter.limit, offset: filter.offset }, ['p.archived = 0', 'p.low_stock_at IS NOT NULL', 'COALESCE(l.on_hand, 0) - COALESCE(l.reserved, 0) <= p.low_stock_at'])
    .when(filter.category, 'category', 'p.category = @category');
  const base = `
    SELECT p.id AS product_id, p.item_no, COALESCE(l.on_hand, 0) AS on_hand, COALESCE(l.reserved, 0) AS reserved, p.low_stock_at
      FROM products p
      LEFT JOIN (SELECT product_id, SUM(on_hand_delta) AS on_hand, SUM(reserved_delta) AS reserved
                   FROM stock_moves GROUP BY product_id) l ON l.product_id = p.id
     ${where}`;
  return pageOf<LowStockRow>(db, base, 'ORDER BY on_hand - reserved - low_stock_at, item_no', params);
}

export interface StockSummaryRow {
  product_id: number;
  on_hand: number;
  reserved: number;
  moves: number;
}

/** On hand, reserved and the number of movements of many products at once. */
export function stockSummary(db: Db, productIds: number[]): StockSummaryRow[] {
  const out: StockSummaryRow[] = [];
  const stmt = db.prepare<[string], StockSummaryRow>(
    `SELECT product_id, SUM(on_hand_delta) AS on_hand, SUM(reserved_delta) AS reserved, count(*) AS moves
       FROM stock_moves WHERE product_id IN (SELECT value FROM json_each(?)) GROUP BY product_id`,
  );
  for (let i = 0; i < productIds.length; i += 5000) out.push(...stmt.all(JSON.stringify(productIds.slice(i, i + 5000))));
  return out;
}

/** On hand, reserved and the number of movements of one product. */
export function stockOf(db: Db, productId: number): StockSummaryRow {
  return cached<[number, number], StockSummaryRow>(
    db,
    `SELECT ? AS product_id, COALESCE(SUM(on_hand_delta), 0) AS on_hand, COALESCE(SUM(reserved_delta), 0) AS reserved, count(*) AS moves
       FROM stock_moves WHERE product_id = ?`,
  ).get(productId, productId) as StockSummaryRow;
}
