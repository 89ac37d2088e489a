import path from 'node:path';
import sharp from 'sharp';
import type { Core } from '../core';
import { AppError, m, translate, type Locale, type Message } from '../errors/apiError';
import { rowProblemMessage } from '../csv/rowProblem';
import * as q from '../../db/products';
import { insertImage } from '../../db/images';
import { insertMove, stockOf } from '../../db/stock';
import { linkSupplierByName } from '../../db/suppliers';
import { getOrMake } from '../collections/getOrMake';
import { storeImage, type StoredImage } from '../files/imageStore';
import { applyChanges, checkConsistency, emptyWrite, tiersToRows } from '../products/service';
import { refreshSearchIndex } from '../products/searchIndex';
import { asciiLower, searchDoc, type SearchDoc } from '../products/searchText';
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
  /**
   * Called every ROWS_PER_STEP rows inside the import's transaction with how
   * many rows are done; throwing from it (a cancelled import) rolls the whole
   * import back.
   */
  onRows?: (done: number, total: number) => void;
}

/** How often onRows is called. */
export const ROWS_PER_STEP = 500;

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
  return translate(rowProblemMessage(p.row, p.field, p.reason), locale);
}

interface Mapping {
  columns: Array<ColumnDef | null>;
  report: ImportReport['columns'];
  problems: RowProblem[];
  warnings: RowProblem[];
}

function fileProblem(field: string, reason: Message): RowProblem {
  return { row: null, field, reason };
}

/** Which canonical column each column of the file holds: by header, or as mapped by hand. */
export function mapColumns(headers: string[], manual: Array<string | null> | undefined, owner: boolean): Mapping {
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  if (manual && manual.length !== headers.length) {
    problems.push(fileProblem('columns', m('imports.mappingEntriesButFile', { entries: manual.length, columns: headers.length })));
  }
  const columns = headers.map((header, i): ColumnDef | null => {
    if (manual && manual.length === headers.length) {
      const name = manual[i];
      if (name === null || name === undefined || name === '') return null;
      const column = COLUMN_BY_NAME.get(name);
      if (!column) problems.push(fileProblem(`columns.${i}`, m('imports.notColumnName', { name })));
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
      if (header !== '') warnings.push(fileProblem(header, m('imports.notKnownColumnIgnored')));
      return;
    }
    if (column.ownerOnly && !owner) problems.push(fileProblem(column.name, m('imports.onlyOwnerMayImport')));
    const first = seen.get(column.name);
    if (first !== undefined) {
      problems.push(fileProblem(column.name, m('imports.twoColumnsMeanSame', { first: headers[first] ?? '', header })));
    } else seen.set(column.name, i);
  });
  if (!seen.has('item_no')) problems.push(fileProblem('item_no', m('imports.noColumnHoldsItem')));
  const sides = ['carton_l_cm', 'carton_w_cm', 'carton_h_cm'].filter((c) => seen.has(c));
  if (sides.length > 0 && sides.length < 3) {
    problems.push(fileProblem('carton_l_cm', m('imports.cartonSizeNeedsThree')));
  }
  if (sides.length > 0 && seen.has('carton_cm')) {
    problems.push(fileProblem('carton_cm', m('imports.cartonSizeGivenTwice')));
  }
  return { columns, report, problems, warnings };
}

const WRITE_KEYS = Object.keys(emptyWrite('x')) as Array<keyof q.ProductWrite>;

type Tiers = Array<{ min_qty: number; price_cny_e4: number }>;

function sameTiers(a: Tiers, b: Tiers): boolean {
  return a.length === b.length && a.every((t, i) => t.min_qty === b[i]?.min_qty && t.price_cny_e4 === b[i]?.price_cny_e4);
}

const ACTION_CODES: RowAction[] = ['invalid', 'create', 'update', 'unchanged'];

/** What a pass over the rows found (and, when writing, did). */
interface Pass {
  /** Per data row (index = row − 1): 0 empty or invalid, 1 create, 2 update, 3 unchanged. */
  actions: Uint8Array;
  problems: RowProblem[];
  nonEmpty: number;
  stockMovements: number;
  /** Item-no keys of the valid rows → product id (when written). */
  ids: Map<string, number>;
  /** Item-no key → its data row. */
  rowOf: Map<string, number>;
}



/**
 * Validates every row against the file and the stored catalog and writes each
 * valid one as it goes: create, update, or nothing when it equals what is
 * stored; stock_qty through an opening or adjusting movement; the search row.
 * Runs inside the caller's transaction, which rolls everything back when the
 * import must not be written (invalid rows, dry run).
 */
function processRows(core: Core, sheet: SheetData, mapping: Mapping, reference: string, onRows?: ImportOptions['onRows']): Pass {
  const db = core.db;
  const now = core.now().toISOString();
  const problems: RowProblem[] = [];
  const actions = new Uint8Array(sheet.rows.length);
  const firstRow = new Map<string, number>();
  const ids = new Map<string, number>();
  const present = new Set(mapping.columns.filter((c): c is ColumnDef => c !== null).map((c) => c.name));
  let docs: Array<{ id: number; fresh: boolean; doc: SearchDoc }> = [];
  const flush = () => {
    if (docs.length) q.writeSearchDocs(db, docs);
    docs = [];
  };
  // Supplier names resolved once per import (a catalog names a few hundred factories across its rows).
  const supplierIds = new Map<string, number | null>();
  const supplierIdOf = (name: string): number | null => getOrMake(supplierIds, name, () => linkSupplierByName(db, name));
  let nonEmpty = 0;
  let stockMovements = 0;
  sheet.rows.forEach((cells, i) => {
    const row = i + 1;
    if (onRows && i % ROWS_PER_STEP === 0) onRows(i, sheet.rows.length);
    if (cells.every((c) => c.trim() === '')) return;
    nonEmpty += 1;
    const counts = sheet.fieldCounts;
    const fields = counts?.rows[i];
    if (counts && fields !== undefined && fields !== counts.header) {
      problems.push({ row, field: '', reason: m('imports.fieldsHeader', { fields, header: counts.header }) });
      return;
    }
    const rc = rowToChanges(row, cells, mapping.columns, problems);
    if (!rc) return;
    const key = asciiLower(rc.itemNo);
    const first = firstRow.get(key);
    if (first !== undefined) {
      problems.push({ row, field: 'item_no', reason: m('imports.alsoRow', { itemNo: rc.itemNo, first }) });
      return;
    }
    firstRow.set(key, row);

    const stored = q.getProductByItemNoCached(db, rc.itemNo);
    const changes = { ...rc.changes };
    let base: q.ProductWrite;
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
      problems.push({
        row,
        field: columnOfPath(error.field, present),
        reason: error.reason,
      });
      return;
    }
    // The supplier link written with the row, as the link trigger would make it (db/suppliers.ts).
    if (!stored || write.supplier !== stored.supplier) write.supplier_id = supplierIdOf(write.supplier);
    const storedTiers = stored ? q.tiersOf(db, stored.id) : [];
    let tiers = storedTiers;
    if (changes.priceTiers !== undefined) tiers = tiersToRows(changes.priceTiers);
    else if (rc.firstTierPrice !== undefined && rc.firstTierPrice !== null) {
      const price = rc.firstTierPrice;
      tiers = storedTiers.length
        ? storedTiers.map((t, k) => (k === 0 ? { ...t, price_cny_e4: price } : t))
        : [{ min_qty: Math.max(write.moq, 1), price_cny_e4: price }];
    }
    const fieldsChanged = !stored || WRITE_KEYS.some((k) => write[k] !== stored[k]);
    const tiersChanged = !sameTiers(tiers, storedTiers);

    let id: number;
    if (!stored) {
      id = q.insertProduct(db, write, now);
      q.replacePriceTiers(db, id, tiers);
      docs.push({ id, fresh: true, doc: searchDoc(write) });
    } else {
      id = stored.id;
      if (fieldsChanged) {
        q.updateProduct(db, id, write, now);
        docs.push({ id, fresh: false, doc: searchDoc(write) });
      }
      if (tiersChanged) q.replacePriceTiers(db, id, tiers);
    }
    let moved = false;
    if (rc.stockQty !== null) {
      const s = stored ? stockOf(db, id) : undefined;
      const opening = !s || s.moves === 0;
      const kind = opening ? 'receive' : 'adjust';
      const delta = opening ? rc.stockQty : rc.stockQty - s.on_hand;
      if (delta !== 0) {
        insertMove(db, {
          product_id: id, kind, on_hand_delta: delta, reserved_delta: 0, moved_at: now, reference,
          reason: kind === 'receive' ? 'opening' : 'stock count (import)', note: '',
        });
        stockMovements += 1;
        moved = true;
      }
    }
    ids.set(key, id);
    actions[i] = !stored ? 1 : fieldsChanged || tiersChanged || moved ? 2 : 3;
  });
  // Search rows last, all together: FTS5 flushes its buffer to disk at every
  // statement savepoint (each products insert makes one, for its trigger), so
  // writing them between inserts would make many small index segments.
  flush();
  return { actions, problems, nonEmpty, stockMovements, ids, rowOf: firstRow };
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
      const numbered = /^(.*?)[-_ ](\d{1,3})$/.exec(base);
      if (numbered && known.has(numbered[1] as string)) {
        key = numbered[1] as string;
        n = Number(numbered[2]);
      } else {
        warnings.push({ row: null, field: `photo ${name}`, reason: m('imports.noProductItemNo') });
        continue;
      }
    }
    const list = found.get(key) ?? [];
    list.push({ n, name });
    found.set(key, list);
  }
  return new Map([...found].map(([key, list]) => [key, list.sort((a, b) => a.n - b.n || a.name.localeCompare(b.name)).map((f) => f.name)]));
}

function reportOf(options: ImportOptions, sheet: SheetData, mapping: Mapping, pass: Pass | null, extra: Partial<ImportReport>): ImportReport {
  const counts = [0, 0, 0, 0];
  if (pass) for (const a of pass.actions) counts[a] = (counts[a] ?? 0) + 1;
  const itemCol = mapping.columns.findIndex((c) => c?.name === 'item_no');
  const preview: ImportReport['preview'] = [];
  for (let i = 0; i < sheet.rows.length && preview.length < PREVIEW_ROWS; i += 1) {
    const cells = sheet.rows[i] as string[];
    if (cells.every((c) => c.trim() === '')) continue;
    preview.push({
      row: i + 1,
      itemNo: itemCol >= 0 ? (cells[itemCol] ?? '').trim() : '',
      action: ACTION_CODES[pass?.actions[i] ?? 0] as RowAction,
      cells: sheet.headers.map((_, c) => cells[c] ?? ''),
    });
  }
  const nonEmpty = pass?.nonEmpty ?? sheet.rows.filter((r) => r.some((c) => c.trim() !== '')).length;
  return {
    fileName: options.fileName,
    format: sheet.format,
    delimiter: sheet.delimiter,
    encoding: sheet.encoding,
    columns: mapping.report,
    rows: nonEmpty,
    created: counts[1] as number,
    updated: counts[2] as number,
    unchanged: counts[3] as number,
    invalid: pass ? nonEmpty - (counts[1] as number) - (counts[2] as number) - (counts[3] as number) : 0,
    stockMovements: pass?.stockMovements ?? 0,
    photoFiles: 0,
    productsWithNewPhotos: 0,
    problems: [...mapping.problems, ...(pass?.problems ?? [])],
    warnings: mapping.warnings,
    written: false,
    dryRun: Boolean(options.dryRun),
    preview,
    ...extra,
  };
}

/** Sets the photos of products (by item-no key); returns the keys whose photos changed. */
function attachPhotos(core: Core, ids: Map<string, number>, photos: Map<string, StoredImage[]>): Set<string> {
  const changed = new Set<string>();
  if (!photos.size) return changed;
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
      changed.add(key);
    }
  }
  return changed;
}

async function checkImage(bytes: Buffer, field: string): Promise<void> {
  try {
    const meta = await sharp(bytes).metadata();
    if (!meta.width || !meta.height) throw new Error('no size');
  } catch {
    throw new AppError('invalid_input', m('imports.notImageFileRead', { field }), field);
  }
}

/** Thrown inside the import transaction to undo it while keeping the report. */
class Undo extends Error {
  constructor(readonly report: ImportReport) {
    super('import undone');
  }
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

  // Photos are read and stored first (async; content-addressed files only), then linked in the transaction.
  const warnings = [...mapping.warnings];
  const photoProblems: RowProblem[] = [];
  const stored = new Map<string, StoredImage[]>();
  let photoFiles = 0;
  if (options.photos) {
    const itemCol = mapping.columns.findIndex((c) => c?.name === 'item_no');
    const known = new Set(sheet.rows.map((r) => asciiLower((r[itemCol] ?? '').normalize('NFKC').trim())).filter(Boolean));
    const bases = options.photos.names.map((n) => asciiLower(path.basename(n, path.extname(n)).normalize('NFKC').trim()));
    const candidates = [...new Set(bases.flatMap((b) => [b, b.replace(/[-_ ]\d{1,3}$/, '')]))];
    for (const row of q.productsByItemNos(core.db, candidates)) known.add(asciiLower(row.item_no));
    const matched = matchPhotos(options.photos.names, known, warnings);
    photoFiles = [...matched.values()].reduce((n, l) => n + l.length, 0);
    let done = 0;
    for (const [key, names] of matched) {
      const images: StoredImage[] = [];
      for (const name of names) {
        const field = `photo ${name}`;
        try {
          const bytes = await options.photos.read(name);
          // A dry run only checks the file is an image; nothing is stored.
          if (options.dryRun) await checkImage(bytes, field);
          else images.push(await storeImage(core.paths.photos, bytes, 'photo', field));
        } catch (error) {
          const reason: Message = error instanceof AppError ? error.reason : m('imports.photoNotReadable');
          photoProblems.push({ row: null, field, reason });
        }
        done += 1;
        if (options.progress && done % 100 === 0) options.progress(`photos: ${done}/${photoFiles}`);
      }
      if (images.length) stored.set(key, images);
    }
  }

  try {
    return core.db
      .transaction(() => {
        const pass = processRows(core, sheet, { ...mapping, warnings }, reference, options.onRows);
        options.onRows?.(sheet.rows.length, sheet.rows.length);
        pass.problems.push(...photoProblems);
        const changed = attachPhotos(core, pass.ids, stored);
        // A row whose only change is its photos counts as updated.
        for (const key of changed) {
          const row = pass.rowOf.get(key);
          if (row !== undefined && pass.actions[row - 1] === 3) pass.actions[row - 1] = 2;
        }
        refreshSearchIndex(core);
        const report = reportOf(options, sheet, { ...mapping, warnings }, pass, { photoFiles, productsWithNewPhotos: changed.size });
        if (options.dryRun || (pass.problems.length && !skip)) throw new Undo(report);
        return { ...report, written: true };
      })
      .immediate();
  } catch (error) {
    if (error instanceof Undo) return error.report;
    throw error;
  }
}

