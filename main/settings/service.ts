import type { Core } from '../core';
import * as q from '../../db/settings';
import { insertImage } from '../../db/images';
import { toE164 } from '../phones/e164';
import { decodeBase64Image, imageUrls, storeImage, type StoredImage } from '../files/imageStore';
import type { DefaultsUpdate, SellerUpdate } from './schema';

export interface ImageRef {
  hash: string;
  url: string;
  thumbUrl: string;
}

export interface SellerProfile {
  companyNameZh: string;
  companyNameEn: string;
  legalName: string;
  stallNumber: string;
  marketAddress: string;
  phones: string[];
  whatsapp: string;
  wechat: string;
  email: string;
  website: string;
  bankBeneficiary: string;
  bankName: string;
  bankAccount: string;
  bankSwift: string;
  bankAddress: string;
  /** The beneficiary's own address (SWIFT transfers need it). */
  beneficiaryAddress: string;
  /** Who pays the transfer charges: OUR, SHA or BEN ('' not stated). */
  bankCharges: BankCharges;
  intermediaryBankName: string;
  intermediaryBankSwift: string;
  /** Printed beside the chop. */
  signatoryName: string;
  signatoryTitle: string;
  logo: ImageRef | null;
  chop: ImageRef | null;
  updatedAt: string | null;
}

export const BANK_CHARGES = ['', 'OUR', 'SHA', 'BEN'] as const;
export type BankCharges = (typeof BANK_CHARGES)[number];

export interface DocumentDefaults {
  defaultCurrency: string;
  quotePrefix: string;
  invoicePrefix: string;
  paymentTerms: string;
  validityDays: number;
  depositPercent: number;
  updatedAt: string | null;
}

export type NameWarning = 'chop_differs_from_header' | 'beneficiary_differs_from_header';

function imageRef(hash: string | null): ImageRef | null {
  return hash ? { hash, ...imageUrls(hash) } : null;
}

function toSeller(row: q.SellerRow): SellerProfile {
  return {
    companyNameZh: row.company_name_zh,
    companyNameEn: row.company_name_en,
    legalName: row.legal_name,
    stallNumber: row.stall_number,
    marketAddress: row.market_address,
    phones: JSON.parse(row.phones) as string[],
    whatsapp: row.whatsapp,
    wechat: row.wechat,
    email: row.email,
    website: row.website,
    bankBeneficiary: row.bank_beneficiary,
    bankName: row.bank_name,
    bankAccount: row.bank_account,
    bankSwift: row.bank_swift,
    bankAddress: row.bank_address,
    beneficiaryAddress: row.beneficiary_address,
    bankCharges: (BANK_CHARGES as readonly string[]).includes(row.bank_charges) ? (row.bank_charges as BankCharges) : '',
    intermediaryBankName: row.intermediary_bank_name,
    intermediaryBankSwift: row.intermediary_bank_swift,
    signatoryName: row.signatory_name,
    signatoryTitle: row.signatory_title,
    logo: imageRef(row.logo_image),
    chop: imageRef(row.chop_image),
    updatedAt: row.updated_at,
  };
}

function toDefaults(row: q.DefaultsRow): DocumentDefaults {
  return {
    defaultCurrency: row.default_currency,
    quotePrefix: row.quote_prefix,
    invoicePrefix: row.invoice_prefix,
    paymentTerms: row.payment_terms,
    validityDays: row.validity_days,
    depositPercent: row.deposit_percent,
    updatedAt: row.updated_at,
  };
}

export function getSeller(core: Core): SellerProfile {
  return toSeller(q.getSeller(core.db));
}

export function getDefaults(core: Core): DocumentDefaults {
  return toDefaults(q.getDefaults(core.db));
}

/** Company names compared loosely: case, spaces and punctuation do not count. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s.,'"()（）\-&·]+/g, '').replace(/limited$/, 'ltd');
  return norm(a) !== '' && norm(a) === norm(b);
}

/**
 * The chop's legal name, the header's company name and the bank beneficiary
 * must be the same company, or a bank may refuse the buyer's T/T.
 */
export function nameWarnings(seller: SellerProfile): NameWarning[] {
  const warnings: NameWarning[] = [];
  const headerNames = [seller.companyNameEn, seller.companyNameZh].filter((n) => n.trim() !== '');
  if (seller.legalName.trim() !== '' && headerNames.length > 0 && !headerNames.some((n) => sameName(n, seller.legalName))) {
    warnings.push('chop_differs_from_header');
  }
  if (
    seller.bankBeneficiary.trim() !== '' &&
    headerNames.length > 0 &&
    ![...headerNames, seller.legalName].some((n) => sameName(n, seller.bankBeneficiary))
  ) {
    warnings.push('beneficiary_differs_from_header');
  }
  return warnings;
}

/** `fieldPrefix` names fields in errors the way the caller's input nests them ("seller.whatsapp"). */
export function updateSeller(core: Core, input: SellerUpdate, fieldPrefix = ''): SellerProfile {
  const changes: q.SellerUpdate = {};
  if (input.companyNameZh !== undefined) changes.company_name_zh = input.companyNameZh;
  if (input.companyNameEn !== undefined) changes.company_name_en = input.companyNameEn;
  if (input.legalName !== undefined) changes.legal_name = input.legalName;
  if (input.stallNumber !== undefined) changes.stall_number = input.stallNumber;
  if (input.marketAddress !== undefined) changes.market_address = input.marketAddress;
  if (input.phones !== undefined) {
    const phones = input.phones.map((p, i) => toE164(p, 'CN', `${fieldPrefix}phones.${i}`)).filter((p) => p !== '');
    changes.phones = JSON.stringify(phones);
  }
  if (input.whatsapp !== undefined) changes.whatsapp = toE164(input.whatsapp, 'CN', `${fieldPrefix}whatsapp`);
  if (input.wechat !== undefined) changes.wechat = input.wechat;
  if (input.email !== undefined) changes.email = input.email;
  if (input.website !== undefined) changes.website = input.website;
  if (input.bankBeneficiary !== undefined) changes.bank_beneficiary = input.bankBeneficiary;
  if (input.bankName !== undefined) changes.bank_name = input.bankName;
  if (input.bankAccount !== undefined) changes.bank_account = input.bankAccount;
  if (input.bankSwift !== undefined) changes.bank_swift = input.bankSwift;
  if (input.bankAddress !== undefined) changes.bank_address = input.bankAddress;
  if (input.beneficiaryAddress !== undefined) changes.beneficiary_address = input.beneficiaryAddress;
  if (input.bankCharges !== undefined) changes.bank_charges = input.bankCharges;
  if (input.intermediaryBankName !== undefined) changes.intermediary_bank_name = input.intermediaryBankName;
  if (input.intermediaryBankSwift !== undefined) changes.intermediary_bank_swift = input.intermediaryBankSwift;
  if (input.signatoryName !== undefined) changes.signatory_name = input.signatoryName;
  if (input.signatoryTitle !== undefined) changes.signatory_title = input.signatoryTitle;
  q.updateSeller(core.db, changes, core.now().toISOString());
  return getSeller(core);
}

export function updateDefaults(core: Core, input: DefaultsUpdate): DocumentDefaults {
  const changes: q.DefaultsUpdate = {};
  if (input.defaultCurrency !== undefined) changes.default_currency = input.defaultCurrency;
  if (input.quotePrefix !== undefined) changes.quote_prefix = input.quotePrefix;
  if (input.invoicePrefix !== undefined) changes.invoice_prefix = input.invoicePrefix;
  if (input.paymentTerms !== undefined) changes.payment_terms = input.paymentTerms;
  if (input.validityDays !== undefined) changes.validity_days = input.validityDays;
  if (input.depositPercent !== undefined) changes.deposit_percent = input.depositPercent;
  q.updateDefaults(core.db, changes, core.now().toISOString());
  return getDefaults(core);
}

/** Validates and stores an uploaded logo or chop (async, before the transaction). */
export async function prepareImage(core: Core, dataBase64: string, field: string): Promise<StoredImage> {
  const bytes = decodeBase64Image(dataBase64, field);
  return storeImage(core.paths.photos, bytes, 'graphic', field);
}

export function setImage(core: Core, slot: 'logo' | 'chop', image: StoredImage | null): SellerProfile {
  if (image) insertImage(core.db, image);
  const hash = image ? image.hash : null;
  q.updateSeller(core.db, slot === 'logo' ? { logo_image: hash } : { chop_image: hash }, core.now().toISOString());
  return getSeller(core);
}
