import type { Db } from './open';

export const NAME_LANGS = ['zh', 'en', 'ar', 'es', 'ru', 'fr', 'pt'] as const;
export type NameLang = (typeof NAME_LANGS)[number];

export interface ProductRow {
  id: number;
  item_no: string;
  name_zh: string;
  name_en: string;
  name_ar: string;
  name_es: string;
  name_ru: string;
  name_fr: string;
  name_pt: string;
  category: string;
  material: string;
  colors: string;
  sizes: string;
  unit: string;
  moq: number;
  cost_cny_e4: number | null;
  pcs_per_inner: number | null;
  pcs_per_carton: number | null;
  carton_l_mm: number | null;
  carton_w_mm: number | null;
  carton_h_mm: number | null;
  gw_g: number | null;
  nw_g: number | null;
  barcode: string;
  supplier: string;
  hs_code: string;
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
  'carton_l_mm', 'carton_w_mm', 'carton_h_mm', 'gw_g', 'nw_g', 'barcode', 'supplier', 'hs_code', 'notes',
  'low_stock_at', 'archived',
] as const;

export function insertProduct(db: Db, product: ProductWrite, now: string): number {
  const info = db
    .prepare(
      `INSERT INTO products (${WRITE_COLUMNS.join(', ')}, created_at, updated_at)
       VALUES (${WRITE_COLUMNS.map((c) => `@${c}`).join(', ')}, @now, @now)`,
    )
    .run({ ...product, now });
  return Number(info.lastInsertRowid);
}

export function updateProduct(db: Db, id: number, product: ProductWrite, now: string): void {
  db.prepare(
    `UPDATE products SET ${WRITE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`,
  ).run({ ...product, id, now });
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
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filter.limit, offset: filter.offset };
  if (!filter.includeArchived) where.push('archived = 0');
  if (filter.category) {
    where.push('category = @category');
    params.category = filter.category;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
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
  db.prepare('DELETE FROM price_tiers WHERE product_id = ?').run(productId);
  const insert = db.prepare('INSERT INTO price_tiers (product_id, min_qty, price_cny_e4) VALUES (?, ?, ?)');
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
  db.prepare('DELETE FROM product_photos WHERE product_id = ?').run(productId);
  const insert = db.prepare('INSERT INTO product_photos (product_id, position, image_hash) VALUES (?, ?, ?)');
  hashes.forEach((hash, position) => insert.run(productId, position, hash));
}
