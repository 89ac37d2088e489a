import type { Core } from '../core';
import { invalid, m, notFound } from '../errors/apiError';
import * as q from '../../db/stock';
import { getProduct, rowsByIds, type ProductRow } from '../../db/products';

/**
 * The stock ledger's rules. Every change of stock is a movement; levels are
 * derived: on hand = Σ on-hand deltas, reserved = Σ reserved deltas,
 * available = on hand − reserved. Quotations and invoices reserve, release
 * and ship through these functions (called inside their own transaction).
 */
export interface StockLevel {
  onHand: number;
  reserved: number;
  available: number;
}

export interface MoveInput {
  productId: number;
  /** Pieces (the product's unit), > 0; for 'adjust' it is signed (+ found, − lost). */
  qty: number;
  movedAt?: string;
  reference?: string;
  reason?: string;
  note?: string;
}

export interface ShortStock {
  productId: number;
  requested: number;
  available: number;
}

export function levels(core: Core, productIds: number[]): Map<number, StockLevel> {
  const rows = new Map(q.levelsFor(core.db, productIds).map((r) => [r.product_id, r]));
  return new Map(
    productIds.map((id) => {
      const r = rows.get(id);
      const onHand = r?.on_hand ?? 0;
      const reserved = r?.reserved ?? 0;
      return [id, { onHand, reserved, available: onHand - reserved }];
    }),
  );
}

export function level(core: Core, productId: number): StockLevel {
  return levels(core, [productId]).get(productId) as StockLevel;
}

export function requireProduct(core: Core, productId: number, field: string): void {
  if (!getProduct(core.db, productId)) throw notFound(m('common.noProductWithId', { productId }), field);
}

function positive(qty: number, field: string): void {
  if (!Number.isInteger(qty) || qty <= 0) throw invalid(field, m('stock.mustWholeNumberAbove'));
}

function write(core: Core, kind: q.MoveKind, move: MoveInput, onHand: number, reserved: number): number {
  return q.insertMove(core.db, {
    product_id: move.productId,
    kind,
    on_hand_delta: onHand,
    reserved_delta: reserved,
    moved_at: move.movedAt ?? core.now().toISOString(),
    reference: move.reference ?? '',
    reason: move.reason ?? '',
    note: move.note ?? '',
  });
}

/** Goods in: on hand grows. */
export function receive(core: Core, move: MoveInput): number {
  requireProduct(core, move.productId, 'productId');
  positive(move.qty, 'qty');
  return write(core, 'receive', move, move.qty, 0);
}

/** A count correction (found, broken, lost): signed, and needs a reason. */
export function adjust(core: Core, move: MoveInput): number {
  requireProduct(core, move.productId, 'productId');
  if (!Number.isInteger(move.qty) || move.qty === 0) throw invalid('qty', m('stock.mustWholeNumberOther'));
  if (!move.reason?.trim()) throw invalid('reason', m('stock.sayWhyStockAdjusted'));
  if (level(core, move.productId).onHand + move.qty < 0) {
    throw invalid('qty', m('stock.wouldMakeStockHand'));
  }
  return write(core, 'adjust', move, move.qty, 0);
}

/**
 * Sets goods aside for an order (a PI). Never blocked by short stock (the
 * factory may still deliver); the shortfall is returned as a warning.
 */
export function reserve(core: Core, move: MoveInput): ShortStock | null {
  requireProduct(core, move.productId, 'productId');
  positive(move.qty, 'qty');
  const before = level(core, move.productId);
  write(core, 'reserve', move, 0, move.qty);
  return before.available < move.qty ? { productId: move.productId, requested: move.qty, available: before.available } : null;
}

/** Gives back everything still reserved under a reference (a cancelled PI). */
export function releaseReference(core: Core, reference: string, movedAt?: string): number {
  let released = 0;
  for (const r of q.reservedUnder(core.db, reference)) {
    if (r.reserved <= 0) continue;
    write(core, 'release', { productId: r.product_id, qty: r.reserved, reference, ...(movedAt ? { movedAt } : {}) }, 0, -r.reserved);
    released += r.reserved;
  }
  return released;
}

/** Ships what is reserved under a reference: on hand and reserved both go down. */
export function shipReference(core: Core, reference: string, movedAt?: string): number {
  let shipped = 0;
  for (const r of q.reservedUnder(core.db, reference)) {
    if (r.reserved <= 0) continue;
    write(core, 'ship', { productId: r.product_id, qty: r.reserved, reference, ...(movedAt ? { movedAt } : {}) }, -r.reserved, -r.reserved);
    shipped += r.reserved;
  }
  return shipped;
}

/**
 * Ships part of what is reserved under a reference (one delivery of a PI's goods): on hand and
 * reserved both go down by qty. Never more than is reserved under the reference nor more than
 * is on hand; `field` names the input the quantity came from. Returns the movement id.
 */
export function shipQty(core: Core, move: MoveInput & { reference: string }, field = 'qty'): number {
  const product = getProduct(core.db, move.productId);
  if (!product) throw notFound(m('common.noProductWithId', { productId: move.productId }), 'productId');
  positive(move.qty, field);
  const item = product.item_no;
  const reserved = q.reservedUnder(core.db, move.reference).find((r) => r.product_id === move.productId)?.reserved ?? 0;
  if (move.qty > reserved) {
    throw invalid(field, m('stock.moreReserved', { qty: move.qty, item, reference: move.reference, reserved: Math.max(0, reserved) }));
  }
  const onHand = level(core, move.productId).onHand;
  if (move.qty > onHand) {
    throw invalid(field, m('stock.moreStockHandReceive', { qty: move.qty, item, onHand: Math.max(0, onHand) }));
  }
  return write(core, 'ship', move, -move.qty, -move.qty);
}

/**
 * A stock count: sets on hand to what was counted through one adjusting
 * movement of the difference (none when it already matches). Returns the
 * movement id, or null when nothing changed.
 */
export function count(core: Core, move: { productId: number; counted: number; reason?: string; reference?: string; note?: string; movedAt?: string }): number | null {
  requireProduct(core, move.productId, 'productId');
  if (!Number.isInteger(move.counted) || move.counted < 0) throw invalid('counted', m('stock.mustWholeNumberMore'));
  const difference = move.counted - level(core, move.productId).onHand;
  if (difference === 0) return null;
  const { counted: _c, ...rest } = move;
  return write(core, 'adjust', { ...rest, qty: difference, reason: move.reason?.trim() || 'stock count' }, difference, 0);
}

/**
 * Sets on hand to a quantity from an import: an opening movement (a receive
 * with reason "opening") for a product with no ledger yet, otherwise an
 * adjustment of the difference. Returns 'opening', 'adjust' or null (no change).
 */
export function setOnHand(core: Core, productId: number, qty: number, reference: string, movedAt?: string): 'opening' | 'adjust' | null {
  if (!Number.isInteger(qty) || qty < 0) throw invalid('stock_qty', m('stock.mustWholeNumberMore'));
  if (q.countMovesFor(core.db, productId) === 0) {
    if (qty === 0) return null;
    write(core, 'receive', { productId, qty, reference, reason: 'opening', ...(movedAt ? { movedAt } : {}) }, qty, 0);
    return 'opening';
  }
  const difference = qty - level(core, productId).onHand;
  if (difference === 0) return null;
  write(core, 'adjust', { productId, qty: difference, reference, reason: 'stock count (import)', ...(movedAt ? { movedAt } : {}) }, difference, 0);
  return 'adjust';
}

export interface Movement {
  id: number;
  productId: number;
  itemNo: string;
  names: { zh: string; en: string };
  unit: string;
  kind: q.MoveKind;
  /** Change of on hand (signed) and of reserved (signed). */
  onHandDelta: number;
  reservedDelta: number;
  /** On hand and reserved right after this movement. */
  onHandAfter: number;
  reservedAfter: number;
  movedAt: string;
  reference: string;
  reason: string;
  note: string;
}

export function history(core: Core, filter: q.HistoryFilter): { items: Movement[]; total: number } {
  if (filter.productId !== undefined) requireProduct(core, filter.productId, 'productId');
  const { rows, total } = q.history(core.db, filter);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      productId: r.product_id,
      itemNo: r.item_no,
      names: { zh: r.name_zh, en: r.name_en },
      unit: r.unit,
      kind: r.kind,
      onHandDelta: r.on_hand_delta,
      reservedDelta: r.reserved_delta,
      onHandAfter: r.on_hand_after,
      reservedAfter: r.reserved_after,
      movedAt: r.moved_at,
      reference: r.reference,
      reason: r.reason,
      note: r.note,
    })),
  };
}

export interface LowStockItem {
  productId: number;
  itemNo: string;
  names: { zh: string; en: string };
  category: string;
  unit: string;
  pcsPerCarton: number | null;
  coverThumbUrl: string | null;
  lowStockAt: number;
  level: StockLevel;
  /** How far available is below the threshold (0 when exactly at it). */
  shortBy: number;
}

export function lowStockList(core: Core, filter: { category?: string | undefined; limit: number; offset: number }, cover: (ids: number[]) => Map<number, string>): { items: LowStockItem[]; total: number } {
  const { rows, total } = q.lowStock(core.db, filter);
  const products = new Map<number, ProductRow>(rowsByIds(core.db, rows.map((r) => r.product_id)).map((p) => [p.id, p]));
  const covers = cover(rows.map((r) => r.product_id));
  return {
    total,
    items: rows.map((r) => {
      const p = products.get(r.product_id) as ProductRow;
      const available = r.on_hand - r.reserved;
      return {
        productId: r.product_id,
        itemNo: p.item_no,
        names: { zh: p.name_zh, en: p.name_en },
        category: p.category,
        unit: p.unit,
        pcsPerCarton: p.pcs_per_carton,
        coverThumbUrl: covers.get(r.product_id) ?? null,
        lowStockAt: r.low_stock_at,
        level: { onHand: r.on_hand, reserved: r.reserved, available },
        shortBy: r.low_stock_at - available,
      };
    }),
  };
}
