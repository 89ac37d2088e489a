/**
 * The document model: everything a printed quotation, pro-forma invoice or
 * packing list shows, already computed (the builders format, they never
 * calculate totals). Money is a decimal string ("1250.05"), unit prices up to
 * 4 decimals, CBM 3 decimals, weights in kg. Files are absolute paths; a
 * missing file prints as an empty frame, never an error.
 *
 * fromQuote.ts maps the quotes/invoices view types (imported from those areas) onto this model.
 */
import type { BalanceRule, ChargeKind, ShipmentTerms } from '../quotes/types';
import type { NameWarning, SellerProfile } from '../settings/service';

/** A document language: a catalog in locales/ (catalog.ts); the languages are the catalogs present. */
export type DocLang = string;
export { DOC_LANGS, isDocLang } from './catalog';

/** statement: the payments received against a PI and its balance now (printed live; the PI itself stays as issued). */
export const DOC_KINDS = ['quotation', 'proforma', 'packing', 'statement'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

/** Charges and balance rules are the quotes area's (one list each). */
export { BALANCE_RULES, CHARGE_KINDS } from '../quotes/types';
export type { BalanceRule, ChargeKind };

export interface DocBank {
  beneficiary: string;
  /** The beneficiary's own address (a SWIFT transfer needs it). */
  beneficiaryAddress: string;
  bankName: string;
  account: string;
  swift: string;
  address: string;
  /** Who pays the transfer charges; '' not stated. */
  charges: '' | 'OUR' | 'SHA' | 'BEN';
  intermediary: { name: string; swift: string } | null;
}

/** The seller's names and contacts as the settings hold them (phones in E.164, legalName: the name on the chop). */
export interface DocSeller extends Pick<SellerProfile, 'companyNameEn' | 'companyNameZh' | 'legalName' | 'stallNumber' | 'marketAddress' | 'phones' | 'whatsapp' | 'wechat' | 'email' | 'website'> {
  bank: DocBank;
  /** Signs beside the chop. */
  signatoryName: string;
  signatoryTitle: string;
  /** PNG/JPEG files, or null. */
  logoFile: string | null;
  chopFile: string | null;
}

export interface DocBuyer {
  company: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  city: string;
  address: string;
  contactName: string;
  phone: string;
  whatsapp: string;
  wechat: string;
  email: string;
  /** Importer / tax number, '' when not known. */
  taxNo: string;
}

export interface DocLine {
  /** 1, 2, 3… */
  no: number;
  itemNo: string;
  /** Product names by language, as snapshotted on the line (empty strings allowed). */
  names: Partial<Record<DocLang, string>>;
  colors: string;
  material: string;
  /** As snapshotted on the line ("8507.60"), '' when not set. */
  hsCode: string;
  /** Country of origin, ISO 3166-1 alpha-2; '' not recorded. */
  origin: string;
  /** Colour assortment, logo, packing request… */
  note: string;
  /** The photo thumbnail (JPEG), or null. */
  photoFile: string | null;
  unit: string;
  qty: number;
  unitPrice: string;
  amount: string;
  pcsPerCarton: number | null;
  /** Outer carton, cm. */
  cartonCm: { l: string; w: string; h: string } | null;
  /** Per carton, kg. */
  gwPerCartonKg: string | null;
  nwPerCartonKg: string | null;
  cartons: number;
  /** Carton numbers of this line in the shipment, null without cartons. */
  cartonRange: { from: number; to: number } | null;
  cbm: string;
  grossWeightKg: string;
  netWeightKg: string;
}

export interface DocCharge {
  kind: ChargeKind;
  description: string;
  amount: string;
}

export interface DocTotals {
  amount: string;
  /** Discount as an amount (zero when none) and, for a percent discount, the percent. */
  discount: string;
  discountPercent: string | null;
  charges: DocCharge[];
  grandTotal: string;
  deposit: string;
  balance: string;
  cartons: number;
  cbm: string;
  grossWeightKg: string;
  netWeightKg: string;
  quantities: Array<{ unit: string; qty: number }>;
  /** The carton numbers the document's lines span (one delivery of a PI: 11–16); default 1 to `cartons`. */
  cartonRange?: { from: number; to: number } | null;
}

export interface DocPayment {
  /** YYYY-MM-DD. */
  paidOn: string;
  /** In the PI's currency. */
  amount: string;
  method: string;
  reference: string;
  /** Money handed over in another currency, with the rate agreed (1 PI unit = rate units of it). */
  received: { currency: string; amount: string; rate: string } | null;
}

/** A statement of payments against a PI: what was received, and the balance now. */
export interface DocStatement {
  /** The day the statement is printed, YYYY-MM-DD. */
  asOf: string;
  /** The PI's issue date. */
  piDate: string;
  payments: DocPayment[];
  paid: string;
  balanceDue: string;
}

/** The shipment terms print as they were kept: the rule as text (an old PI may hold one no longer offered). */
export interface DocumentModel extends ShipmentTerms<string> {
  kind: DocKind;
  /** The buyer's document language: the default for printing. */
  lang: DocLang;
  /** The number as printed: "JH-PI2026-0012", "JH-Q2026-0007-R2". */
  number: string;
  /** For a PI or packing list: the quotation it came from. */
  quoteNumber: string | null;
  /** YYYY-MM-DD. */
  date: string;
  /** Last day prices hold, YYYY-MM-DD, or null. */
  validUntil: string | null;
  validityDays: number | null;
  /** ISO 4217. */
  currency: string;
  seller: DocSeller;
  buyer: DocBuyer;
  lines: DocLine[];
  totals: DocTotals;
  paymentTerms: string;
  depositPercent: number;
  /** When the balance is due: the printed payment sentence follows it. */
  balanceRule: BalanceRule;
  balanceDays: number | null;
  deliveryTime: string;
  remarks: string;
  shippingMarks: string;
  /** The chop, header and beneficiary names disagree (settings/service.ts nameWarnings). */
  nameWarnings: NameWarning[];
  /** For kind statement: the payments and the balance now; null otherwise. */
  statement: DocStatement | null;
}

export interface RenderOptions {
  kind?: DocKind;
  lang: DocLang;
  /** English plus the document language in labels and names. */
  bilingual?: boolean;
  paper?: Paper;
  /** Bank details on a quotation (a PI always shows them when the profile has them). */
  showBank?: boolean;
}

