import { z } from 'zod';
import { because } from '../errors/validation';
import { m } from '../errors/apiError';
import { decimalInput } from '../money/schema';
import { isValidGtin } from './barcode';
import { countrySchema } from '../buyers/schema';

const text = (max: number) => z.string().trim().max(max);

export const namesSchema = z.strictObject({
  zh: text(300).optional(),
  en: text(300).optional(),
  ar: text(300).optional(),
  es: text(300).optional(),
  ru: text(300).optional(),
  fr: text(300).optional(),
  pt: text(300).optional(),
});

export const priceTierSchema = z.strictObject({
  minQty: z.number().int().min(1).max(100_000_000),
  /** CNY per unit, up to 4 decimals. */
  priceCny: decimalInput(4, { min: 0, max: 10_000_000 }),
});

export const packingSchema = z.strictObject({
  pcsPerInner: z.number().int().min(1).max(1_000_000).nullable().optional(),
  pcsPerCarton: z.number().int().min(1).max(1_000_000).nullable().optional(),
  /** Outer carton in centimetres, one decimal. */
  cartonCm: z
    .strictObject({
      l: decimalInput(1, { min: 0.1, max: 1000 }),
      w: decimalInput(1, { min: 0.1, max: 1000 }),
      h: decimalInput(1, { min: 0.1, max: 1000 }),
    })
    .nullable()
    .optional(),
  /** Gross and net weight of one carton in kg, three decimals. */
  gwKg: decimalInput(3, { min: 0, max: 10_000 }).nullable().optional(),
  nwKg: decimalInput(3, { min: 0, max: 10_000 }).nullable().optional(),
});

export const barcodeSchema = z
  .string()
  .transform((v) => v.normalize('NFKC').trim())
  .refine((v) => v === '' || isValidGtin(v), because(m('products.notValidEanUpc')));

/** Item numbers are text (leading zeros kept), trimmed; full-width characters from an input method become ASCII. */
export const itemNoSchema = z
  .string()
  .transform((v) => v.normalize('NFKC').trim())
  .pipe(z.string().min(1).max(40));

/** Every field of a product as the API takes it; on update, omitted fields keep their value. */
export const productFieldsSchema = z.strictObject({
  itemNo: itemNoSchema,
  names: namesSchema,
  category: text(80).optional(),
  material: text(120).optional(),
  colors: text(300).optional(),
  sizes: text(300).optional(),
  unit: z.string().trim().min(1).max(20).optional(),
  moq: z.number().int().min(0).max(100_000_000).optional(),
  /** Owner only: never printed on a document. */
  costCny: decimalInput(4, { min: 0, max: 10_000_000 }).nullable().optional(),
  priceTiers: z
    .array(priceTierSchema)
    .max(12)
    .refine((tiers) => new Set(tiers.map((t) => t.minQty)).size === tiers.length, because(m('products.twoTiersHaveSame')))
    .optional(),
  packing: packingSchema.optional(),
  barcode: barcodeSchema.optional(),
  /** The supplier's name as typed (linked to the supplier of that name, made if new). */
  supplier: text(200).optional(),
  /** The supplier record (suppliers.list); null unlinks. Wins over `supplier` when both are given. */
  supplierId: z.number().int().positive().nullable().optional(),
  /** The factory's own item no. */
  supplierItemNo: text(60).optional(),
  hsCode: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{4}(\.?\d{2}){0,3}$/.test(v), because(m('products.notHsCodeDigits')))
    .optional(),
  /** Country of origin, ISO 3166-1 alpha-2 (printed "Made in China" for CN, the default); '' not stated. */
  origin: z.union([z.literal(''), countrySchema]).optional(),
  notes: text(2000).optional(),
  lowStockAt: z.number().int().min(0).max(100_000_000).nullable().optional(),
  archived: z.boolean().optional(),
});

export const productCreateSchema = productFieldsSchema.refine(
  (p) => Boolean(p.names.zh || p.names.en),
  { ...because(m('products.giveProductChineseEnglish2')), path: ['names'] },
);

export const productUpdateSchema = z.strictObject({
  id: z.number().int().positive(),
  changes: productFieldsSchema.partial(),
});

export const productDuplicateSchema = z.strictObject({
  id: z.number().int().positive(),
  /** The new product's item no. */
  itemNo: itemNoSchema,
  /** Fields that differ from the original (the new colour, its names…). */
  changes: productFieldsSchema.omit({ itemNo: true }).partial().optional(),
  /** Copy the original's photos (default true). */
  copyPhotos: z.boolean().optional(),
});

export const productSearchSchema = z.strictObject({
  query: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
  category: z.string().max(80).optional(),
  inStock: z.boolean().optional(),
  /** active (default), archived or all. */
  status: z.enum(['active', 'archived', 'all']).optional(),
});

export type ProductCreate = z.output<typeof productCreateSchema>;
export type ProductChanges = z.output<typeof productUpdateSchema>['changes'];
