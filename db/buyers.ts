import type { Db } from './open';

export interface BuyerRow {
  id: number;
  company: string;
  country: string;
  city: string;
  address: string;
  currency: string;
  doc_language: string;
  agent: string;
  passport_no: string;
  nationality: string;
  notes: string;
  card_image: string | null;
  created_at: string;
  updated_at: string;
}

export type BuyerWrite = Omit<BuyerRow, 'id' | 'created_at' | 'updated_at'>;

export interface ContactRow {
  id: number;
  buyer_id: number;
  position: number;
  name: string;
  role: string;
  phone: string;
  whatsapp: string;
  wechat: string;
  email: string;
}

export type ContactWrite = Omit<ContactRow, 'id' | 'buyer_id' | 'position'>;

const COLUMNS = [
  'company', 'country', 'city', 'address', 'currency', 'doc_language', 'agent', 'passport_no',
  'nationality', 'notes', 'card_image',
] as const;

export function insertBuyer(db: Db, buyer: BuyerWrite, now: string): number {
  const info = db
    .prepare(
      `INSERT INTO buyers (${COLUMNS.join(', ')}, created_at, updated_at)
       VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')}, @now, @now)`,
    )
    .run({ ...buyer, now });
  return Number(info.lastInsertRowid);
}

export function updateBuyer(db: Db, id: number, buyer: BuyerWrite, now: string): void {
  db.prepare(`UPDATE buyers SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`).run({
    ...buyer,
    id,
    now,
  });
}

export function getBuyer(db: Db, id: number): BuyerRow | undefined {
  return db.prepare<[number], BuyerRow>('SELECT * FROM buyers WHERE id = ?').get(id);
}

export function replaceContacts(db: Db, buyerId: number, contacts: ContactWrite[]): void {
  db.prepare('DELETE FROM contacts WHERE buyer_id = ?').run(buyerId);
  const insert = db.prepare(
    `INSERT INTO contacts (buyer_id, position, name, role, phone, whatsapp, wechat, email)
     VALUES (@buyer_id, @position, @name, @role, @phone, @whatsapp, @wechat, @email)`,
  );
  contacts.forEach((c, position) => insert.run({ ...c, buyer_id: buyerId, position }));
}

export function replaceTags(db: Db, buyerId: number, tags: string[]): void {
  db.prepare('DELETE FROM buyer_tags WHERE buyer_id = ?').run(buyerId);
  const insert = db.prepare('INSERT OR IGNORE INTO buyer_tags (buyer_id, tag) VALUES (?, ?)');
  for (const tag of tags) insert.run(buyerId, tag);
}

export function contactsFor(db: Db, buyerIds: number[]): ContactRow[] {
  return db
    .prepare<[string], ContactRow>(
      `SELECT * FROM contacts WHERE buyer_id IN (SELECT value FROM json_each(?)) ORDER BY buyer_id, position`,
    )
    .all(JSON.stringify(buyerIds));
}

export function tagsFor(db: Db, buyerIds: number[]): Array<{ buyer_id: number; tag: string }> {
  return db
    .prepare<[string], { buyer_id: number; tag: string }>(
      `SELECT buyer_id, tag FROM buyer_tags WHERE buyer_id IN (SELECT value FROM json_each(?)) ORDER BY buyer_id, tag`,
    )
    .all(JSON.stringify(buyerIds));
}

export function lastVisitFor(db: Db, buyerIds: number[]): Array<{ buyer_id: number; last_visit: string }> {
  return db
    .prepare<[string], { buyer_id: number; last_visit: string }>(
      `SELECT buyer_id, max(visited_on) AS last_visit FROM visits
        WHERE buyer_id IN (SELECT value FROM json_each(?)) GROUP BY buyer_id`,
    )
    .all(JSON.stringify(buyerIds));
}

export interface BuyerListFilter {
  countries?: string[] | undefined;
  limit: number;
  offset: number;
}

export function listBuyers(db: Db, filter: BuyerListFilter): { rows: BuyerRow[]; total: number } {
  const params: Record<string, unknown> = { limit: filter.limit, offset: filter.offset };
  let clause = '';
  if (filter.countries) {
    clause = 'WHERE country IN (SELECT value FROM json_each(@countries))';
    params.countries = JSON.stringify(filter.countries);
  }
  const rows = db
    .prepare<Record<string, unknown>, BuyerRow>(`SELECT * FROM buyers ${clause} ORDER BY company COLLATE NOCASE LIMIT @limit OFFSET @offset`)
    .all(params);
  const { total } = db.prepare<Record<string, unknown>, { total: number }>(`SELECT count(*) AS total FROM buyers ${clause}`).get(params) as {
    total: number;
  };
  return { rows, total };
}

export function insertVisit(db: Db, visit: { buyer_id: number; visited_on: string; staff: string; notes: string }): number {
  const info = db
    .prepare('INSERT INTO visits (buyer_id, visited_on, staff, notes) VALUES (@buyer_id, @visited_on, @staff, @notes)')
    .run(visit);
  return Number(info.lastInsertRowid);
}

export function linkVisitProducts(db: Db, visitId: number, productIds: number[]): void {
  const insert = db.prepare('INSERT OR IGNORE INTO visit_products (visit_id, product_id) VALUES (?, ?)');
  for (const id of productIds) insert.run(visitId, id);
}
