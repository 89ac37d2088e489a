import { Conditions } from './conditions';
import type { NameColumns, PackingColumns } from './rowColumns';
import type { Db } from './open';
import { cached } from './statements';

export type QuoteStatusText = 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired' | 'superseded';

export interface QuoteRow {
  id: number;
  year: number;
  seq: number;
  number: string;
  revision: number;
  supersedes_id: number | null;
  buyer_id: number;
  quote_date: string;
  validity_days: number;
  valid_until: string;
  currency: string;
  rate_e8: number;
  price_decimals: number;
  incoterm: string;
  incoterm_place: string;
  payment_terms: string;
  deposit_percent: number;
  delivery_time: string;
  notes: string;
  shipping_marks: string;
  discount_kind: 'none' | 'percent' | 'amount';
  discount_e4: number;
  port_of_loading: string;
  port_of_destination: string;
  /** 1 allowed, 0 not allowed, null not stated. */
  partial_shipment: 0 | 1 | null;
  transshipment: 0 | 1 | null;
  /** Insurance basis for CIF/CIP, percent of the invoice value (110). */
  insurance_percent: number | null;
  balance_rule: string;
  balance_days: number | null;
  status: QuoteStatusText;
  seller_snapshot: string | null;
  buyer_snapshot: string | null;
  line_count: number;
  amount_e4: number;
  grand_total_e4: number;
  cartons: number;
  cbm_e3: number;
  sent_at: string | null;
  accepted_at: string | null;
  rejected_at: string | null;
  reject_reason: string;
  expired_at: string | null;
  superseded_at: string | null;
  created_at: string;
  updated_at: string;
}

/** The terms of a quotation that staff edit (everything but numbering, status and totals). */
export type QuoteTermsWrite = Pick<
  QuoteRow,
  'buyer_id' | 'quote_date' | 'validity_days' | 'valid_until' | 'currency' | 'rate_e8' | 'price_decimals' | 'incoterm' | 'incoterm_place' | 'payment_terms' | 'deposit_percent' | 'delivery_time' | 'notes' | 'shipping_marks' | 'discount_kind' | 'discount_e4' | 'port_of_loading' | 'port_of_destination' | 'partial_shipment' | 'transshipment' | 'insurance_percent' | 'balance_rule' | 'balance_days'
>;

export interface QuoteTotalsWrite {
  line_count: number;
  amount_e4: number;
  grand_total_e4: number;
  cartons: number;
  cbm_e3: number;
}

export interface QuoteLineRow extends NameColumns, PackingColumns {
  id: number;
  quote_id: number;
  position: number;
  product_id: number | null;
  item_no: string;
  cover_image: string | null;
  unit: string;
  moq: number;
  colors: string;
  material: string;
  sizes: string;
  hs_code: string;
  /** ISO alpha-2; '' on lines quoted before origins were recorded. */
  origin_country: string;
  barcode: string;
  /** JSON: [{ minQty, priceCnyE4 }] */
  price_tiers: string;
  qty: number;
  unit_price_e4: number;
  typed_price_e4: number | null;
  typed_currency: string | null;
  typed_rate_e8: number | null;
  note: string;
}

export type QuoteLineWrite = Omit<QuoteLineRow, 'id' | 'quote_id'>;

export interface QuoteChargeRow {
  id: number;
  quote_id: number;
  position: number;
  kind: string;
  description: string;
  amount_e4: number;
}

export type QuoteChargeWrite = Omit<QuoteChargeRow, 'id' | 'quote_id'>;

const TERMS_COLUMNS = [
  'buyer_id', 'quote_date', 'validity_days', 'valid_until', 'currency', 'rate_e8', 'price_decimals', 'incoterm',
  'incoterm_place', 'payment_terms', 'deposit_percent', 'delivery_time', 'notes', 'shipping_marks', 'discount_kind',
  'discount_e4', 'port_of_loading', 'port_of_destination', 'partial_shipment', 'transshipment', 'insurance_percent',
  'balance_rule', 'balance_days',
] as const;

const LINE_COLUMNS = [
  'position', 'product_id', 'item_no', 'name_zh', 'name_en', 'name_ar', 'name_es', 'name_ru', 'name_fr', 'name_pt',
  'cover_image', 'unit', 'moq', 'colors', 'material', 'sizes', 'hs_code', 'origin_country', 'barcode', 'pcs_per_inner', 'pcs_per_carton',
  'carton_l_mm', 'carton_w_mm', 'carton_h_mm', 'gw_g', 'nw_g', 'price_tiers', 'qty', 'unit_price_e4', 'typed_price_e4',
  'typed_currency', 'typed_rate_e8', 'note',
] as const satisfies ReadonlyArray<keyof QuoteLineWrite>;

export { LINE_COLUMNS };

/**
 * The next sequence number of the year's quotations (revisions share their
 * first one's). A deleted draft's number counts too: it is never given again.
 */
export function nextQuoteSeq(db: Db, year: number): number {
  const row = cached<[{ year: number }], { seq: number | null }>(
    db,
    `SELECT MAX(seq) AS seq FROM (
       SELECT seq FROM quotes WHERE year = @year
       UNION ALL
       SELECT seq FROM deleted_quotes WHERE year = @year)`,
  ).get({ year });
  return (row?.seq ?? 0) + 1;
}

/**
 * Deletes a quotation that never left the stall (its lines and charges cascade)
 * and keeps its number in deleted_quotes. The lines' triggers allow changes to a
 * draft only, so an expired draft is made a draft again first (same transaction).
 */
export function deleteDraftQuote(db: Db, row: QuoteRow, buyerCompany: string, now: string): void {
  cached(
    db,
    `INSERT INTO deleted_quotes (quote_id, year, seq, revision, number, buyer_id, buyer_company, grand_total_e4, currency, line_count, deleted_at)
     VALUES (@quote_id, @year, @seq, @revision, @number, @buyer_id, @buyer_company, @grand_total_e4, @currency, @line_count, @now)`,
  ).run({
    quote_id: row.id, year: row.year, seq: row.seq, revision: row.revision, number: row.number, buyer_id: row.buyer_id, buyer_company: buyerCompany,
    grand_total_e4: row.grand_total_e4, currency: row.currency, line_count: row.line_count, now,
  });
  cached(db, "UPDATE quotes SET status = 'draft' WHERE id = ? AND sent_at IS NULL AND status = 'expired'").run(row.id);
  cached(db, "DELETE FROM quotes WHERE id = ? AND status = 'draft'").run(row.id);
}

export interface DeletedQuoteRow {
  quote_id: number;
  number: string;
  revision: number;
  buyer_id: number | null;
  buyer_company: string;
  grand_total_e4: number;
  currency: string;
  line_count: number;
  deleted_at: string;
}

/** Deleted drafts, the latest first. */
export function deletedQuotes(db: Db, limit: number, offset: number): { rows: DeletedQuoteRow[]; total: number } {
  const rows = cached<[number, number], DeletedQuoteRow>(
    db,
    `SELECT quote_id, number, revision, buyer_id, buyer_company, grand_total_e4, currency, line_count, deleted_at
       FROM deleted_quotes ORDER BY deleted_at DESC, quote_id DESC LIMIT ? OFFSET ?`,
  ).all(limit, offset);
  const total = cached<[], { n: number }>(db, 'SELECT count(*) AS n FROM deleted_quotes').get()?.n ?? 0;
  return { rows, total };
}

/** Gives a superseded revision back the status it had before it was revised, when its newer draft is deleted. */
export function unsupersede(db: Db, id: number, now: string): void {
  cached(
    db,
    `UPDATE quotes
        SET status = CASE WHEN rejected_at IS NOT NULL THEN 'rejected'
                          WHEN accepted_at IS NOT NULL THEN 'accepted'
                          WHEN expired_at IS NOT NULL THEN 'expired'
                          ELSE 'sent' END,
            superseded_at = NULL, updated_at = @now
      WHERE id = @id AND status = 'superseded'`,
  ).run({ id, now });
}

export function insertQuote(
  db: Db,
  q: QuoteTermsWrite & { year: number; seq: number; number: string; revision: number; supersedes_id: number | null },
  now: string,
): number {
  const columns = ['year', 'seq', 'number', 'revision', 'supersedes_id', ...TERMS_COLUMNS];
  // The id is past every id ever given, a deleted draft's included: a screen still
  // open on a deleted draft (another device) must not reach a new quotation.
  const info = cached(db, 
      `INSERT INTO quotes (id, ${columns.join(', ')}, status, created_at, updated_at)
       VALUES ((SELECT COALESCE(MAX(m), 0) + 1 FROM (SELECT MAX(id) AS m FROM quotes UNION ALL SELECT MAX(quote_id) FROM deleted_quotes)),
               ${columns.map((c) => `@${c}`).join(', ')}, 'draft', @now, @now)`,
    )
    .run({ ...q, now });
  return Number(info.lastInsertRowid);
}

export function updateQuoteTerms(db: Db, id: number, terms: QuoteTermsWrite, now: string): void {
  cached(db, `UPDATE quotes SET ${TERMS_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`).run({
    ...terms,
    id,
    now,
  });
}

export function updateQuoteTotals(db: Db, id: number, totals: QuoteTotalsWrite): void {
  cached(db, 
    `UPDATE quotes SET line_count = @line_count, amount_e4 = @amount_e4, grand_total_e4 = @grand_total_e4,
            cartons = @cartons, cbm_e3 = @cbm_e3 WHERE id = @id`,
  ).run({ ...totals, id });
}

export interface StatusChange {
  status: QuoteStatusText;
  sent_at?: string;
  accepted_at?: string;
  rejected_at?: string;
  reject_reason?: string;
  expired_at?: string;
  superseded_at?: string;
  seller_snapshot?: string;
  buyer_snapshot?: string;
}

const STATUS_COLUMNS = [
  'sent_at', 'accepted_at', 'rejected_at', 'reject_reason', 'expired_at', 'superseded_at', 'seller_snapshot', 'buyer_snapshot',
] as const;

export function setQuoteStatus(db: Db, id: number, change: StatusChange, now: string): void {
  const keys = STATUS_COLUMNS.filter((c) => change[c] !== undefined);
  const sets = ['status = @status', ...keys.map((k) => `${k} = @${k}`), 'updated_at = @now'].join(', ');
  const params: Record<string, unknown> = { id, now, status: change.status };
  for (const k of keys) params[k] = change[k];
  cached(db, `UPDATE quotes SET ${sets} WHERE id = @id`).run(params);
}

/** Marks every draft or sent quotation whose validity ended before `today` as expired; returns how many. */
export function expireDue(db: Db, today: string, now: string): number {
  return cached(db, 
      `UPDATE quotes SET status = 'expired', expired_at = @now, updated_at = @now
        WHERE status IN ('draft', 'sent') AND valid_until < @today`,
    )
    .run({ today, now }).changes;
}

/** Stores one quotation's expiry with the time it was first shown expired (see main/quotes/service.ts effective()). */
export function expireQuoteAt(db: Db, id: number, today: string, at: string): number {
  return cached(db,
      `UPDATE quotes SET status = 'expired', expired_at = @at, updated_at = @at
        WHERE id = @id AND status IN ('draft', 'sent') AND valid_until < @today`,
    )
    .run({ id, today, at }).changes;
}

export function getQuote(db: Db, id: number): QuoteRow | undefined {
  return cached<[number], QuoteRow>(db, 'SELECT * FROM quotes WHERE id = ?').get(id);
}

/** By number; the latest revision unless one is named. */
export function getQuoteByNumber(db: Db, number: string, revision?: number): QuoteRow | undefined {
  if (revision !== undefined) {
    return cached<[string, number], QuoteRow>(db, 'SELECT * FROM quotes WHERE number = ? COLLATE NOCASE AND revision = ?').get(number, revision);
  }
  return cached<[string], QuoteRow>(db, 'SELECT * FROM quotes WHERE number = ? COLLATE NOCASE ORDER BY revision DESC LIMIT 1')
    .get(number);
}

export function supersededBy(db: Db, id: number): QuoteRow | undefined {
  return cached<[number], QuoteRow>(db, 'SELECT * FROM quotes WHERE supersedes_id = ?').get(id);
}

/** The highest revision a quotation has had, a deleted draft's included (its "-R2" is never given again). */
export function latestRevision(db: Db, year: number, seq: number): number {
  const row = cached<[{ year: number; seq: number }], { revision: number | null }>(
    db,
    `SELECT MAX(revision) AS revision FROM (
       SELECT revision FROM quotes WHERE year = @year AND seq = @seq
       UNION ALL
       SELECT revision FROM deleted_quotes WHERE year = @year AND seq = @seq)`,
  ).get({ year, seq });
  return row?.revision ?? 0;
}

export function linesOf(db: Db, quoteId: number): QuoteLineRow[] {
  return cached<[number], QuoteLineRow>(db, 'SELECT * FROM quote_lines WHERE quote_id = ? ORDER BY position, id').all(quoteId);
}

export function chargesOf(db: Db, quoteId: number): QuoteChargeRow[] {
  return cached<[number], QuoteChargeRow>(db, 'SELECT * FROM quote_charges WHERE quote_id = ? ORDER BY position, id').all(quoteId);
}

export function insertLine(db: Db, quoteId: number, line: QuoteLineWrite): number {
  const info = cached(db, 
      `INSERT INTO quote_lines (quote_id, ${LINE_COLUMNS.join(', ')})
       VALUES (@quote_id, ${LINE_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    )
    .run({ ...line, quote_id: quoteId });
  return Number(info.lastInsertRowid);
}

export function updateLine(db: Db, id: number, line: QuoteLineWrite): void {
  cached(db, `UPDATE quote_lines SET ${LINE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...line, id });
}

export function deleteLines(db: Db, ids: number[]): void {
  if (ids.length === 0) return;
  cached(db, 'DELETE FROM quote_lines WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
}

export function replaceCharges(db: Db, quoteId: number, charges: QuoteChargeWrite[]): void {
  cached(db, 'DELETE FROM quote_charges WHERE quote_id = ?').run(quoteId);
  const insert = cached(db, 
    `INSERT INTO quote_charges (quote_id, position, kind, description, amount_e4)
     VALUES (@quote_id, @position, @kind, @description, @amount_e4)`,
  );
  for (const c of charges) insert.run({ ...c, quote_id: quoteId });
}

export interface QuoteListFilter {
  statuses?: string[] | undefined;
  /** Today's date: a draft or sent quotation valid until before it counts as expired (nothing stored is changed). */
  today?: string | undefined;
  buyerId?: number | undefined;
  country?: string | undefined;
  /** Matches the number or the buyer's company. */
  search?: string | undefined;
  /** Only the latest revision of each quotation. */
  latestOnly?: boolean | undefined;
  limit: number;
  offset: number;
}

export interface QuoteListRow extends QuoteRow {
  buyer_company: string;
  buyer_country: string;
  invoice_id: number | null;
  invoice_number: string | null;
  invoice_status: string | null;
}

export function listQuotes(db: Db, filter: QuoteListFilter): { rows: QuoteListRow[]; total: number } {
  // With today, a draft or sent quotation past its date counts as expired.
  const status = filter.today ? `(CASE WHEN q.status IN ('draft', 'sent') AND q.valid_until < @today THEN 'expired' ELSE q.status END)` : 'q.status';
  const conditions = new Conditions({ limit: filter.limit, offset: filter.offset }).when(filter.statuses, 'statuses', `${status} IN (SELECT value FROM json_each(@statuses))`);
  if (filter.statuses?.length && filter.today) conditions.params.today = filter.today;
  const { params, where: clause } = conditions
    .when(filter.buyerId, 'buyerId', 'q.buyer_id = @buyerId')
    .when(filter.country, 'country', 'b.country = @country')
    .search(filter.search, ['q.number', 'b.company'])
    .add('NOT EXISTS (SELECT 1 FROM quotes n WHERE n.supersedes_id = q.id)', filter.latestOnly === true);
  const base = 'FROM quotes q JOIN buyers b ON b.id = q.buyer_id';
  const rows = cached<Record<string, unknown>, QuoteListRow>(db, 
      `SELECT q.*, b.company AS buyer_company, b.country AS buyer_country,
              i.id AS invoice_id, i.number AS invoice_number, i.status AS invoice_status
         ${base}
         LEFT JOIN invoices i ON i.id = (SELECT MAX(id) FROM invoices WHERE quote_id = q.id)
         ${clause}
        ORDER BY q.quote_date DESC, q.year DESC, q.seq DESC, q.revision DESC
        LIMIT @limit OFFSET @offset`,
    )
    .all(params);
  const { total } = cached<Record<string, unknown>, { total: number }>(db, `SELECT count(*) AS total ${base} ${clause}`).get(params) as { total: number };
  return { rows, total };
}

/** A product by its barcode (archived ones too: a scan names exactly one product). */
export function productIdByBarcode(db: Db, barcode: string): number | undefined {
  return cached<[string], { id: number }>(db, "SELECT id FROM products WHERE barcode <> '' AND barcode = ? ORDER BY archived, id LIMIT 1").get(barcode)?.id;
}

export interface QuoteSettingsRow {
  price_decimals: number;
  updated_at: string | null;
}

export interface ContainerRow {
  code: string;
  position: number;
  capacity_cbm_e3: number;
  payload_kg: number;
}

export function getQuoteSettings(db: Db): QuoteSettingsRow {
  return cached<[], QuoteSettingsRow>(db, 'SELECT price_decimals, updated_at FROM quote_settings WHERE id = 1').get() as QuoteSettingsRow;
}

export function setPriceDecimals(db: Db, decimals: number, now: string): void {
  cached(db, 'UPDATE quote_settings SET price_decimals = ?, updated_at = ? WHERE id = 1').run(decimals, now);
}

export function containerTypes(db: Db): ContainerRow[] {
  return cached<[], ContainerRow>(db, 'SELECT * FROM container_types ORDER BY position, code').all();
}

export function replaceContainerTypes(db: Db, rows: ContainerRow[]): void {
  cached(db, 'DELETE FROM container_types').run();
  const insert = cached(db, 
    'INSERT INTO container_types (code, position, capacity_cbm_e3, payload_kg) VALUES (@code, @position, @capacity_cbm_e3, @payload_kg)',
  );
  for (const r of rows) insert.run(r);
}
