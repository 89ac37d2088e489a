import { z } from 'zod';
import { bilingual } from '../api/validation';
import { isKnownCurrency } from '../money/currencies';
import { isCountryCode } from './countries';

const text = (max: number) => z.string().trim().max(max);

/** Languages a document can be printed in. */
export const DOC_LANGUAGES = ['en', 'zh', 'ar', 'es', 'ru', 'fr', 'pt'] as const;
export type DocLanguage = (typeof DOC_LANGUAGES)[number];

export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, bilingual('is not an ISO 3166-1 country code (two letters, e.g. EG, AE, NG)', '不是 ISO 3166-1 国家代码（两个字母，如 EG、AE、NG）'));

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isKnownCurrency, bilingual('is not a known ISO 4217 currency code', '不是已知的 ISO 4217 货币代码'));

export const contactSchema = z.strictObject({
  name: text(120).optional(),
  role: text(80).optional(),
  /** Any common format; stored as E.164, read as a number of the buyer's country when it has no +prefix. */
  phone: text(40).optional(),
  whatsapp: text(40).optional(),
  wechat: text(60).optional(),
  email: z.union([z.literal(''), z.email().max(200)]).optional(),
});

export const buyerFieldsSchema = z.strictObject({
  company: z.string().trim().min(1).max(200),
  country: countrySchema,
  city: text(120).optional(),
  address: text(500).optional(),
  currency: currencySchema.optional(),
  docLanguage: z.enum(DOC_LANGUAGES).optional(),
  agent: text(200).optional(),
  passportNo: text(40).optional(),
  nationality: z.union([z.literal(''), countrySchema]).optional(),
  notes: text(4000).optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
  contacts: z.array(contactSchema).max(20).optional(),
});

export const buyerUpdateSchema = z.strictObject({
  id: z.number().int().positive(),
  changes: buyerFieldsSchema.partial(),
});

export type BuyerCreate = z.output<typeof buyerFieldsSchema>;
export type BuyerChanges = z.output<typeof buyerUpdateSchema>['changes'];
export type ContactInput = z.output<typeof contactSchema>;
