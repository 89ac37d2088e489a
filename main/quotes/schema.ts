import { z } from 'zod';
import { because } from '../errors/validation';
import { m } from '../errors/apiError';
import { countrySchema, currencySchema, DOC_LANGUAGES } from '../buyers/schema';
import { AMOUNT_SCALE } from '../money/amounts';
import { decimalInput } from '../money/schema';
import { dateInput, rateInput } from '../rates/schema';
import { BALANCE_RULES, CHARGE_KINDS, INCOTERMS, QUOTE_STATUSES } from './types';

const text = (max: number) => z.string().trim().max(max);
const id = z.number().int().positive();
export const itemNoInput = z.string().trim().min(1).max(40);

/** Largest quantity and unit price: qty × price stays well inside exact integer cents. */
export const MAX_QTY = 10_000_000;
export const MAX_UNIT_PRICE = 1_000_000;

/**
 * One line of a quotation. An existing line is named by `lineId` (it keeps its
 * product snapshot); a new one by `productId` or `itemNo`. Quantity in the product's
 * unit (`qty`) or in cartons (`cartons` × pcs per carton); without either, an existing
 * line keeps its quantity and a new one starts at the MOQ. `unitPrice`: a typed price
 * in the quotation's currency; null goes back to the price from the CNY tier.
 */
export const lineInputSchema = z
  .strictObject({
    lineId: id.optional(),
    productId: id.optional(),
    itemNo: itemNoInput.optional(),
    qty: z.number().int().min(1).max(MAX_QTY).optional(),
    cartons: z.number().int().min(1).max(MAX_QTY).optional(),
    unitPrice: decimalInput(4, { min: 0, max: MAX_UNIT_PRICE }).nullable().optional(),
    note: text(1000).optional(),
  })
  .refine((l) => [l.lineId, l.productId, l.itemNo].filter((v) => v !== undefined).length === 1, {
    ...because(m('quotes.nameLineExactlyLineid')),
    path: ['itemNo'],
  })
  .refine((l) => l.qty === undefined || l.cartons === undefined, {
    ...because(m('quotes.giveQuantityPiecesCartons')),
    path: ['cartons'],
  });

/** Amounts are parsed at AMOUNT_SCALE (4); the quotation's currency decides how many of those decimals it allows (KWD 3, JPY 0). */
export const chargeInputSchema = z.strictObject({
  kind: z.enum(CHARGE_KINDS),
  description: text(200).optional(),
  amount: decimalInput(AMOUNT_SCALE, { min: 0, max: 100_000_000 }),
});

export const discountInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('percent'), percent: decimalInput(2, { min: 0, max: 100 }) }),
  z.strictObject({ kind: z.literal('amount'), amount: decimalInput(AMOUNT_SCALE, { min: 0, max: 100_000_000 }) }),
]);

/** The terms of a quotation: every field optional (defaults from the settings, the buyer and the rates). */
export const termsSchema = z.strictObject({
  /** Quotation date, YYYY-MM-DD (default today). */
  date: dateInput.optional(),
  validityDays: z.number().int().min(1).max(365).optional(),
  currency: currencySchema.optional(),
  /** CNY per 1 unit of the currency; default: the rate in force (rates.list). */
  rate: rateInput.optional(),
  /** Decimals of unit prices converted from CNY (0–4). */
  priceDecimals: z.number().int().min(0).max(4).optional(),
  incoterm: z.enum(INCOTERMS).optional(),
  incotermPlace: text(120).optional(),
  portOfLoading: text(120).optional(),
  portOfDestination: text(120).optional(),
  /** Allowed, not allowed, or null: not stated on the document. */
  partialShipment: z.boolean().nullable().optional(),
  transshipment: z.boolean().nullable().optional(),
  /** For CIF/CIP: insured for this percent of the invoice value (default 110). */
  insurancePercent: z.number().int().min(100).max(200).nullable().optional(),
  paymentTerms: text(1000).optional(),
  depositPercent: z.number().int().min(0).max(100).optional(),
  /** When the balance is due; the printed payment sentence follows it. */
  balanceRule: z.enum(BALANCE_RULES).optional(),
  /** Days after the B/L date, for balanceRule days_after_bl. */
  balanceDays: z.number().int().min(1).max(365).nullable().optional(),
  deliveryTime: text(200).optional(),
  notes: text(4000).optional(),
  shippingMarks: text(1000).optional(),
  discount: discountInputSchema.optional(),
  charges: z.array(chargeInputSchema).max(20).optional(),
  lines: z.array(lineInputSchema).max(1000).optional(),
});

/**
 * A buyer added on the spot: a WhatsApp number with its country code is enough (country from the calling
 * code, document language and currency from the country, company "walk-in, +971…" until filled in);
 * or company and country.
 */
export const quickBuyerSchema = z.strictObject({
  company: text(200).optional(),
  country: countrySchema.optional(),
  /** Any common format; stored as E.164 (read as a number of `country` without a + prefix). */
  whatsapp: text(40).optional(),
  contactName: text(120).optional(),
  docLanguage: z.enum(DOC_LANGUAGES).optional(),
});

export const quoteCreateSchema = termsSchema
  .extend({
    buyerId: id.optional(),
    newBuyer: quickBuyerSchema.optional(),
  })
  .refine((q) => (q.buyerId === undefined) !== (q.newBuyer === undefined), {
    ...because(m('quotes.chooseBuyerBuyeridAdd')),
    path: ['buyerId'],
  });

export const quoteUpdateSchema = z.strictObject({
  id,
  changes: termsSchema.extend({ buyerId: id.optional() }),
});

export const quoteRefSchema = z.union([
  z.strictObject({ id }),
  z.strictObject({ number: z.string().trim().min(1).max(40), revision: z.number().int().min(1).optional() }),
]);

export const quoteListSchema = z.strictObject({
  status: z.array(z.enum(QUOTE_STATUSES)).max(6).optional(),
  buyerId: id.optional(),
  country: countrySchema.optional(),
  search: z.string().trim().max(100).optional(),
  /** Hide revisions that a later revision replaced (default true). */
  latestOnly: z.boolean().default(true),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});

export const addLineSchema = z
  .strictObject({
    id,
    productId: id.optional(),
    itemNo: itemNoInput.optional(),
    qty: z.number().int().min(1).max(MAX_QTY).optional(),
    cartons: z.number().int().min(1).max(MAX_QTY).optional(),
    unitPrice: decimalInput(4, { min: 0, max: MAX_UNIT_PRICE }).optional(),
    note: text(1000).optional(),
  })
  .refine((l) => (l.productId === undefined) !== (l.itemNo === undefined), {
    ...because(m('quotes.nameProductProductidItemno')),
    path: ['itemNo'],
  })
  .refine((l) => l.qty === undefined || l.cartons === undefined, {
    ...because(m('quotes.giveQuantityPiecesCartons')),
    path: ['cartons'],
  });

export const scanSchema = z.strictObject({
  id,
  /** What the scanner typed: a barcode (EAN-13, UPC-A, EAN-8) or an item no. */
  code: z.string().trim().min(1).max(40),
});

export const duplicateSchema = z
  .strictObject({
    id,
    buyerId: id.optional(),
    newBuyer: quickBuyerSchema.optional(),
    currency: currencySchema.optional(),
    rate: rateInput.optional(),
  })
  .refine((q) => (q.buyerId === undefined) !== (q.newBuyer === undefined), {
    ...because(m('quotes.chooseBuyerBuyeridAdd')),
    path: ['buyerId'],
  });

export const lookupSchema = z.strictObject({
  query: z.string().trim().min(1).max(100),
  /** Price suggestions in this quotation's currency and at its rate. */
  quoteId: id.optional(),
  limit: z.number().int().min(1).max(50).default(10),
});

export const containerInputSchema = z.strictObject({
  code: z.string().trim().min(1).max(12),
  capacityCbm: decimalInput(3, { min: 1, max: 200 }),
  payloadKg: z.number().int().min(100).max(60_000),
});

export const quoteSettingsUpdateSchema = z.strictObject({
  priceDecimals: z.number().int().min(0).max(4).optional(),
  containers: z
    .array(containerInputSchema)
    .min(1)
    .max(8)
    .refine((list) => new Set(list.map((c) => c.code.toUpperCase())).size === list.length, because(m('quotes.twoContainersHaveSame')))
    .optional(),
});

export type LineInput = z.output<typeof lineInputSchema>;
export type TermsInput = z.output<typeof termsSchema>;
export type QuoteCreate = z.output<typeof quoteCreateSchema>;
export type QuoteChanges = z.output<typeof quoteUpdateSchema>['changes'];
export type QuickBuyer = z.output<typeof quickBuyerSchema>;
