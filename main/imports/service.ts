import path from 'node:path';
import sharp from 'sharp';
import type { Core } from '../core';
import { AppError, type Locale, type Message } from '../api/errors';
import * as q from '../../db/products';
import { insertImage } from '../../db/images';
import { stockSummary, insertMove } from '../../db/stock';
import { storeImage, type StoredImage } from '../files/imageStore';
import { applyChanges, checkConsistency, emptyWrite, tiersToRows } from '../products/service';
import { refreshSearchIndex } from '../products/searchIndex';
import { asciiLower } from '../products/searchText';
import { COLUMN_BY_NAME, columnForHeader, type ColumnDef } from './columns';
import { readSheet, type SheetData } from './readFile';
import { columnOfPath, rowToChanges, type RowProblem } from './rows';

/** Photos to attach by file name: 00123.jpg is the cover of item 00123, 00123-2.jpg its second photo. */
export interface PhotoSource {
  names: string[];
  read: (name: string) => Promise<Buffer>;
}

export interface ImportOptions {
  fileName: string;
  bytes: Buffer;
  /** Manual mapping: for each column of the file, the canonical column it holds, or null to ignore it. */
  columns?: Array<string | null> | undefined;
  skipInvalid?: boolean | undefined;
  dryRun?: boolean | undefined;
  photos?: PhotoSource | undefined;
  /** The owner may import cost prices; for anyone else a cost column is refused. */
  owner: boolean;
  progress?: (line: string) => void;
}

export type RowAction = 'create' | 'update' | 'unchanged' | 'invalid';

export interface ImportReport {
  fileName: string;
  format: SheetData['format'];
  delimiter?: string | undefined;
  encoding?: string | undefined;
  /** How each column of the file was read. */
  columns: Array<{ index: number; header: string; field: string | null; auto: boolean }>;
  /** Data rows with any content. */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  stockMovements: number;
  photoFiles: number;
  productsWithNewPhotos: number;
  problems: RowProblem[];
  warnings: RowProblem[];
  /** False when nothing was written: a dry run, or invalid rows without skipInvalid. */
  written: boolean;
  dryRun: boolean;
  /** The first rows as read, with what the import does with each. */
  preview: Array<{ row: number; itemNo: string; action: RowAction; cells: string[] }>;
}

const PREVIEW_ROWS = 50;
const IMAGE_EXT = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.avif', '.tif', '.tiff']);

/** `row N: field: reason` (or `field: reason` for the file as a whole), in one language. */
export function problemText(p: RowProblem, locale: Locale): string {
  if (locale === 'zh') return p.row === null ? `${p.field}：${p.reason.zh}` : `第 ${p.row} 行：${p.field}：${p.reason.zh}`;
  return p.row === null ? `${p.field}: ${p.reason.en}` : `row ${p.row}: ${p.field}: ${p.reason.en}`;
}

interface Mapping {
  columns: Array<ColumnDef | null>;
  report: ImportReport['columns'];
  problems: RowProblem[];
  warnings: RowProblem[];
}

function fileProblem(field: string, en: string, zh: string): RowProblem {
  return { row: null, field, reason: { en, zh } };
}

/** Which canonical column each column of the file holds: by header, or as mapped by hand. */
export function mapColumns(headers: string[], manual: Array<string | null> | undefined, owner: boolean): Mapping {
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  if (manual && manual.length !== headers.length) {
    problems.push(fileProblem('columns', `the mapping has ${manual.length} entries but the file has ${headers.length} columns`, `映射有 ${manual.length} 项，但文件有 ${headers.length} 列`));
  }
  const columns = headers.map((header, i): ColumnDef | null => {
    if (manual && manual.length === headers.length) {
      const name = manual[i];
      if (name === null || name === undefined || name === '') return null;
      const column = COLUMN_BY_NAME.get(name);
      if (!column) problems.push(fileProblem(`columns.${i}`, `"${name}" is not a column name`, `“${name}” 不是列名`));
      return column ?? null;
    }
    if (header === '') return null;
    return columnForHeader(header);
  });
  const report = headers.map((header, i) => ({ index: i, header, field: columns[i]?.name ?? null, auto: !manual }));
  const seen = new Map<string, number>();
  columns.forEach((column, i) => {
    const header = headers[i] as string;
    if (!column) {
      if (header !== '') warnings.push(fileProblem(header, 'not a known column; ignored', '不是已知的列，已忽略'));
      return;
    }
    if (column.ownerOnly && !owner) problems.push(fileProblem(column.name, 'only the owner may import cost prices', '只有店主可以导入成本价'));
    const first = seen.get(column.name);
    if (first !== undefined) {
      problems.push(fileProblem(column.name, `two columns mean the same field ("${headers[first]}" and "${header}")`, `两列表示同一字段（“${headers[first]}” 和 “${header}”）`));
    } else seen.set(column.name, i);
  });
  if (!seen.has('item_no')) problems.push(fileProblem('item_no', 'no column holds the item no (货号)', '没有货号列（item_no）'));
  const sides = ['carton_l_cm', 'carton_w_cm', 'carton_h_cm'].filter((c) => seen.has(c));
  if (sides.length > 0 && sides.length < 3) {
    problems.push(fileProblem('carton_l_cm', 'the carton size needs three columns: carton_l_cm, carton_w_cm and carton_h_cm', '外箱尺寸需要长、宽、高三列'));
  }
  if (sides.length > 0 && seen.has('carton_cm')) {
    problems.push(fileProblem('carton_cm', 'the carton size is given twice (carton_cm and carton_l/w/h_cm)', '外箱尺寸重复（carton_cm 与长宽高列）'));
  }
  return { columns, report, problems, warnings };
}

interface PlannedRow {
  row: number;
  itemNo: string;
  key: string;
  existing: q.ProductRow | undefined;
  write: q.ProductWrite;
  tiers: Array<{ min_qty: number; price_cny_e4: number }>;
  fieldsChanged: boolean;
  tiersChanged: boolean;
  stock: { kind: 'opening' | 'adjust'; qty: number; delta: number } | null;
}

interface Plan {
  rows: PlannedRow[];
  actions: Map<number, RowAction>;
  problems: RowProblem[];
  nonEmpty: number;
}

const WRITE_KEYS = Object.keys(emptyWrite('x')) as Array<keyof q.ProductWrite>;

function sameTiers(a: PlannedRow['tiers'], b: PlannedRow['tiers']): boolean {
  return a.length === b.length && a.every((t, i) => t.min_qty === b[i]?.min_qty && t.price_cny_e4 === b[i]?.price_cny_e4);
}

/** Validates every row against the file and the stored catalog, and works out what each row changes. Reads only. */
function plan(core: Core, sheet: SheetData, mapping: Mapping): Plan {
  const problems: RowProblem[] = [];
  const actions = new Map<number, RowAction>();
  const parsed: Array<{ row: number; changes: NonNullable<ReturnType<typeof rowToChanges>> }> = [];
  const firstRow = new Map<string, number>();
  let nonEmpty = 0;
  sheet.rows.forEach((cells, i) => {
    const row = i + 1;
    if (cells.every((c) => c.trim() === '')) return;
    nonEmpty += 1;
    const before = problems.length;
    const changes = rowToChanges(row, cells, mapping.columns, problems);
    if (changes) {
      const key = asciiLower(changes.itemNo);
      const first = firstRow.get(key);
      if (first !== undefined) {
        problems.push({ row, field: 'item_no', reason: { en: `${changes.itemNo} is also on row ${first}`, zh: `${changes.itemNo} 与第 ${first} 行重复` } });
      } else {
        firstRow.set(key, row);
        parsed.push({ row, changes });
      }
    }
    if (problems.length > before) actions.set(row, 'invalid');
  });

  const existing = new Map(q.productsByItemNos(core.db, parsed.map((p) => p.changes.itemNo)).map((r) => [asciiLower(r.item_no), r]));
  const ids = [...existing.values()].map((r) => r.id);
  const tiersById = new Map<number, PlannedRow['tiers']>();
  for (const t of q.priceTiersFor(core.db, ids)) {
    const list = tiersById.get(t.product_id) ?? [];
    list.push({ min_qty: t.min_qty, price_cny_e4: t.price_cny_e4 });
    tiersById.set(t.product_id, list);
  }
  const stockById = new Map(stockSummary(core.db, ids).map((s) => [s.product_id, s]));

  const rows: PlannedRow[] = [];
  for (const { row, changes: rc } of parsed) {
    const key = asciiLower(rc.itemNo);
    const stored = existing.get(key);
    let base: q.ProductWrite;
    const changes = { ...rc.changes };
    if (stored) {
      const { id: _id, created_at: _c, updated_at: _u, ...rest } = stored;
      base = rest;
      delete changes.itemNo; // an item no differing only in case is the same item
    } else base = emptyWrite(rc.itemNo);
    const write = applyChanges(base, changes);
    try {
      checkConsistency(write);
    } catch (error) {
      if (!(error instanceof AppError) || !error.field) throw error;
      const present = new Set(mapping.columns.filter((c): c is ColumnDef => c !== null).map((c) => c.name));
      const field = columnOfPath(error.field, present);
      const prefix = `${error.field}: `;
      const zhPrefix = `${error.field}：`;
      problems.push({
        row,
        field,
        reason: { en: error.localized.en.replace(prefix, ''), zh: error.localized.zh.replace(zhPrefix, '') },
      });
      actions.set(row, 'invalid');
      continue;
    }
    const storedTiers = stored ? (tiersById.get(stored.id) ?? []) : [];
    let tiers = storedTiers;
    if (changes.priceTiers !== undefined) tiers = tiersToRows(changes.priceTiers);
    else if (rc.firstTierPrice !== undefined && rc.firstTierPrice !== null) {
      const price = rc.firstTierPrice;
      tiers = storedTiers.length
        ? storedTiers.map((t, i) => (i === 0 ? { ...t, price_cny_e4: price } : t))
        : [{ min_qty: Math.max(write.moq, 1), price_cny_e4: price }];
    }
    const fieldsChanged = !stored || WRITE_KEYS.some((k) => write[k] !== stored[k]);
    const tiersChanged = !sameTiers(tiers, storedTiers);
    let stock: PlannedRow['stock'] = null;
    if (rc.stockQty !== null) {
      const s = stored ? stockById.get(stored.id) : undefined;
      const onHand = s?.on_hand ?? 0;
      if (!s || s.moves === 0) {
        if (rc.stockQty > 0) stock = { kind: 'opening', qty: rc.stockQty, delta: rc.stockQty };
      } else if (rc.stockQty !== onHand) stock = { kind: 'adjust', qty: rc.stockQty, delta: rc.stockQty - onHand };
    }
    rows.push({ row, itemNo: stored?.item_no ?? rc.itemNo, key, existing: stored, write, tiers, fieldsChanged, tiersChanged, stock });
    actions.set(row, !stored ? 'create' : fieldsChanged || tiersChanged || stock ? 'update' : 'unchanged');
  }
  return { rows, actions, problems, nonEmpty };
}

/** Photo files by product key (lower-cased item no), ordered: the plain name first, then -2, -3… */
function matchPhotos(names: string[], known: Set<string>, warnings: RowProblem[]): Map<string, string[]> {
  const found = new Map<string, Array<{ n: number; name: string }>>();
  for (const name of names) {
    const ext = path.extname(name).toLowerCase();
    if (!IMAGE_EXT.has(ext)) continue;
    const base = asciiLower(path.basename(name, path.extname(name)).normalize('NFKC').trim());
    let key = base;
    let n = 1;
    if (!known.has(base)) {
      const m = /^(.*?)[-_ ](\d{1,3})$/.exec(base);
      if (m && known.has(m[1] as string)) {
        key = m[1] as string;
        n = Number(m[2]);
      } else {
        warnings.push({ row: null, field: `photo ${name}`, reason: { en: 'no product has this item no; ignored', zh: '没有此货号的产品，已忽略' } });
        continue;
      }
    }
    const list = found.get(key) ?? [];
    list.push({ n, name });
    found.set(key, list);
  }
  return new Map([...found].map(([key, list]) => [key, list.sort((a, b) => a.n - b.n || a.name.localeCompare(b.name)).map((f) => f.name)]));
}

function reportOf(options: ImportOptions, sheet: SheetData, mapping: Mapping, p: Plan | null, extra: Partial<ImportReport>): ImportReport {
  const actions = p?.actions ?? new Map<number, RowAction>();
  const count = (a: RowAction) => [...actions.values()].filter((v) => v === a).length;
  const itemCol = mapping.columns.findIndex((c) => c?.name === 'item_no');
  const preview: ImportReport['preview'] = [];
  for (let i = 0; i < sheet.rows.length && preview.length < PREVIEW_ROWS; i += 1) {
    const cells = sheet.rows[i] as string[];
    if (cells.every((c) => c.trim() === '')) continue;
    preview.push({ row: i + 1, itemNo: itemCol >= 0 ? (cells[itemCol] ?? '').trim() : '', action: actions.get(i + 1) ?? 'invalid', cells: sheet.headers.map((_, c) => cells[c] ?? '') });
  }
  return {
    fileName: options.fileName,
    format: sheet.format,
    delimiter: sheet.delimiter,
    encoding: sheet.encoding,
    columns: mapping.report,
    rows: p?.nonEmpty ?? sheet.rows.filter((r) => r.some((c) => c.trim() !== '')).length,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    invalid: count('invalid'),
    stockMovements: p?.rows.filter((r) => r.stock).length ?? 0,
    photoFiles: 0,
    productsWithNewPhotos: 0,
    problems: [...mapping.problems, ...(p?.problems ?? [])],
    warnings: mapping.warnings,
    written: false,
    dryRun: Boolean(options.dryRun),
    preview,
    ...extra,
  };
}

/** Writes a plan: inserts, updates, stock movements and photos. Runs inside the caller's transaction. */
function apply(core: Core, p: Plan, reference: string, photos: Map<string, StoredImage[]>): { photosChanged: Set<string> } {
  const now = core.now().toISOString();
  const ids = new Map<string, number>();
  for (const r of p.rows) {
    let id = r.existing?.id;
    if (id === undefined) {
      id = q.insertProduct(core.db, r.write, now);
    } else if (r.fieldsChanged) {
      q.updateProduct(core.db, id, r.write, now);
    }
    if (r.tiersChanged || !r.existing) q.replacePriceTiers(core.db, id, r.tiers);
    if (r.stock) {
      insertMove(core.db, {
        product_id: id,
        kind: r.stock.kind === 'opening' ? 'receive' : 'adjust',
        on_hand_delta: r.stock.delta,
        reserved_delta: 0,
        moved_at: now,
        reference,
        reason: r.stock.kind === 'opening' ? 'opening' : 'stock count (import)',
        note: '',
      });
    }
    ids.set(r.key, id);
  }
  const photosChanged = new Set<string>();
  if (photos.size) {
    const missing = [...photos.keys()].filter((k) => !ids.has(k));
    for (const row of q.productsByItemNos(core.db, missing)) ids.set(asciiLower(row.item_no), row.id);
    const current = new Map<number, string[]>();
    const photoIds = [...photos.keys()].map((k) => ids.get(k)).filter((id): id is number => id !== undefined);
    for (const ph of q.photosFor(core.db, photoIds)) current.set(ph.product_id, [...(current.get(ph.product_id) ?? []), ph.image_hash]);
    for (const [key, images] of photos) {
      const id = ids.get(key);
      if (id === undefined) continue;
      for (const image of images) insertImage(core.db, image);
      const hashes = [...new Set(images.map((i) => i.hash))];
      const before = current.get(id) ?? [];
      if (hashes.length !== before.length || hashes.some((h, i) => h !== before[i])) {
        q.replacePhotos(core.db, id, hashes);
        photosChanged.add(key);
      }
    }
  }
  refreshSearchIndex(core);
  return { photosChanged };
}

function blocking(p: Plan | null, mapping: Mapping, skipInvalid: boolean): boolean {
  if (mapping.problems.length) return true;
  return Boolean(p && p.problems.length && !skipInvalid);
}

/**
 * Imports a CSV or XLSX product file: every row is validated first; by default
 * nothing is written when any row is invalid (skipInvalid writes the valid
 * ones). Rows are upserted by item no in one transaction, with stock_qty as an
 * opening or adjusting movement and photos from file names; a row equal to
 * the stored product changes nothing.
 */
export async function importProducts(core: Core, options: ImportOptions): Promise<ImportReport> {
  const sheet = await readSheet(options.fileName, options.bytes);
  const mapping = mapColumns(sheet.headers, options.columns, options.owner);
  const skip = Boolean(options.skipInvalid);
  const reference = `import ${path.basename(options.fileName)}`.slice(0, 80);
  if (mapping.problems.length) return reportOf(options, sheet, mapping, null, {});

  if (!options.photos) {
    if (options.dryRun) return reportOf(options, sheet, mapping, plan(core, sheet, mapping), {});
    return core.db
      .transaction(() => {
        const p = plan(core, sheet, mapping);
        if (blocking(p, mapping, skip)) return reportOf(options, sheet, mapping, p, {});
        apply(core, p, reference, new Map());
        return reportOf(options, sheet, mapping, p, { written: true });
      })
      .immediate();
  }

  // With photos: plan, read the photos (async), then plan again and write in one transaction.
  const first = plan(core, sheet, mapping);
  if (blocking(first, mapping, skip)) return reportOf(options, sheet, mapping, first, {});
  const known = new Set(first.rows.map((r) => r.key));
  const bases = options.photos.names.map((n) => asciiLower(path.basename(n, path.extname(n)).normalize('NFKC').trim()));
  const candidates = [...new Set(bases.flatMap((b) => [b, b.replace(/[-_ ]\d{1,3}$/, '')]))];
  for (const row of q.productsByItemNos(core.db, candidates)) known.add(asciiLower(row.item_no));
  const warnings = [...mapping.warnings];
  const matched = matchPhotos(options.photos.names, known, warnings);
  const photoProblems: RowProblem[] = [];
  const stored = new Map<string, StoredImage[]>();
  let done = 0;
  const total = [...matched.values()].reduce((n, l) => n + l.length, 0);
  for (const [key, names] of matched) {
    const images: StoredImage[] = [];
    for (const name of names) {
      const field = `photo ${name}`;
      try {
        const bytes = await options.photos.read(name);
        if (options.dryRun) await sharp(bytes).metadata();
        else images.push(await storeImage(core.paths.photos, bytes, 'photo', field));
      } catch (error) {
        const reason: Message = error instanceof AppError
          ? { en: error.localized.en.replace(`${field}: `, ''), zh: error.localized.zh.replace(`${field}：`, '') }
          : { en: 'is not an image file that can be read', zh: '不是可读取的图片文件' };
        photoProblems.push({ row: null, field, reason });
      }
      done += 1;
      if (options.progress && done % 100 === 0) options.progress(`photos: ${done}/${total}`);
    }
    if (images.length) stored.set(key, images);
  }
  const withPhotos = (p: Plan, extra: Partial<ImportReport>) =>
    reportOf(options, sheet, { ...mapping, warnings }, { ...p, problems: [...p.problems, ...photoProblems] }, { photoFiles: total, ...extra });
  if (photoProblems.length && !skip) return withPhotos(first, {});
  if (options.dryRun) return withPhotos(first, { productsWithNewPhotos: matched.size });
  return core.db
    .transaction(() => {
      const p = plan(core, sheet, mapping);
      if (blocking(p, mapping, skip)) return withPhotos(p, {});
      const { photosChanged } = apply(core, p, reference, stored);
      // A row whose only change is its photos counts as updated.
      for (const r of p.rows) if (p.actions.get(r.row) === 'unchanged' && photosChanged.has(r.key)) p.actions.set(r.row, 'update');
      return withPhotos(p, { written: true, productsWithNewPhotos: photosChanged.size });
    })
    .immediate();
}

