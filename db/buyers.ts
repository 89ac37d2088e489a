import { Conditions } from './conditions';
import type { Db } from './open';
import { totalBusinessSql } from './tradeValues';

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
  /** Importer / tax number (TRN, NIF, INN, RUC…). */
  tax_no: string;
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
  'company', 'country', 'city', 'address', 'currency', 'doc_language', 'agent', 'passport_no', 'tax_no',
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

/** Last visit date and number of visits per buyer. */
export function visitSummaryFor(db: Db, buyerIds: number[]): Array<{ buyer_id: number; last_visit: string; visits: number }> {
  return db
    .prepare<[string], { buyer_id: number; last_visit: string; visits: number }>(
      `SELECT buyer_id, max(visited_on) AS last_visit, count(*) AS visits FROM visits
        WHERE buyer_id IN (SELECT value FROM json_each(?)) GROUP BY buyer_id`,
    )
    .all(JSON.stringify(buyerIds));
}

export function deleteBuyer(db: Db, id: number): void {
  db.prepare('DELETE FROM buyers WHERE id = ?').run(id);
}

export function setCardImage(db: Db, id: number, hash: string | null, now: string): void {
  db.prepare('UPDATE buyers SET card_image = ?, updated_at = ? WHERE id = ?').run(hash, now, id);
}

export function allTags(db: Db): Array<{ tag: string; count: number }> {
  return db
    .prepare<[], { tag: string; count: number }>('SELECT tag, count(*) AS count FROM buyer_tags GROUP BY tag ORDER BY count DESC, tag')
    .all();
}

// ── Search ────────────────────────────────────────────────────────────────

/** Buyers whose search text is missing or was written by an older normalization. */
export function staleSearchSources(db: Db, version: number, limit: number): BuyerRow[] {
  return db
    .prepare<[number, number], BuyerRow>(
      `SELECT b.* FROM buyers b LEFT JOIN buyer_search s ON s.buyer_id = b.id
        WHERE s.buyer_id IS NULL OR s.version < ? LIMIT ?`,
    )
    .all(version, limit);
}

export function writeSearchText(db: Db, buyerId: number, version: number, text: string): void {
  db.prepare(
    `INSERT INTO buyer_search (buyer_id, version, text) VALUES (?, ?, ?)
     ON CONFLICT (buyer_id) DO UPDATE SET version = excluded.version, text = excluded.text`,
  ).run(buyerId, version, text);
}

export type BuyerSort = 'lastVisit' | 'company' | 'newest' | 'added' | 'country' | 'totalBusiness';

export interface BuyerSearchFilter {
  /** Folded terms; each must occur in the buyer's search text. */
  terms: string[];
  countries?: string[] | undefined;
  tag?: string | undefined;
  currency?: string | undefined;
  /** Last visit on or after / on or before (YYYY-MM-DD); buyers never visited are left out. */
  lastVisitFrom?: string | undefined;
  lastVisitTo?: string | undefined;
  /** Only buyers with no visit at all. */
  neverVisited?: boolean | undefined;
  sort: BuyerSort;
  limit: number;
  offset: number;
}

const ORDER: Record<BuyerSort, string> = {
  lastVisit: 'last_visit DESC NULLS LAST, b.company COLLATE NOCASE, b.id',
  company: 'b.company COLLATE NOCASE, b.id',
  newest: 'b.created_at DESC, b.id DESC',
  added: 'b.id',
  country: 'b.country, b.company COLLATE NOCASE, b.id',
  totalBusiness: 'total_business DESC, last_visit DESC NULLS LAST, b.company COLLATE NOCASE, b.id',
};

/**
 * One page of buyers matching every given filter, with the total. The text
 * terms are plain substring tests (instr) on the folded search text, so
 * one Chinese character, part of an Arabic name or a run of phone digits
 * all match; a few thousand buyers scan in a few milliseconds (npm run bench).
 */
export function searchBuyers(db: Db, f: BuyerSearchFilter): { rows: Array<BuyerRow & { last_visit: string | null }>; total: number } {
  const conditions = new Conditions({ limit: f.limit, offset: f.offset });
  const join = f.terms.length > 0 ? 'JOIN buyer_search s ON s.buyer_id = b.id' : '';
  f.terms.forEach((term, i) => conditions.when(term, `term${i}`, `instr(s.text, @term${i}) > 0`));
  // An empty list of countries matches none (the filter was given), unlike a filter left out.
  if (f.countries) conditions.add('b.country IN (SELECT value FROM json_each(@countries))').params.countries = JSON.stringify(f.countries);
  const { params, where: clause } = conditions
    .when(f.tag, 'tag', 'EXISTS (SELECT 1 FROM buyer_tags t WHERE t.buyer_id = b.id AND t.tag = @tag)')
    .when(f.currency, 'currency', 'b.currency = @currency')
    .when(f.lastVisitFrom, 'lastVisitFrom', 'last_visit >= @lastVisitFrom')
    .when(f.lastVisitTo, 'lastVisitTo', 'last_visit <= @lastVisitTo')
    .add('last_visit IS NULL', f.neverVisited === true);
  const business = f.sort === 'totalBusiness' ? `, ${totalBusinessSql(db, 'b')} AS total_business` : '';
  const from = `FROM (SELECT b.*, (SELECT max(visited_on) FROM visits v WHERE v.buyer_id = b.id) AS last_visit${business} FROM buyers b) b ${join} ${clause}`;
  const rows = db
    .prepare<Record<string, unknown>, BuyerRow & { last_visit: string | null }>(`SELECT b.id, b.company, b.country, b.city, b.address, b.currency, b.doc_language, b.agent, b.passport_no, b.tax_no, b.nationality, b.notes, b.card_image, b.created_at, b.updated_at, b.last_visit ${from} ORDER BY ${ORDER[f.sort]} LIMIT @limit OFFSET @offset`)
    .all(params);
  const { total } = db.prepare<Record<string, unknown>, { total: number }>(`SELECT count(*) AS total ${from}`).get(params) as { total: number };
  return { rows, total };
}

// ── Duplicates ────────────────────────────────────────────────────────────

export interface ContactMatchRow {
  buyer_id: number;
  company: string;
  country: string;
  contact_name: string;
  phone: string;
  whatsapp: string;
  email: string;
}

/** Contacts of other buyers that share any of these phone numbers (as phone or WhatsApp) or emails. */
export function contactsSharing(db: Db, numbers: string[], emails: string[], excludeBuyerId: number | null): ContactMatchRow[] {
  if (numbers.length === 0 && emails.length === 0) return [];
  return db
    .prepare<{ numbers: string; emails: string; exclude: number }, ContactMatchRow>(
      `SELECT c.buyer_id, b.company, b.country, c.name AS contact_name, c.phone, c.whatsapp, c.email
         FROM contacts c JOIN buyers b ON b.id = c.buyer_id
        WHERE c.buyer_id <> @exclude
          AND (c.phone IN (SELECT value FROM json_each(@numbers))
               OR c.whatsapp IN (SELECT value FROM json_each(@numbers))
               OR (c.email <> '' AND c.email IN (SELECT value FROM json_each(@emails))))
        ORDER BY c.buyer_id, c.position`,
    )
    .all({ numbers: JSON.stringify(numbers), emails: JSON.stringify(emails), exclude: excludeBuyerId ?? 0 });
}

/** Buyers whose search text holds this folded company name as a field (exactness is checked by the caller). */
export function companyCandidates(db: Db, foldedCompany: string, excludeBuyerId: number | null): BuyerRow[] {
  return db
    .prepare<{ needle: string; exclude: number }, BuyerRow>(
      `SELECT b.* FROM buyers b JOIN buyer_search s ON s.buyer_id = b.id
        WHERE b.id <> @exclude AND instr(s.text, @needle) > 0 ORDER BY b.id LIMIT 20`,
    )
    .all({ needle: `|${foldedCompany}|`, exclude: excludeBuyerId ?? 0 });
}

// ── Merge ─────────────────────────────────────────────────────────────────

/**
 * Every column of every table that points at buyers(id), read from the schema,
 * so rows added by other areas (quotations, invoices) move on a merge without
 * this module knowing them. Tags, contacts and the search text are merged by
 * the service itself and are not listed.
 */
export function buyerReferences(db: Db): Array<{ table: string; column: string }> {
  return db
    .prepare<[], { table: string; column: string }>(
      `SELECT m.name AS "table", f."from" AS "column"
         FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table' AND f."table" = 'buyers'
          AND m.name NOT IN ('buyer_tags', 'contacts', 'buyer_search')
        ORDER BY m.name, f."from"`,
    )
    .all();
}

/** Moves the rows of one referencing table from one buyer to another; returns how many moved. */
export function moveReferences(db: Db, ref: { table: string; column: string }, fromId: number, toId: number): number {
  const table = ref.table.replace(/"/g, '""');
  const column = ref.column.replace(/"/g, '""');
  return db.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE "${column}" = ?`).run(toId, fromId).changes;
}

export function countReferences(db: Db, ref: { table: string; column: string }, buyerId: number): number {
  const table = ref.table.replace(/"/g, '""');
  const column = ref.column.replace(/"/g, '""');
  return (db.prepare(`SELECT count(*) AS n FROM "${table}" WHERE "${column}" = ?`).get(buyerId) as { n: number }).n;
}

export function moveTags(db: Db, fromId: number, toId: number): number {
  const moved = db
    .prepare('INSERT OR IGNORE INTO buyer_tags (buyer_id, tag) SELECT ?, tag FROM buyer_tags WHERE buyer_id = ?')
    .run(toId, fromId).changes;
  db.prepare('DELETE FROM buyer_tags WHERE buyer_id = ?').run(fromId);
  return moved;
}

export function insertMerge(
  db: Db,
  m: { buyer_id: number; merged_id: number; merged_company: string; merged_country: string; moved: Record<string, number>; merged_at: string },
): void {
  db.prepare(
    `INSERT INTO buyer_merges (buyer_id, merged_id, merged_company, merged_country, moved, merged_at)
     VALUES (@buyer_id, @merged_id, @merged_company, @merged_country, @moved, @merged_at)`,
  ).run({ ...m, moved: JSON.stringify(m.moved) });
}

export interface MergeRow {
  id: number;
  buyer_id: number;
  merged_id: number;
  merged_company: string;
  merged_country: string;
  moved: string;
  merged_at: string;
}

export function mergesOf(db: Db, buyerId: number): MergeRow[] {
  return db.prepare<[number], MergeRow>('SELECT * FROM buyer_merges WHERE buyer_id = ? ORDER BY merged_at DESC, id DESC').all(buyerId);
}

/** Buyers matched by company (folded, exact) and country: the natural key of an import. */
export function buyersByCountry(db: Db, country: string): BuyerRow[] {
  return db.prepare<[string], BuyerRow>('SELECT * FROM buyers WHERE country = ? ORDER BY id').all(country);
}

export function allBuyers(db: Db, countries?: string[]): BuyerRow[] {
  if (!countries) return db.prepare<[], BuyerRow>('SELECT * FROM buyers ORDER BY id').all();
  return db
    .prepare<[string], BuyerRow>('SELECT * FROM buyers WHERE country IN (SELECT value FROM json_each(?)) ORDER BY id')
    .all(JSON.stringify(countries));
}
