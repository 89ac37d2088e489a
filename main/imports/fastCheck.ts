import type { z } from 'zod';
import { DecimalError, toScaled } from '../money/decimal';
import { isValidGtin } from '../products/barcode';
import type { productFieldsSchema, ProductChanges } from '../products/schema';

type ChangesInput = Partial<z.input<typeof productFieldsSchema>>;

/**
 * The product schema's rules (main/products/schema.ts) for the values an
 * import row produces, without zod's overhead: an import of 100,000 rows spends
 * most of its time in zod otherwise. It answers only "valid, and this is what
 * the schema would output" or "not sure": a row it does not accept goes
 * through the schema itself, which then gives the messages. A property test
 * (tests/unit/import-fast-check.test.ts) checks that whatever it accepts, the
 * schema accepts with the same output.
 */
export function fastFields(input: ChangesInput): ProductChanges | null {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const v = FIELD[key]?.(value);
    if (v === NO) return null;
    out[key] = v;
  }
  return out as ProductChanges;
}

const NO = Symbol('no');
const PLAIN = /^(\d{1,11})(?:\.(\d+))?$/;
const ASCII = /^[\x20-\x7e]*$/;
const nfkc = (s: string) => (ASCII.test(s) ? s : s.normalize('NFKC'));
type Check = (v: unknown) => unknown;

const text = (max: number, min = 0): Check => (v) => {
  if (typeof v !== 'string') return NO;
  const t = v.trim();
  return t.length <= max && t.length >= min ? t : NO;
};
const int = (min: number, max: number, nullable = false): Check => (v) => {
  if (v === null) return nullable ? null : NO;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max ? v : NO;
};
const decimal = (scale: number, min: number, max: number, nullable = false): Check => (v) => {
  if (v === null) return nullable ? null : NO;
  if (typeof v !== 'string' && typeof v !== 'number') return NO;
  if (typeof v === 'string' && v.length > 40) return NO;
  let scaled: number;
  const m = typeof v === 'string' ? PLAIN.exec(v) : null;
  if (m) {
    // Plain "123.45": exact in doubles at these sizes, and much cheaper than toScaled.
    const fraction = (m[2] ?? '').replace(/0+$/, '');
    if (fraction.length > scale) return NO;
    scaled = Number(m[1]) * 10 ** scale + Number(fraction.padEnd(scale, '0') || '0');
  } else {
    try {
      scaled = toScaled(v, scale);
    } catch (error) {
      if (error instanceof DecimalError) return NO;
      throw error;
    }
  }
  const f = 10 ** scale;
  return scaled >= min * f && scaled <= max * f ? scaled : NO;
};
const NAME_KEYS = new Set(['zh', 'en', 'ar', 'es', 'ru', 'fr', 'pt']);
const name = text(300);
const cm = decimal(1, 0.1, 1000);

const FIELD: Record<string, Check> = {
  itemNo: (v) => {
    if (typeof v !== 'string') return NO;
    const t = nfkc(v).trim();
    return t.length >= 1 && t.length <= 40 ? t : NO;
  },
  names: (v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return NO;
    const out: Record<string, string> = {};
    for (const [lang, n] of Object.entries(v)) {
      if (n === undefined) continue;
      if (!NAME_KEYS.has(lang)) return NO;
      const t = name(n);
      if (t === NO) return NO;
      out[lang] = t as string;
    }
    return out;
  },
  category: text(80),
  material: text(120),
  colors: text(300),
  sizes: text(300),
  unit: text(20, 1),
  moq: int(0, 100_000_000),
  costCny: decimal(4, 0, 10_000_000, true),
  priceTiers: (v) => {
    if (!Array.isArray(v) || v.length > 12) return NO;
    const seen = new Set<number>();
    const out: Array<{ minQty: number; priceCny: number }> = [];
    for (const t of v as Array<Record<string, unknown>>) {
      if (!t || typeof t !== 'object' || Object.keys(t).some((k) => k !== 'minQty' && k !== 'priceCny')) return NO;
      const minQty = int(1, 100_000_000)(t.minQty);
      const priceCny = decimal(4, 0, 10_000_000)(t.priceCny);
      if (minQty === NO || priceCny === NO || seen.has(minQty as number)) return NO;
      seen.add(minQty as number);
      out.push({ minQty: minQty as number, priceCny: priceCny as number });
    }
    return out;
  },
  packing: (v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return NO;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
      if (value === undefined) continue;
      let r: unknown;
      if (key === 'pcsPerInner' || key === 'pcsPerCarton') r = int(1, 1_000_000, true)(value);
      else if (key === 'gwKg' || key === 'nwKg') r = decimal(3, 0, 10_000, true)(value);
      else if (key === 'cartonCm') {
        if (value === null) r = null;
        else if (typeof value !== 'object' || Array.isArray(value)) r = NO;
        else {
          const c = value as Record<string, unknown>;
          const keys = Object.keys(c);
          const l = cm(c.l);
          const w = cm(c.w);
          const h = cm(c.h);
          r = keys.length !== 3 || l === NO || w === NO || h === NO ? NO : { l, w, h };
        }
      } else r = NO;
      if (r === NO) return NO;
      out[key] = r;
    }
    return out;
  },
  barcode: (v) => {
    if (typeof v !== 'string') return NO;
    const t = nfkc(v).trim();
    return t === '' || isValidGtin(t) ? t : NO;
  },
  supplier: text(200),
  hsCode: (v) => {
    if (typeof v !== 'string') return NO;
    const t = v.trim();
    return t === '' || /^\d{4}(\.?\d{2}){0,3}$/.test(t) ? t : NO;
  },
  notes: text(2000),
  lowStockAt: int(0, 100_000_000, true),
  archived: (v) => (typeof v === 'boolean' ? v : NO),
};
