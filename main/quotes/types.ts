/**
 * What a quotation looks like to its readers: the UI, the API and the
 * documents (PDF) builders. Money is a decimal string with the currency's own
 * digits ("1250.05" USD, "1.004" KWD, "152" JPY: main/money/amounts.ts), unit prices keep up to 4 decimals ("0.0525"), CBM 3 decimals
 * ("12.345"), weights in kg with 2 or 3 decimals (exact grams: "14.50", "0.125").
 * All figures come from main/quotes/totals.ts; nothing else computes them.
 *
 * A pro-forma invoice (main/invoices/types.ts) carries the same TradeDocument,
 * frozen at issue, so one table/totals renderer serves both documents.
 */
import type { SellerProfile } from '../settings/service';
import type { Packing } from '../products/service';

/** A decimal string: money with its currency's digits ("12.50" USD, "12.345" KWD, "1250" JPY). */
export type Money = string;

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired', 'superseded'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** The eleven Incoterms® 2020 rules: any mode of transport, then sea and inland waterway only. */
export const INCOTERMS = ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'] as const;
export type Incoterm = (typeof INCOTERMS)[number];
/** Rules under which the seller insures the goods (an insurance basis is printed). */
export const INSURED_INCOTERMS: readonly Incoterm[] = ['CIF', 'CIP'];

/**
 * When the balance is due: before shipment; against a copy of the bill of lading; at sight under a letter
 * of credit; on delivery of the goods to the buyer's forwarder (Yiwu); within N days after the B/L date.
 */
export const BALANCE_RULES = ['before_shipment', 'against_bl_copy', 'at_sight_lc', 'on_delivery_to_forwarder', 'days_after_bl'] as const;
export type BalanceRule = (typeof BALANCE_RULES)[number];

/** The typed payment terms say something else than the deposit % and balance rule (checked by paymentTerms.ts). */
export type TermsWarning =
  /** The text names a deposit percent other than the quotation's ("50% deposit" with 30 %). */
  | { code: 'deposit_percent_differs'; typed: number; depositPercent: number }
  /** The text asks for everything in advance while a deposit (below 100 %) is set. */
  | { code: 'full_advance_with_deposit'; depositPercent: number }
  /** The text names a deposit but the quotation has none. */
  | { code: 'deposit_without_percent'; typed: number }
  /** The text says when the balance is due in other words than the balance rule. */
  | { code: 'balance_rule_differs'; typed: BalanceRule; balanceRule: BalanceRule };

export const CHARGE_KINDS = ['freight', 'inland_transport', 'samples', 'packing', 'insurance', 'other'] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];

/** Languages product names are kept in (the languages a document can be printed in). */
export const NAME_LANGS = ['zh', 'en', 'ar', 'es', 'ru', 'fr', 'pt'] as const;
export type NameLang = (typeof NAME_LANGS)[number];

export interface ImageRef {
  /** SHA-256 of the file in the data folder's photos/ (main/files/imageStore.ts finds the file). */
  hash: string;
  url: string;
  thumbUrl: string;
}

/** The seller as printed: the profile at the moment the document was sent/issued (live for drafts). */
export type SellerSnapshot = Omit<SellerProfile, 'updatedAt'>;

/** The buyer block of a document: copied when a quotation is sent and when a PI is issued. */
export interface BuyerBlock {
  id: number;
  company: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  city: string;
  address: string;
  currency: string;
  /** The language documents for this buyer are printed in: en, zh, ar, es, ru, fr, pt. */
  docLanguage: string;
  /** Importer / tax number, when known ('' otherwise; absent in blocks copied before it existed). */
  taxNo: string;
  /** The first contact, if any; phones in E.164. */
  contact: {
    name: string;
    role: string;
    phone: string;
    whatsapp: string;
    wechat: string;
    email: string;
  } | null;
}

/** The product as it was when the line was added: a sent document never changes with the catalog. */
export interface ProductSnapshot {
  /** The catalog product, while it exists. */
  productId: number | null;
  itemNo: string;
  names: Record<NameLang, string>;
  cover: ImageRef | null;
  /** The unit quantities and unit prices are counted in: pcs, set, dozen, pair… */
  unit: string;
  moq: number;
  colors: string;
  material: string;
  sizes: string;
  hsCode: string;
  /** Country of origin, ISO 3166-1 alpha-2; '' when not recorded (lines quoted before it was). */
  origin: string;
  barcode: string;
  /** The product's carton packing when it was quoted. */
  packing: Packing;
  /** The price tier (CNY) that applied to the line's quantity when it was priced. */
  tier: { minQty: number; priceCny: string } | null;
}

export type LineWarning =
  /** Quantity below the product's minimum order quantity. */
  | { code: 'below_moq'; moq: number }
  /** More than is available in stock now (drafts/quotations) or when the PI was issued. */
  | { code: 'short_stock'; requested: number; available: number }
  /** The product has no packing (pcs per carton or carton size): cartons/CBM cannot be counted. */
  | { code: 'no_packing' }
  /** The quantity is not a whole number of cartons: the last carton holds `lastCartonQty`. */
  | { code: 'partial_carton'; lastCartonQty: number }
  /** The product has no CNY price tier: the unit price must be typed. */
  | { code: 'no_price' };

export interface DocumentLine {
  id: number;
  /** 1, 2, 3… in document order (the "No." column). */
  no: number;
  product: ProductSnapshot;
  /** In the product's unit. */
  qty: number;
  /** Unit price in the document currency, at least `priceDecimals` decimals, up to 4 ("0.0525"). */
  unitPrice: string;
  /** 'tier': converted from the CNY tier price at the rate; 'typed': typed by staff. */
  priceSource: 'tier' | 'typed';
  /** The tier price converted at the current rate, for comparison; null without a tier. */
  suggestedUnitPrice: string | null;
  /** qty × unit price, rounded half away from zero to the currency's digits. */
  amount: Money;
  /** ceil(qty / pcs per carton); 0 without packing. */
  cartons: number;
  /** Carton numbers of this line in the shipment (1–20, 21–35…), null without cartons. */
  cartonRange: { from: number; to: number } | null;
  /** cartons × carton volume, 3 decimals. */
  cbm: string;
  grossWeightKg: string;
  netWeightKg: string;
  /** Colour assortment, logo, packing request… */
  note: string;
  warnings: LineWarning[];
}

export interface DocumentCharge {
  id: number;
  kind: ChargeKind;
  description: string;
  amount: Money;
}

export type Discount =
  | { kind: 'none' }
  /** Percent of the lines' amount, up to 2 decimals ("5", "2.5"). */
  | { kind: 'percent'; percent: string }
  | { kind: 'amount'; amount: Money };

export interface DocumentTotals {
  /** Σ line amounts (each already rounded). */
  amount: Money;
  discount: Money;
  /** Σ charges. */
  charges: Money;
  /** amount − discount + charges. */
  grandTotal: Money;
  /** grandTotal × deposit % rounded to the currency's digits. */
  deposit: Money;
  /** grandTotal − deposit. */
  balance: Money;
  cartons: number;
  /** Σ line CBM (each rounded to 3 decimals), 3 decimals. */
  cbm: string;
  grossWeightKg: string;
  netWeightKg: string;
  /** Σ quantities per unit, by unit name ("pcs" → 5000, "set" → 120). */
  quantities: Array<{ unit: string; qty: number }>;
}

export interface ContainerFill {
  /** 20GP, 40GP, 40HQ (configurable in quotes.updateSettings). */
  code: string;
  /** Practical loading volume, m³, and payload, kg. */
  capacityCbm: string;
  payloadKg: string;
  /** How full the goods make ONE container, by volume and by weight, in % (1 decimal; may exceed 100). */
  volumePercent: number;
  weightPercent: number;
  /** Which limit binds first. */
  bindsBy: 'volume' | 'weight';
  /** Containers of this type needed (0 for an empty quotation). */
  containers: number;
  /** The fill of the last container in % (what the bar shows). */
  lastContainerPercent: number;
  /** How many more cartons like the average carton of this quotation still fit in the containers needed (0 when empty). */
  moreCartons: number;
}

/** How and where the goods go: the Incoterms® 2020 rule and place, ports, partial shipment, transshipment, insurance. */
export interface ShipmentTerms<Rule extends string = Incoterm> {
  incoterm: Rule;
  /** Named place or port: "Ningbo", "Lagos Apapa" (printed "FOB Ningbo, Incoterms® 2020"). */
  incotermPlace: string;
  portOfLoading: string;
  portOfDestination: string;
  /** Allowed (true), not allowed (false), or not stated (null). */
  partialShipment: boolean | null;
  transshipment: boolean | null;
  /** For CIF/CIP: insured for this percent of the invoice value (110), or null. */
  insurancePercent: number | null;
}

/** Everything a printed quotation or PI shows; the PI keeps it frozen as issued. */
export interface TradeDocument extends ShipmentTerms {
  seller: SellerSnapshot;
  buyer: BuyerBlock;
  /** Document date, YYYY-MM-DD (quotation date, or PI issue date). */
  date: string;
  validityDays: number;
  /** Last day the prices hold, YYYY-MM-DD (inclusive). */
  validUntil: string;
  /** ISO 4217. */
  currency: string;
  /** CNY per 1 unit of `currency`, up to 8 decimals ("7.1234"); "1" for CNY. */
  rate: string;
  /** Decimals unit prices are rounded to when converted from CNY (0–4). */
  priceDecimals: number;
  paymentTerms: string;
  /** Whole percent, 0–100. */
  depositPercent: number;
  /** When the balance is due; the printed payment sentence follows it. */
  balanceRule: BalanceRule;
  /** For 'days_after_bl': the number of days. */
  balanceDays: number | null;
  /** "35 days after deposit". */
  deliveryTime: string;
  /** Remarks printed on the document. */
  notes: string;
  /** Shipping marks for the cartons (printed on the PI, so the buyer confirms them, and on the packing list). */
  shippingMarks: string;
  lines: DocumentLine[];
  charges: DocumentCharge[];
  discount: Discount;
  totals: DocumentTotals;
  containers: ContainerFill[];
}

export interface QuoteRef {
  id: number;
  number: string;
  revision: number;
  /** "Q2026-0007" or "Q2026-0007-R2". */
  displayNumber: string;
  status: QuoteStatus;
}

export interface Quote extends TradeDocument {
  id: number;
  /** Prefix + year + sequence, shared by all revisions: "JH-Q2026-0007". */
  number: string;
  revision: number;
  displayNumber: string;
  status: QuoteStatus;
  /** The typed payment terms contradict the deposit % or the balance rule: shown before printing. */
  termsWarnings: TermsWarning[];
  /** The revision this one replaced, and the one that replaced it. */
  supersedes: QuoteRef | null;
  supersededBy: QuoteRef | null;
  /** Pro-forma invoices made from this quotation (a cancelled one keeps its number). */
  invoices: Array<{ id: number; number: string; status: string }>;
  sentAt: string | null;
  acceptedAt: string | null;
  rejectedAt: string | null;
  rejectReason: string;
  expiredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A deleted draft, as kept for the record. */
export interface DeletedDraft {
  /** "Q2026-0007" or "Q2026-0007-R2". */
  displayNumber: string;
  buyerId: number | null;
  company: string;
  currency: string;
  grandTotal: Money;
  lineCount: number;
  deletedAt: string;
}

/** A row of the quotation list. */
export interface QuoteSummary {
  id: number;
  number: string;
  revision: number;
  displayNumber: string;
  status: QuoteStatus;
  date: string;
  validUntil: string;
  buyer: { id: number; company: string; country: string };
  currency: string;
  grandTotal: Money;
  lineCount: number;
  cartons: number;
  cbm: string;
  invoice: { id: number; number: string; status: string } | null;
  updatedAt: string;
}

export interface ContainerType {
  code: string;
  /** Practical loading volume in m³ (3 decimals) and payload in kg (whole kg). */
  capacityCbm: string;
  payloadKg: string;
}

export interface QuoteSettings {
  /** Default decimals of unit prices converted from CNY, for new quotations (0–4). */
  priceDecimals: number;
  containers: ContainerType[];
}
