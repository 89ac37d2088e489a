import type { Db } from './open';

/** The visit log: a buyer at the stall on a day, who served them, notes, products of interest, photos. */
export interface VisitRow {
  id: number;
  buyer_id: number;
  visited_on: string;
  staff: string;
  notes: string;
  created_at: string;
}

export type VisitWrite = Pick<VisitRow, 'buyer_id' | 'visited_on' | 'staff' | 'notes'>;

export interface VisitProductRow {
  visit_id: number;
  product_id: number;
  item_no: string;
  name_zh: string;
  name_en: string;
  name_ar: string;
  archived: 0 | 1;
  cover: string | null;
}

export function insertVisit(db: Db, visit: VisitWrite): number {
  const info = db
    .prepare('INSERT INTO visits (buyer_id, visited_on, staff, notes) VALUES (@buyer_id, @visited_on, @staff, @notes)')
    .run(visit);
  return Number(info.lastInsertRowid);
}

export function updateVisit(db: Db, id: number, visit: Omit<VisitWrite, 'buyer_id'>): void {
  db.prepare('UPDATE visits SET visited_on = @visited_on, staff = @staff, notes = @notes WHERE id = @id').run({ ...visit, id });
}

export function deleteVisit(db: Db, id: number): void {
  db.prepare('DELETE FROM visits WHERE id = ?').run(id);
}

export function getVisit(db: Db, id: number): VisitRow | undefined {
  return db.prepare<[number], VisitRow>('SELECT * FROM visits WHERE id = ?').get(id);
}

export function visitsOf(db: Db, buyerId: number): VisitRow[] {
  return db.prepare<[number], VisitRow>('SELECT * FROM visits WHERE buyer_id = ? ORDER BY visited_on DESC, id DESC').all(buyerId);
}

export function replaceVisitProducts(db: Db, visitId: number, productIds: number[]): void {
  db.prepare('DELETE FROM visit_products WHERE visit_id = ?').run(visitId);
  const insert = db.prepare('INSERT OR IGNORE INTO visit_products (visit_id, product_id) VALUES (?, ?)');
  for (const id of productIds) insert.run(visitId, id);
}

export function replaceVisitPhotos(db: Db, visitId: number, hashes: string[]): void {
  db.prepare('DELETE FROM visit_photos WHERE visit_id = ?').run(visitId);
  const insert = db.prepare('INSERT INTO visit_photos (visit_id, position, image_hash) VALUES (?, ?, ?)');
  hashes.forEach((hash, position) => insert.run(visitId, position, hash));
}

/** Products of interest of these visits, in item-no order, with their cover photo. */
export function productsOfVisits(db: Db, visitIds: number[]): VisitProductRow[] {
  return db
    .prepare<[string], VisitProductRow>(
      `SELECT vp.visit_id, p.id AS product_id, p.item_no, p.name_zh, p.name_en, p.name_ar, p.archived,
              (SELECT image_hash FROM product_photos ph WHERE ph.product_id = p.id AND ph.position = 0) AS cover
         FROM visit_products vp JOIN products p ON p.id = vp.product_id
        WHERE vp.visit_id IN (SELECT value FROM json_each(?))
        ORDER BY vp.visit_id, p.item_no`,
    )
    .all(JSON.stringify(visitIds));
}

export function photosOfVisits(db: Db, visitIds: number[]): Array<{ visit_id: number; position: number; image_hash: string }> {
  return db
    .prepare<[string], { visit_id: number; position: number; image_hash: string }>(
      `SELECT visit_id, position, image_hash FROM visit_photos
        WHERE visit_id IN (SELECT value FROM json_each(?)) ORDER BY visit_id, position`,
    )
    .all(JSON.stringify(visitIds));
}

/** Which of these product ids exist (a visit may only link real products). */
export function existingProductIds(db: Db, ids: number[]): Set<number> {
  const rows = db
    .prepare<[string], { id: number }>('SELECT id FROM products WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids));
  return new Set(rows.map((r) => r.id));
}

export interface ProductOptionRow {
  id: number;
  item_no: string;
  name_zh: string;
  name_en: string;
  name_ar: string;
  cover: string | null;
}

export function productOptionsByIds(db: Db, ids: number[]): ProductOptionRow[] {
  return db
    .prepare<[string], ProductOptionRow>(
      `SELECT p.id, p.item_no, p.name_zh, p.name_en, p.name_ar,
              (SELECT image_hash FROM product_photos ph WHERE ph.product_id = p.id AND ph.position = 0) AS cover
         FROM products p WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.item_no`,
    )
    .all(JSON.stringify(ids));
}

/** Staff names used in the log, most recently active first. */
export function staffNames(db: Db): string[] {
  return db
    .prepare<[], { staff: string }>(
      `SELECT staff FROM visits WHERE staff <> '' GROUP BY staff ORDER BY max(visited_on) DESC, count(*) DESC LIMIT 30`,
    )
    .all()
    .map((r) => r.staff);
}
