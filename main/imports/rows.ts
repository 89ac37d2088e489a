import type { z } from 'zod';
import { isMessage, m, type Message } from '../errors/apiError';
import { reasonFor } from '../errors/validation';
import { DecimalError, toScaled } from '../money/decimal';
import { productFieldsSchema, type ProductChanges } from '../products/schema';
import type { ColumnDef } from './columns';
import { fastFields } from './fastCheck';

/** One problem of one row: `row N: field: reason`. */
export interface RowProblem {
  /** Data row, counted from 1 under the header; null for the file as a whole. */
  row: number | null;
  /** Canonical column name (or "file", "photo <name>"). */
  field: string;
  reason: Message;
}

/** What one row asks for, before it is merged with the stored product. */
export interface RowChanges {
  itemNo: string;
  changes: ProductChanges;
  /** price_cny alone: the first tier's price (merged with the stored tiers). */
  firstTierPrice?: number | null;
  /** stock_qty: set on hand to this (null: no change). */
  stockQty: number | null;
}

const partialFields = productFieldsSchema.partial();
type ChangesInput = z.input<typeof partialFields>;

const CURRENCY = /^(?:¥|￥|rmb|cny)\s*|\s*(?:元|rmb|cny)$/gi;

const PLAIN = /^\d+(\.\d+)?$/;

/** "1,440" is a thousands separator; "2,35" is a decimal comma we refuse rather than misread. */
function plainNumber(raw: string, unit?: RegExp): string | Message {
  if (PLAIN.test(raw)) return raw;
  let text = raw.normalize('NFKC').trim().replace(CURRENCY, '');
  if (unit) text = text.replace(unit, '').trim();
  if (/^[+-]?\d+(\.\d+)?e[+-]?\d+$/i.test(text)) {
    return m('imports.scientificNotationFormatColumn', { raw });
  }
  if (text.includes(',')) {
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return text.replace(/,/g, '');
    return m('imports.useDotDecimalsNot', { raw });
  }
  text = text.replace(/(?<=\d)[ \u00a0](?=\d{3}\b)/g, '');
  return text;
}

function parseInt(raw: string): number | Message {
  if (/^\d{1,15}$/.test(raw)) return Number(raw);
  const text = plainNumber(raw);
  if (typeof text !== 'string') return text;
  const whole = /^(\d+)(?:\.0+)?$/.exec(text);
  if (!whole) {
    if (/^-\d/.test(text)) return m('imports.mustNotNegative');
    return m('imports.notWholeNumber', { raw });
  }
  const n = Number(whole[1]);
  if (!Number.isSafeInteger(n)) return m('imports.tooLarge');
  return n;
}

function parseDecimal(raw: string, scale: number, unit?: RegExp): string | Message {
  const text = plainNumber(raw, unit);
  if (typeof text !== 'string') return text;
  // Plain decimals are checked by the schema (decimal places, range); others are checked here.
  if (text === raw && PLAIN.test(raw)) return raw;
  try {
    toScaled(text, scale);
  } catch (error) {
    if (error instanceof DecimalError && error.message.startsWith('has more than')) {
      return m('imports.moreDecimalPlaces', { scale });
    }
    return m('imports.notNumber', { raw });
  }
  return text;
}

const YES = new Set(['yes', 'y', 'true', '1', '是', '已下架', 'archived', 'x']);
const NO = new Set(['no', 'n', 'false', '0', '否', '']);

function parseBool(raw: string): boolean | Message {
  const text = raw.normalize('NFKC').trim().toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return m('imports.notYesNo', { raw });
}

/** "288:2.35; 1440:2.23" (also = instead of :, and ; | or new lines between tiers). */
function parseTiers(raw: string): Array<{ minQty: number; priceCny: string }> | Message {
  const parts = raw
    .normalize('NFKC')
    .split(/[;|\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const tiers: Array<{ minQty: number; priceCny: string }> = [];
  for (const part of parts) {
    const tier = /^([^:=]+)[:=](.+)$/.exec(part);
    if (!tier) return m('imports.notMinQtyPrice', { part });
    const qty = parseInt(tier[1] as string);
    if (typeof qty !== 'number') return qty;
    const price = parseDecimal(tier[2] as string, 4);
    if (typeof price !== 'string') return price;
    tiers.push({ minQty: qty, priceCny: price });
  }
  return tiers;
}

/** "62*40*45.5", "62x40x45.5 cm", "62×40×45.5". */
function parseDims(raw: string): { l: string; w: string; h: string } | Message {
  const parts = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/cm/g, '')
    .split(/\s*[x×*]\s*/)
    .map((p) => p.trim());
  if (parts.length !== 3 || parts.some((p) => p === '')) {
    return m('imports.notLWH', { raw });
  }
  const out: string[] = [];
  for (const p of parts) {
    const v = parseDecimal(p, 1);
    if (typeof v !== 'string') return v;
    out.push(v);
  }
  return { l: out[0] as string, w: out[1] as string, h: out[2] as string };
}

const NAME_COLUMNS: Record<string, 'zh' | 'en' | 'ar' | 'es' | 'ru' | 'fr' | 'pt'> = {
  name_zh: 'zh', name_en: 'en', name_ar: 'ar', name_es: 'es', name_ru: 'ru', name_fr: 'fr', name_pt: 'pt',
};

const TEXT_FIELDS: Record<string, 'category' | 'material' | 'colors' | 'sizes' | 'supplier' | 'hsCode' | 'notes' | 'barcode'> = {
  category: 'category', material: 'material', color: 'colors', size: 'sizes', supplier: 'supplier', hs_code: 'hsCode', notes: 'notes', barcode: 'barcode',
};

/** The API field path of a zod issue → the file's column. */
export function columnOfPath(path: string, present: Set<string>): string {
  if (path === 'itemNo') return 'item_no';
  if (path.startsWith('names.')) return `name_${path.slice(6)}`;
  if (path === 'names') return present.has('name_zh') || !present.has('name_en') ? 'name_zh' : 'name_en';
  if (path.startsWith('priceTiers')) return present.has('price_tiers') ? 'price_tiers' : 'price_cny';
  if (path.startsWith('packing.cartonCm')) {
    const side = path.split('.')[2];
    if (present.has('carton_cm')) return 'carton_cm';
    return side ? `carton_${side}_cm` : 'carton_l_cm';
  }
  const direct: Record<string, string> = {
    'packing.pcsPerInner': 'pcs_per_inner', 'packing.pcsPerCarton': 'pcs_per_carton', 'packing.gwKg': 'gw_kg', 'packing.nwKg': 'nw_kg',
    colors: 'color', sizes: 'size', costCny: 'cost_cny', hsCode: 'hs_code', lowStockAt: 'low_stock_at', moq: 'moq', unit: 'unit',
  };
  return direct[path] ?? path;
}

/**
 * Turns one data row into the product changes it asks for. A column in the
 * file sets its field (an empty cell clears it; unit and MOQ fall back to pcs
 * and 1; stock_qty empty means no change); a column not in the file leaves the
 * field as it is. Problems are returned, one per field.
 */
export function rowToChanges(row: number, cells: string[], mapping: Array<ColumnDef | null>, problems: RowProblem[]): RowChanges | null {
  const before = problems.length;
  const fail = (field: string, reason: Message) => problems.push({ row, field, reason });
  const cell = new Map<string, string>();
  mapping.forEach((column, i) => {
    if (column && !column.derived) cell.set(column.name, cells[i] ?? '');
  });
  const present = new Set(cell.keys());
  const rawItem = cell.get('item_no') ?? '';
  const itemNo = (/^[\x20-\x7e]*$/.test(rawItem) ? rawItem : rawItem.normalize('NFKC')).trim();
  if (itemNo === '') fail('item_no', m('imports.itemNoEmpty'));

  const changes: ChangesInput = {};
  const names: NonNullable<ChangesInput['names']> = {};
  for (const [column, lang] of Object.entries(NAME_COLUMNS)) {
    const v = cell.get(column);
    if (v !== undefined) names[lang] = v;
  }
  if (Object.keys(names).length) changes.names = names;
  for (const [column, field] of Object.entries(TEXT_FIELDS)) {
    const v = cell.get(column);
    if (v !== undefined) changes[field] = v;
  }
  const unit = cell.get('unit');
  if (unit !== undefined) changes.unit = unit.trim() === '' ? 'pcs' : unit;

  const int = (column: string): number | null | undefined => {
    const v = cell.get(column);
    if (v === undefined) return undefined;
    if (v.trim() === '') return null;
    const n = parseInt(v);
    if (typeof n === 'number') return n;
    fail(column, n);
    return undefined;
  };
  const dec = (column: string, scale: number, unitText?: RegExp): string | null | undefined => {
    const v = cell.get(column);
    if (v === undefined) return undefined;
    if (v.trim() === '') return null;
    const d = parseDecimal(v, scale, unitText);
    if (typeof d === 'string') return d;
    fail(column, d);
    return undefined;
  };

  const moq = int('moq');
  if (moq !== undefined) changes.moq = moq ?? 1;
  const low = int('low_stock_at');
  if (low !== undefined) changes.lowStockAt = low;
  const cost = dec('cost_cny', 4);
  if (cost !== undefined) changes.costCny = cost;

  const packing: NonNullable<ChangesInput['packing']> = {};
  const inner = int('pcs_per_inner');
  if (inner !== undefined) packing.pcsPerInner = inner;
  const carton = int('pcs_per_carton');
  if (carton !== undefined) packing.pcsPerCarton = carton;
  const gw = dec('gw_kg', 3, /kgs?$/i);
  if (gw !== undefined) packing.gwKg = gw;
  const nw = dec('nw_kg', 3, /kgs?$/i);
  if (nw !== undefined) packing.nwKg = nw;
  const sides = ['carton_l_cm', 'carton_w_cm', 'carton_h_cm'].map((c) => dec(c, 1, /cm$/i));
  if (present.has('carton_l_cm') || present.has('carton_w_cm') || present.has('carton_h_cm')) {
    const [l, w, h] = sides;
    if (l === null && w === null && h === null) packing.cartonCm = null;
    else if (typeof l === 'string' && typeof w === 'string' && typeof h === 'string') packing.cartonCm = { l, w, h };
    else if (!sides.includes(undefined)) {
      ['carton_l_cm', 'carton_w_cm', 'carton_h_cm'].forEach((c, i) => {
        if (sides[i] === null) fail(c, m('imports.emptyGiveAllThree'));
      });
    }
  }
  const dims = cell.get('carton_cm');
  if (dims !== undefined) {
    if (dims.trim() === '') packing.cartonCm = null;
    else {
      const d = parseDims(dims);
      if (isMessage(d)) fail('carton_cm', d);
      else packing.cartonCm = d;
    }
  }
  if (Object.keys(packing).length) changes.packing = packing;

  const archived = cell.get('archived');
  if (archived !== undefined) {
    const b = parseBool(archived);
    if (typeof b === 'boolean') changes.archived = b;
    else fail('archived', b);
  }

  let firstTierPrice: number | null | undefined;
  const tiersText = cell.get('price_tiers');
  const price = dec('price_cny', 4);
  if (tiersText !== undefined && tiersText.trim() !== '') {
    const tiers = parseTiers(tiersText);
    if (isMessage(tiers)) fail('price_tiers', tiers);
    else {
      changes.priceTiers = tiers;
      const first = [...tiers].sort((a, b) => a.minQty - b.minQty)[0];
      if (typeof price === 'string' && first && toScaled(price, 4) !== toScaled(first.priceCny, 4)) {
        fail('price_cny', m('imports.differsFirstTierPrice', { price, priceCny: first.priceCny }));
      }
    }
  } else if (price !== undefined) {
    if (price === null) changes.priceTiers = [];
    else {
      firstTierPrice = toScaled(price, 4);
      // Validated like any tier price (range, decimals).
      changes.priceTiers = [{ minQty: 1, priceCny: price }];
    }
  } else if (tiersText !== undefined) {
    changes.priceTiers = [];
  }

  const stock = int('stock_qty');

  const input = { ...changes, ...(itemNo ? { itemNo } : {}) };
  // The common case, a valid row, skips zod; zod decides (and explains) the rest.
  const fast = problems.length === before ? fastFields(input) : null;
  const parsed = fast ? ({ success: true, data: fast } as const) : partialFields.safeParse(input);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = columnOfPath(issue.path.map(String).join('.'), present);
      if (seen.has(field)) continue;
      seen.add(field);
      const raw = issue as unknown as Parameters<typeof reasonFor>[0];
      fail(field, reasonFor(raw));
    }
  }
  if (problems.length > before || !parsed.success) return null;
  const out: RowChanges = { itemNo: parsed.data.itemNo as string, changes: parsed.data, stockQty: stock ?? null };
  if (firstTierPrice !== undefined) {
    out.firstTierPrice = firstTierPrice;
    delete out.changes.priceTiers;
  }
  return out;
}
