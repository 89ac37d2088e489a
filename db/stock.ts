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
