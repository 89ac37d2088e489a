import { Conditions } from './conditions';
import type { Db } from './open';
import { cached } from './statements';

export type BalanceTerms = 'at_delivery' | 'monthly' | 'days_after_delivery';

export interface SupplierRow {
  id: number;
  name_zh: string;
  name_en: string;
  contact: string;
  /** E.164. */
  phone: string;
  wechat: string;
  address: string;
  payment_terms: string;
  deposit_percent: number;
  balance_terms: BalanceTerms;
  balance_days: number;
  notes: string;
  archived: 0 | 1;
  created_at: string;
  updated_at: string;
}

export type SupplierWrite = Omit<SupplierRow, 'id' | 'archived' | 'created_at' | 'updated_at'>;

const COLUMNS = [
  'name_zh', 'name_en', 'contact', 'phone', 'wechat', 'address', 'payment_terms', 'deposit_percent',
  'balance_terms', 'balance_days', 'notes',
] as const;

export function insertSupplier(db: Db, s: SupplierWrite, now: string): number {
  const info = cached(
    db,
    `INSERT INTO suppliers (${COLUMNS.join(', ')}, created_at, updated_at)
     VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')}, @now, @now)`,
  ).run({ ...s, now });
  return Number(info.lastInsertRowid);
}

export function updateSupplier(db: Db, id: number, s: SupplierWrite, now: string): void {
  cached(db, `UPDATE suppliers SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`).run({ ...s, id, now });
}

export function setSupplierArchived(db: Db, id: number, archived: boolean, now: string): void {
  cached(db, 'UPDATE suppliers SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, now, id);
}

export function getSupplier(db: Db, id: number): SupplierRow | undefined {
  return cached<[number], SupplierRow>(db, 'SELECT * FROM suppliers WHERE id = ?').get(id);
}

export function getSuppliers(db: Db, ids: number[]): SupplierRow[] {
  return cached<[string], SupplierRow>(db, 'SELECT * FROM suppliers WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids));
}

/** Another supplier whose Chinese name is `name` (as the unique index compares: trimmed, ASCII case folded). */
export function supplierNamed(db: Db, name: string, exceptId: number | null): SupplierRow | undefined {
  return cached<[string, number], SupplierRow>(db, 'SELECT * FROM suppliers WHERE lower(name_zh) = lower(trim(?)) AND id <> ?').get(name, exceptId ?? 0);
}

/**
 * The supplier a product's typed supplier name links to, made when no supplier has that name: the
 * same rule as the products' link triggers (migrations 9 and 11): trimmed, ASCII case folded, the
 * Chinese name first, then the English one. null for an empty name. A writer that sets the
 * returned id with the name spares the trigger's UPDATE of the row.
 */
export function linkSupplierByName(db: Db, name: string): number | null {
  cached(
    db,
    `INSERT INTO suppliers (name_zh)
       SELECT trim(@name)
        WHERE trim(@name) <> ''
          AND NOT EXISTS (SELECT 1 FROM suppliers WHERE lower(name_zh) = lower(trim(@name)))
          AND NOT EXISTS (SELECT 1 FROM suppliers WHERE name_en <> '' AND lower(name_en) = lower(trim(@name)))`,
  ).run({ name });
  const row = cached<{ name: string }, { id: number | null }>(
    db,
    `SELECT CASE WHEN trim(@name) = '' THEN NULL ELSE COALESCE(
              (SELECT id FROM suppliers WHERE lower(name_zh) = lower(trim(@name))),
              (SELECT id FROM suppliers WHERE name_en <> '' AND lower(name_en) = lower(trim(@name)) ORDER BY id LIMIT 1)) END AS id`,
  ).get({ name });
  return row?.id ?? null;
}

export interface SupplierListRow extends SupplierRow {
  products: number;
  open_orders: number;
}

export interface SupplierFilter {
  search?: string | undefined;
  includeArchived?: boolean | undefined;
  limit: number;
  offset: number;
}

/** Suppliers by name, with how many products they make and how many of their orders are open. */
export function listSuppliers(db: Db, f: SupplierFilter): { rows: SupplierListRow[]; total: number } {
  const { params, where: clause } = new Conditions({ limit: f.limit, offset: f.offset })
    .add('s.archived = 0', !f.includeArchived)
    .search(f.search, ['s.name_zh', 's.name_en', 's.contact', 's.phone', 's.wechat']);
  const rows = db
    .prepare<Record<string, unknown>, SupplierListRow>(
      `SELECT s.*,
              (SELECT count(*) FROM products p WHERE p.supplier_id = s.id AND p.archived = 0) AS products,
              (SELECT count(*) FROM purchase_orders o WHERE o.supplier_id = s.id AND o.status IN ('draft', 'ordered', 'partly_received')) AS open_orders
         FROM suppliers s ${clause}
        ORDER BY s.archived, lower(s.name_zh), s.id
        LIMIT @limit OFFSET @offset`,
    )
    .all(params);
  const total = (db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM suppliers s ${clause}`).get(params) as { n: number }).n;
  return { rows, total };
}

export interface SupplierProductRow {
  id: number;
  item_no: string;
  name_zh: string;
  name_en: string;
  unit: string;
  supplier_item_no: string;
  cost_cny_e4: number | null;
  archived: 0 | 1;
}

/** The products a supplier makes, by item no. */
export function productsOfSupplier(db: Db, supplierId: number): SupplierProductRow[] {
  return cached<[number], SupplierProductRow>(
    db,
    `SELECT id, item_no, name_zh, name_en, unit, supplier_item_no, cost_cny_e4, archived
       FROM products WHERE supplier_id = ? ORDER BY archived, item_no`,
  ).all(supplierId);
}

/**
 * A renamed supplier: its products' supplier text becomes the new name (the products'
 * link trigger then finds the same supplier by it).
 */
export function renameOnProducts(db: Db, supplierId: number, name: string, now: string): number {
  return cached(db, 'UPDATE products SET supplier = ?, updated_at = ? WHERE supplier_id = ? AND supplier IS NOT ?').run(name, now, supplierId, name).changes;
}
