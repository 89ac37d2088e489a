import type { Db } from './open';

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
  const info = db
    .prepare(
      `INSERT INTO stock_moves (product_id, kind, on_hand_delta, reserved_delta, moved_at, reference, reason, note)
       VALUES (@product_id, @kind, @on_hand_delta, @reserved_delta, @moved_at, @reference, @reason, @note)`,
    )
    .run(move);
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
