import { Conditions } from './conditions';
import type { NameColumns, PackingColumns } from './rowColumns';
import type { Db } from './open';
import { cached } from './statements';

export const NAME_LANGS = ['zh', 'en', 'ar', 'es', 'ru', 'fr', 'pt'] as const;
export type NameLang = (typeof NAME_LANGS)[number];

export interface ProductRow extends NameColumns, PackingColumns {
  id: number;
  item_no: string;
  category: string;
  material: string;
  colors: string;
  sizes: string;
  unit: string;
  moq: number;
  cost_cny_e4: number | null;
  barcode: string;
  /** The supplier's name as typed; the products' link trigger (migrations 9 and 11) keeps supplier_id in step with it. */
  supplier: string;
  supplier_id: number | null;
  /** The factory's own item no. */
  supplier_item_no: string;
  hs_code: string;
  /** Country of origin, ISO 3166-1 alpha-2 ('CN' by default). */
  origin_country: string;
  notes: string;
  low_stock_at: number | null;
  archived: 0 | 1;
  created_at: string;
  updated_at: string;
}

export type ProductWrite = Omit<ProductRow, 'id' | 'created_at' | 'updated_at'>;

export interface PriceTierRow {
  product_id: number;
  min_qty: number;
  price_cny_e4: number;
}

export interface PhotoRow {
  product_id: number;
  position: number;
  image_hash: string;
}

const WRITE_COLUMNS = [
  'item_no', 'name_zh', 'name_en', 'name_ar', 'name_es', 'name_ru', 'name_fr', 'name_pt', 'category',
  'material', 'colors', 'sizes', 'unit', 'moq', 'cost_cny_e4', 'pcs_per_inner', 'pcs_per_carton',
  'carton_l_mm', 'carton_w_mm', 'carton_h_mm', 'gw_g', 'nw_g', 'barcode', 'supplier', 'supplier_id', 'supplier_item_no', 'hs_code',
  'origin_country', 'notes',
  'low_stock_at', 'archived',
] as const;

const INSERT_SQL = `INSERT INTO products (${WRITE_COLUMNS.join(', ')}, created_at, updated_at)
  VALUES (${WRITE_COLUMNS.map(() => '?').join(', ')}, ?, ?)`;
const UPDATE_SQL = `UPDATE products SET ${WRITE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`;

export function insertProduct(db: Db, product: ProductWrite, now: string): number {
  const info = cached(db, INSERT_SQL).run(...WRITE_COLUMNS.map((c) => product[c]), now, now);
  return Number(info.lastInsertRowid);
}

export function updateProduct(db: Db, id: number, product: ProductWrite, now: string): void {
  cached(db, UPDATE_SQL).run({ ...product, id, now });
}

export function getProduct(db: Db, id: number): ProductRow | undefined {
  return db.prepare<[number], ProductRow>('SELECT * FROM products WHERE id = ?').get(id);
}

export function getProductByItemNo(db: Db, itemNo: string): ProductRow | undefined {
  return db.prepare<[string], ProductRow>('SELECT * FROM products WHERE item_no = ?').get(itemNo);
}

export interface ListFilter {
  category?: string | undefined;
  includeArchived?: boolean;
  limit: number;
  offset: number;
}

export function listProducts(db: Db, filter: ListFilter): { rows: ProductRow[]; total: number } {
  const { params, where: clause } = new Conditions({ limit: filter.limit, offset: filter.offset })
    .add('archived = 0', !filter.includeArchived)
    .when(filter.category, 'category', 'category = @category');
  const rows = db
    .prepare<Record<string, unknown>, ProductRow>(`SELECT * FROM products ${clause} ORDER BY item_no LIMIT @limit OFFSET @offset`)
    .all(params);
  const { total } = db
    .prepare<Record<string, unknown>, { total: number }>(`SELECT count(*) AS total FROM products ${clause}`)
    .get(params) as { total: number };
  return { rows, total };
}

export function listCategories(db: Db): Array<{ category: string; count: number }> {
  return db
    .prepare<[], { category: string; count: number }>(
      `SELECT category, count(*) AS count FROM products WHERE archived = 0 AND category <> ''
        GROUP BY category ORDER BY category`,
    )
    .all();
}

export function replacePriceTiers(db: Db, productId: number, tiers: Array<{ min_qty: number; price_cny_e4: number }>): void {
  cached(db, 'DELETE FROM price_tiers WHERE product_id = ?').run(productId);
  const insert = cached(db, 'INSERT INTO price_tiers (product_id, min_qty, price_cny_e4) VALUES (?, ?, ?)');
  for (const t of tiers) insert.run(productId, t.min_qty, t.price_cny_e4);
}

/** Rows for many products at once, for lists: `json_each` keeps it one statement. */
export function priceTiersFor(db: Db, productIds: number[]): PriceTierRow[] {
  return db
    .prepare<[string], PriceTierRow>(
      `SELECT product_id, min_qty, price_cny_e4 FROM price_tiers
        WHERE product_id IN (SELECT value FROM json_each(?)) ORDER BY product_id, min_qty`,
    )
    .all(JSON.stringify(productIds));
}

export function photosFor(db: Db, productIds: number[]): PhotoRow[] {
  return db
    .prepare<[string], PhotoRow>(
      `SELECT product_id, position, image_hash FROM product_photos
        WHERE product_id IN (SELECT value FROM json_each(?)) ORDER BY product_id, position`,
    )
    .all(JSON.stringify(productIds));
}

export function replacePhotos(db: Db, productId: number, hashes: string[]): void {
  cached(db, 'DELETE FROM product_photos WHERE product_id = ?').run(productId);
  const insert = cached(db, 'INSERT INTO product_photos (product_id, position, image_hash) VALUES (?, ?, ?)');
  hashes.forEach((hash, position) => insert.run(productId, position, hash));
}

export function setArchived(db: Db, id: number, archived: boolean, now: string): void {
  db.prepare('UPDATE products SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, now, id);
}

// ---------------------------------------------------------------------------
// The search index (product_search, FTS5; see db/migrations/002_catalog_search.sql).

export interface SearchDocRow {
  id: number;
  item: string;
  code: string;
  names: string;
  extra: string;
  flags: string;
}

/** Products whose search row is out of date (marked by triggers on products); fresh ones have no row yet. */
export function staleSearchIds(db: Db, limit: number): Array<{ id: number; fresh: boolean }> {
  return cached<[number], { product_id: number; fresh: 0 | 1 }>(db, 'SELECT product_id, fresh FROM product_search_stale ORDER BY product_id LIMIT ?')
    .all(limit)
    .map((r) => ({ id: r.product_id, fresh: r.fresh === 1 }));
}

export function rowsByIds(db: Db, ids: number[]): ProductRow[] {
  return cached<[string], ProductRow>(db, 'SELECT * FROM products WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(ids));
}

/**
 * Writes the search row of one product and clears its stale mark. `fresh`:
 * it has no row yet. Without a doc (the product is gone) the row is removed.
 */
export function writeSearchDoc(db: Db, id: number, fresh: boolean, doc: Omit<SearchDocRow, 'id'> | null): void {
  if (!fresh) cached(db, 'DELETE FROM product_search WHERE rowid = ?').run(id);
  if (doc) {
    cached(db, 'INSERT INTO product_search (rowid, item, code, names, extra, flags) VALUES (?, ?, ?, ?, ?, ?)').run(
      id, doc.item, doc.code, doc.names, doc.extra, doc.flags,
    );
  }
  cached(db, 'DELETE FROM product_search_stale WHERE product_id = ?').run(id);
}

/**
 * Writes many search rows at once and clears their stale marks in one
 * statement. Rows of products that had one (not fresh) are replaced.
 */
export function writeSearchDocs(db: Db, docs: Array<{ id: number; fresh: boolean; doc: Omit<SearchDocRow, 'id'> }>): void {
  const remove = cached(db, 'DELETE FROM product_search WHERE rowid = ?');
  const insert = cached(db, 'INSERT INTO product_search (rowid, item, code, names, extra, flags) VALUES (?, ?, ?, ?, ?, ?)');
  const unqueue = cached(db, 'DELETE FROM product_search_stale WHERE product_id = ?');
  for (const { id, fresh, doc } of docs) {
    if (!fresh) remove.run(id);
    insert.run(id, doc.item, doc.code, doc.names, doc.extra, doc.flags);
    unqueue.run(id);
  }
}

/** Marks every product for re-indexing (after a change of how text is indexed). */
export function markAllSearchStale(db: Db): void {
  db.prepare('INSERT OR IGNORE INTO product_search_stale (product_id, fresh) SELECT id, 0 FROM products').run();
}

export type StatusFilter = 'active' | 'archived' | 'all';

export interface SearchFilter {
  status: StatusFilter;
  category?: string | undefined;
  inStock?: boolean | undefined;
}

/** Products with stock available (on hand − reserved > 0), summed from the ledger. */
const IN_STOCK = `id IN (SELECT product_id FROM stock_moves GROUP BY product_id
                          HAVING SUM(on_hand_delta) - SUM(reserved_delta) > 0)`;

function filterSql(filter: SearchFilter, params: Record<string, unknown>): string[] {
  const where: string[] = [];
  if (filter.status === 'active') where.push('archived = 0');
  if (filter.status === 'archived') where.push('archived = 1');
  if (filter.category) {
    where.push('category = @category');
    params.category = filter.category;
  }
  if (filter.inStock) where.push(IN_STOCK);
  return where;
}

/** Exact item no (case-insensitive) or exact barcode. */
export function exactMatches(db: Db, query: string, filter: SearchFilter): number[] {
  const params: Record<string, unknown> = { q: query };
  const where = ['(item_no = @q OR (barcode = @q AND barcode <> \'\'))', ...filterSql(filter, params)];
  return db
    .prepare<Record<string, unknown>, { id: number }>(`SELECT id FROM products WHERE ${where.join(' AND ')} ORDER BY item_no`)
    .all(params)
    .map((r) => r.id);
}

function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function prefixWhere(query: string, filter: SearchFilter, params: Record<string, unknown>): string {
  params.q = query;
  params.pattern = likePrefix(query);
  // Not the exact matches: those come first, once.
  const where = [
    "item_no LIKE @pattern ESCAPE '\\'",
    'item_no <> @q',
    "(barcode <> @q OR barcode = '')",
    ...filterSql(filter, params),
  ];
  return where.join(' AND ');
}

/** Item numbers starting with the query (not equal to it), in item-no order. */
export function itemPrefixPage(db: Db, query: string, filter: SearchFilter, limit: number, offset: number): number[] {
  const params: Record<string, unknown> = { limit, offset };
  const where = prefixWhere(query, filter, params);
  return db
    .prepare<Record<string, unknown>, { id: number }>(`SELECT id FROM products WHERE ${where} ORDER BY item_no LIMIT @limit OFFSET @offset`)
    .all(params)
    .map((r) => r.id);
}

export function itemPrefixCount(db: Db, query: string, filter: SearchFilter): number {
  const params: Record<string, unknown> = {};
  const where = prefixWhere(query, filter, params);
  return (db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM products WHERE ${where}`).get(params) as { n: number }).n;
}

/** Product ids matching an FTS5 expression, in id order (stock filter applied in SQL). */
export function textMatchPage(db: Db, match: string, inStock: boolean, limit: number, offset: number): number[] {
  const stock = inStock ? `AND rowid IN (SELECT product_id FROM stock_moves GROUP BY product_id HAVING SUM(on_hand_delta) - SUM(reserved_delta) > 0)` : '';
  return db
    .prepare<[string, number, number], { id: number }>(
      `SELECT rowid AS id FROM product_search WHERE product_search MATCH ? ${stock} ORDER BY rowid LIMIT ? OFFSET ?`,
    )
    .all(match, limit, offset)
    .map((r) => r.id);
}

export function textMatchCount(db: Db, match: string, inStock: boolean): number {
  const stock = inStock ? `AND rowid IN (SELECT product_id FROM stock_moves GROUP BY product_id HAVING SUM(on_hand_delta) - SUM(reserved_delta) > 0)` : '';
  return (db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM product_search WHERE product_search MATCH ? ${stock}`).get(match) as { n: number }).n;
}

/** Everything matching the filter, in item-no order: the list when the search box is empty. */
export function browsePage(db: Db, filter: SearchFilter, limit: number, offset: number): { ids: number[]; total: number } {
  const params: Record<string, unknown> = { limit, offset };
  const where = filterSql(filter, params);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const ids = db
    .prepare<Record<string, unknown>, { id: number }>(`SELECT id FROM products ${clause} ORDER BY item_no LIMIT @limit OFFSET @offset`)
    .all(params)
    .map((r) => r.id);
  const { n } = db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM products ${clause}`).get(params) as { n: number };
  return { ids, total: n };
}

/** Copies the photos of one product to another (same stored images). */
export function copyPhotos(db: Db, fromId: number, toId: number): void {
  db.prepare(
    `INSERT INTO product_photos (product_id, position, image_hash)
     SELECT ?, position, image_hash FROM product_photos WHERE product_id = ?`,
  ).run(toId, fromId);
}

/** Products by item no (case-insensitive, as item numbers are unique). */
export function productsByItemNos(db: Db, itemNos: string[]): ProductRow[] {
  const out: ProductRow[] = [];
  const stmt = db.prepare<[string], ProductRow>('SELECT * FROM products WHERE item_no IN (SELECT value FROM json_each(?))');
  for (let i = 0; i < itemNos.length; i += 5000) out.push(...stmt.all(JSON.stringify(itemNos.slice(i, i + 5000))));
  return out;
}

/** Every product in item-no order, a batch at a time (for export). */
export function* allProducts(db: Db, batch = 2000): Generator<ProductRow[]> {
  let after = '';
  const stmt = db.prepare<[string, number], ProductRow>('SELECT * FROM products WHERE item_no > ? ORDER BY item_no LIMIT ?');
  for (;;) {
    const rows = stmt.all(after, batch);
    if (rows.length === 0) return;
    yield rows;
    after = (rows[rows.length - 1] as ProductRow).item_no;
  }
}

export function getProductByItemNoCached(db: Db, itemNo: string): ProductRow | undefined {
  return cached<[string], ProductRow>(db, 'SELECT * FROM products WHERE item_no = ?').get(itemNo);
}

export function tiersOf(db: Db, productId: number): Array<{ min_qty: number; price_cny_e4: number }> {
  return cached<[number], { min_qty: number; price_cny_e4: number }>(db, 'SELECT min_qty, price_cny_e4 FROM price_tiers WHERE product_id = ? ORDER BY min_qty').all(productId);
}
