import { z } from 'zod';
import { because } from '../errors/validation';
import { m } from '../errors/apiError';

const productId = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);
const qty = z.number().int().min(1).max(100_000_000);

/** When the goods moved: an ISO date-time, not more than a day ahead (default: now). */
export const movedAtSchema = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)), because(m('stock.notDateTimeIso')))
  .transform((v) => new Date(v).toISOString());

export const receiveSchema = z.strictObject({
  productId,
  /** Pieces received (the product's unit). */
  qty,
  /** Delivery note, factory or container. */
  reference: text(80).optional(),
  note: text(500).optional(),
  movedAt: movedAtSchema.optional(),
});

export const adjustSchema = z.strictObject({
  productId,
  /** Signed: + found, − broken or lost. */
  qty: z
    .number()
    .int()
    .min(-100_000_000)
    .max(100_000_000)
    .refine((v) => v !== 0, because(m('stock.mustNot'))),
  reason: z.string().trim().min(1).max(120),
  note: text(500).optional(),
  movedAt: movedAtSchema.optional(),
});

export const countSchema = z.strictObject({
  productId,
  /** Pieces counted on the shelf: on hand becomes this. */
  counted: z.number().int().min(0).max(100_000_000),
  reason: text(120).optional(),
  note: text(500).optional(),
  movedAt: movedAtSchema.optional(),
});

export const MOVE_KINDS = ['receive', 'adjust', 'reserve', 'release', 'ship'] as const;

export const historySchema = z.strictObject({
  productId: productId.optional(),
  kinds: z.array(z.enum(MOVE_KINDS)).max(5).optional(),
  from: movedAtSchema.optional(),
  to: movedAtSchema.optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});

export const lowStockSchema = z.strictObject({
  category: z.string().max(80).optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});

export const thresholdSchema = z.strictObject({
  productId,
  /** Alert when available stock is at or below this; null: no alert. */
  lowStockAt: z.number().int().min(0).max(100_000_000).nullable(),
});
