import { z } from 'zod';
import { DOC_LANGS } from '../documents/catalog';
import { because } from '../errors/validation';
import { m } from '../errors/apiError';
import { isKnownCurrency } from '../money/currencies';
import { imageUploadSchema } from '../settings/schema';
import { isCountryCode } from './countries';
import { REGION_CODES, type Region } from './regions';

const text = (max: number) => z.string().trim().max(max);

/** Languages a document can be printed in: one per catalog in main/documents/locales (a new language is a new file). */
export const DOC_LANGUAGES = DOC_LANGS;
/** A document language code (en, zh, ar…): a catalog present. */
export type DocLanguage = string;

export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, because(m('buyers.notIsoCountryCode')));

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isKnownCurrency, because(m('common.notKnownIsoCurrency')));

export const regionSchema = z.enum(REGION_CODES as [Region, ...Region[]]);

/** A calendar date, YYYY-MM-DD, that exists. */
export const dateSchema = z
  .string()
  .trim()
  .refine((v) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, because(m('buyers.notDateYyyyMm')));

export const contactSchema = z.strictObject({
  name: text(120).optional(),
  role: text(80).optional(),
  /** Any common format; stored as E.164, read as a number of the buyer's country when it has no +prefix. */
  phone: text(40).optional(),
  whatsapp: text(40).optional(),
  wechat: text(60).optional(),
  email: z.union([z.literal(''), z.email().max(200)]).optional(),
});

export const tagsSchema = z.array(z.string().trim().min(1).max(40)).max(20);

export const buyerFieldsSchema = z.strictObject({
  company: z.string().trim().min(1).max(200),
  country: countrySchema,
  city: text(120).optional(),
  address: text(500).optional(),
  currency: currencySchema.optional(),
  docLanguage: z.enum(DOC_LANGUAGES).optional(),
  /** The buying agent the buyer comes through, if any. */
  agent: text(200).optional(),
  /** For market-procurement export declarations, which name the foreign purchaser. */
  passportNo: text(40).optional(),
  /** Importer / tax number (TRN, NIF, INN, RUC…), printed under the company on documents. */
  taxNo: text(60).optional(),
  nationality: z.union([z.literal(''), countrySchema]).optional(),
  notes: text(4000).optional(),
  tags: tagsSchema.optional(),
  contacts: z.array(contactSchema).max(20).optional(),
});

export const buyerUpdateSchema = z.strictObject({
  id: z.number().int().positive(),
  changes: buyerFieldsSchema.partial(),
});

/**
 * lastVisit: most recent first; company: A–Z; newest: last added first; added: first added first;
 * country: by code, then company; totalBusiness: confirmed pro-forma value (in CNY at each PI's rate), largest first.
 */
export const SORTS = ['lastVisit', 'company', 'newest', 'added', 'country', 'totalBusiness'] as const;

/** Filters shared by buyers.list, buyers.search and buyers.export. */
export const buyerFilterShape = {
  country: countrySchema.optional(),
  region: regionSchema.optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  currency: currencySchema.optional(),
  /** Last visit on or after this date (buyers never visited are left out). */
  lastVisitFrom: dateSchema.optional(),
  /** Last visit on or before this date (buyers never visited are left out). */
  lastVisitTo: dateSchema.optional(),
  /** Only buyers who have never been logged as visiting. */
  neverVisited: z.boolean().optional(),
};

export const buyerListSchema = z.strictObject({
  ...buyerFilterShape,
  sort: z.enum(SORTS).default('company'),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});

export const buyerSearchSchema = z.strictObject({
  /** Company, contact name, city, agent, WeChat, email or phone, in any script; empty lists everyone. */
  query: z.string().max(200),
  ...buyerFilterShape,
  sort: z.enum(SORTS).default('lastVisit'),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});

export const duplicateCheckSchema = z.strictObject({
  /** The buyer being edited, which is not its own duplicate. */
  id: z.number().int().positive().optional(),
  company: z.string().trim().max(200).optional(),
  country: countrySchema,
  contacts: z
    .array(z.looseObject({ phone: text(40).optional(), whatsapp: text(40).optional(), email: text(200).optional() }))
    .max(20)
    .optional(),
});

const hash = z.string().regex(/^[0-9a-f]{64}$/);
const visitPhotoSchema = z.union([z.strictObject({ hash }), imageUploadSchema]);

export const visitFieldsSchema = z.strictObject({
  visitedOn: dateSchema,
  /** Who served the buyer. */
  staff: text(80).optional(),
  notes: text(4000).optional(),
  /** Products of interest. */
  productIds: z.array(z.number().int().positive()).max(200).optional(),
  /** Photos: stored ones by hash (to keep, in order) or new uploads. */
  photos: z.array(visitPhotoSchema).max(24).optional(),
});

export const visitAddSchema = visitFieldsSchema.extend({ buyerId: z.number().int().positive() });
export const visitUpdateSchema = z.strictObject({ id: z.number().int().positive(), changes: visitFieldsSchema.partial() });

export type BuyerCreate = z.output<typeof buyerFieldsSchema>;
export type BuyerChanges = z.output<typeof buyerUpdateSchema>['changes'];
export type ContactInput = z.output<typeof contactSchema>;
export type BuyerFilter = Omit<z.output<typeof buyerSearchSchema>, 'query' | 'sort' | 'limit' | 'offset'>;
export type VisitFields = z.output<typeof visitFieldsSchema>;
export type VisitChanges = z.output<typeof visitUpdateSchema>['changes'];
export type DuplicateCheck = z.output<typeof duplicateCheckSchema>;
