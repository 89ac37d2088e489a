import { z } from 'zod';
import { decimalInput } from '../money/schema';
import { AMOUNT_SCALE } from '../money/amounts';
import { dateInput } from '../rates/schema';
import { PAYMENT_METHODS } from '../invoices/types';
import { PURCHASE_STATUSES } from './types';

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);

/** A unit cost in CNY with up to 4 decimals; null: not known. */
const costInput = decimalInput(4, { min: 0, max: 10_000_000 });

export const lineInputSchema = z.strictObject({
  /** An existing line of the order (purchases.update). */
  id: id.optional(),
  /** The product (new lines). */
  productId: id.optional(),
  /** Pieces, in the product's unit. */
  qty: z.number().int().min(1).max(100_000_000),
  /** Cartons; default ceil(qty / pcs per carton). */
  cartons: z.number().int().min(0).max(10_000_000).optional(),
  /** CNY per unit (4 decimals); default the product's cost price; null: not known. */
  costCny: costInput.nullable().optional(),
  note: text(500).optional(),
});

export const createSchema = z.strictObject({
  supplierId: id,
  lines: z.array(lineInputSchema.omit({ id: true })).min(1).max(300),
  deliveryDate: dateInput.nullable().optional(),
  requirements: text(2000).optional(),
  shippingMarks: text(1000).optional(),
  notes: text(2000).optional(),
});

export const updateSchema = z.strictObject({
  id,
  changes: z.strictObject({
    deliveryDate: dateInput.nullable().optional(),
    requirements: text(2000).optional(),
    shippingMarks: text(1000).optional(),
    notes: text(2000).optional(),
    lines: z.array(lineInputSchema).min(1).max(300).optional(),
  }),
});

export const receiveSchema = z.strictObject({
  id,
  receivedOn: dateInput.optional(),
  note: text(500).optional(),
  lines: z
    .array(
      z.strictObject({
        lineId: id,
        /** Good pieces, into stock. */
        qty: z.number().int().min(0).max(100_000_000),
        cartons: z.number().int().min(0).max(10_000_000).optional(),
        /** Pieces that arrived damaged (not put in stock). */
        damaged: z.number().int().min(0).max(100_000_000).optional(),
        note: text(500).optional(),
      }),
    )
    .min(1)
    .max(300),
});

export const listSchema = z.strictObject({
  status: z.array(z.enum(PURCHASE_STATUSES)).max(6).optional(),
  supplierId: id.optional(),
  invoiceId: id.optional(),
  search: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});

export const paymentSchema = z.strictObject({
  id,
  /** CNY, at most 2 decimals. */
  amount: decimalInput(AMOUNT_SCALE, { min: 0.01, max: 100_000_000_000 }),
  method: z.enum(PAYMENT_METHODS),
  paidOn: dateInput.optional(),
  reference: text(120).optional(),
  note: text(500).optional(),
});

export const prefixSchema = z
  .string()
  .trim()
  .min(1)
  .max(12)
  .regex(/^[A-Za-z0-9\-_/]+$/);
