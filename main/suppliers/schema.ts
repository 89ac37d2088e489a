import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);

export const BALANCE_TERMS = ['at_delivery', 'monthly', 'days_after_delivery'] as const;
export type BalanceTermsKind = (typeof BALANCE_TERMS)[number];

/** How the factory is paid: the words agreed, and the part the app counts with. */
export const supplierTermsSchema = z.strictObject({
  /** As agreed, in words: "30% 定金，交货付清" / "月结 25 号". */
  text: text(500).optional(),
  /** Percent paid at order (0–100). */
  depositPercent: z.number().int().min(0).max(100).optional(),
  /** The balance: at delivery, monthly (on `days` = day of the month after delivery) or `days` after delivery. */
  balance: z.enum(BALANCE_TERMS).optional(),
  days: z.number().int().min(0).max(365).optional(),
});

export const supplierFieldsSchema = z.strictObject({
  /** The name as the stall writes it (usually Chinese), and optionally in English. */
  names: z.strictObject({ zh: z.string().trim().min(1).max(200), en: text(200).optional() }),
  contact: text(120).optional(),
  /** Any common format; stored as E.164, read as a Chinese number without a +prefix. */
  phone: text(40).optional(),
  wechat: text(60).optional(),
  address: text(500).optional(),
  paymentTerms: supplierTermsSchema.optional(),
  notes: text(2000).optional(),
});

export const supplierUpdateSchema = z.strictObject({
  id: z.number().int().positive(),
  changes: supplierFieldsSchema
    .extend({ names: z.strictObject({ zh: z.string().trim().min(1).max(200).optional(), en: text(200).optional() }) })
    .partial(),
});

export const supplierListSchema = z.strictObject({
  search: z.string().trim().max(100).optional(),
  includeArchived: z.boolean().optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});

export type SupplierFields = z.output<typeof supplierFieldsSchema>;
export type SupplierChanges = z.output<typeof supplierUpdateSchema>['changes'];
