import { z } from 'zod';
import { because } from '../errors/validation';
import { m } from '../errors/apiError';
import { isKnownCurrency } from '../money/currencies';

const text = (max: number) => z.string().trim().max(max);

export const imageUploadSchema = z.strictObject({
  /** The file's bytes in base64 (a data: URL prefix is accepted). */
  dataBase64: z.string().min(1).max(30_000_000),
  fileName: z.string().max(255).optional(),
});

const swiftSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => v === '' || /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(v), because(m('settings.notSwiftBicCode')));

/** What a quotation or PI number starts with: letters, digits, - _ / (JH-Q → JH-Q2026-0001). */
const numberPrefix = z
  .string()
  .trim()
  .min(1)
  .max(12)
  .regex(/^[A-Za-z0-9\-_/]+$/);

export const sellerUpdateSchema = z.strictObject({
  companyNameZh: text(200).optional(),
  companyNameEn: text(200).optional(),
  legalName: text(200).optional(),
  stallNumber: text(100).optional(),
  marketAddress: text(500).optional(),
  phones: z.array(text(40)).max(6).optional(),
  whatsapp: text(40).optional(),
  wechat: text(60).optional(),
  email: z.union([z.literal(''), z.email().max(200)]).optional(),
  website: text(200).optional(),
  bankBeneficiary: text(200).optional(),
  bankName: text(200).optional(),
  bankAccount: text(80).optional(),
  bankSwift: swiftSchema.optional(),
  bankAddress: text(500).optional(),
  /** The beneficiary's own address (a SWIFT transfer needs it). */
  beneficiaryAddress: text(500).optional(),
  /** Who pays the transfer charges: OUR (the buyer pays all), SHA (shared), BEN (the seller); '' not stated. */
  bankCharges: z.enum(['', 'OUR', 'SHA', 'BEN']).optional(),
  intermediaryBankName: text(200).optional(),
  intermediaryBankSwift: swiftSchema.optional(),
  /** Who signs beside the chop, and as what. */
  signatoryName: text(120).optional(),
  signatoryTitle: text(120).optional(),
});

export const defaultsUpdateSchema = z.strictObject({
  defaultCurrency: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isKnownCurrency, because(m('common.notKnownIsoCurrency')))
    .optional(),
  quotePrefix: numberPrefix.optional(),
  invoicePrefix: numberPrefix.optional(),
  paymentTerms: text(1000).optional(),
  validityDays: z.number().int().min(1).max(365).optional(),
  depositPercent: z.number().int().min(0).max(100).optional(),
});

export const imageSlotSchema = z.enum(['logo', 'chop']);

export const setImageSchema = z.strictObject({
  slot: imageSlotSchema,
  /** The new image, or null to remove it. */
  image: imageUploadSchema.nullable(),
});

export type SellerUpdate = z.output<typeof sellerUpdateSchema>;
export type DefaultsUpdate = z.output<typeof defaultsUpdateSchema>;
