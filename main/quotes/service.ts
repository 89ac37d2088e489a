/**
 * Quotations: numbering, terms, lines with product snapshots, the workflow
 * (draft → sent → accepted / rejected / expired; revisions supersede), and the
 * view every reader gets. All figures come from totals.ts through document.ts.
 *
 * Expiry needs no timer: a draft or sent quotation whose last valid day has
 * passed reads as expired (effective(), with the time this process first saw
 * it so), and the next write of a quotation or PI stores that (expireDue, in
 * the writer's transaction). Reads never write, so they never take the write lock.
 */
import type { Core } from '../core';
import { AppError, invalid, msg, notFound } from '../api/errors';
import * as q from '../../db/quotes';
import { getProduct, getProductByItemNo, photosFor, priceTiersFor, type ProductRow } from '../../db/products';
import { getBuyer as getBuyerRow } from '../../db/buyers';
import { invoicesOfQuotes } from '../../db/invoices';
import { createBuyer, getBuyer } from '../buyers/service';
import { getDefaults, getSeller } from '../settings/service';
import { walkInDefaults } from '../buyers/walkIn';
import { levels } from '../stock/service';
import type { Product } from '../products/service';
import { searchProducts } from '../products/search';
import { rateE8On, rateText } from '../rates/service';
import { DecimalError, fromScaled, toScaled } from '../money/decimal';
import { AMOUNT_SCALE, convertAmount, digitsRule, fitsCurrency, toSafeNumber } from '../money/amounts';
import { addDays, localDate, yearOf } from './dates';
import { buildParts, derivePriceE4, type DocumentParts, type PricingTerms } from './document';
import { CNY_RATE_E8, money, pickTier, unitPrice, type ContainerSpec } from './totals';
import { MAX_QTY, type LineInput, type QuickBuyer, type QuoteChanges, type QuoteCreate, type TermsInput } from './schema';
import { INSURED_INCOTERMS, type BalanceRule, type BuyerBlock, type DeletedDraft, type Discount, type Incoterm, type Quote, type QuoteRef, type QuoteSettings, type QuoteStatus, type QuoteSummary, type SellerSnapshot, type TradeDocument } from './types';
import { paymentTermsWarnings } from './paymentTerms';
import { buyerWithDefaults, sellerWithDefaults } from './tradeDefaults';

const today = (core: Core) => localDate(core.now());
const nowIso = (core: Core) => core.now().toISOString();

export function displayNumber(row: Pick<q.QuoteRow, 'number' | 'revision'>): string {
  return row.revision > 1 ? `${row.number}-R${row.revision}` : row.number;
}

/** When this process first showed each quotation as expired (its expiredAt until a write stores it). */
const seenExpired = new WeakMap<Core, Map<number, string>>();

/**
 * The row as a reader sees it: a draft or sent quotation past its last valid
 * day is expired, since the first time it was read so (nothing is written).
 */
export function effective<R extends q.QuoteRow>(core: Core, row: R): R {
  if ((row.status !== 'draft' && row.status !== 'sent') || row.valid_until >= today(core)) return row;
  let seen = seenExpired.get(core);
  if (!seen) {
    seen = new Map();
    seenExpired.set(core, seen);
  }
  let at = seen.get(row.id);
  if (!at) {
    at = nowIso(core);
    seen.set(row.id, at);
  }
  return { ...row, status: 'expired', expired_at: at, updated_at: at };
}

/**
 * Stores the expiry of draft and sent quotations past their validity (with the
 * time they were first shown expired). Runs at the start of every writing
 * quotes/invoices method, inside its transaction.
 */
export function expireDue(core: Core): number {
  const seen = seenExpired.get(core);
  let changed = 0;
  if (seen) {
    for (const [id, at] of seen) changed += q.expireQuoteAt(core.db, id, today(core), at);
    seen.clear();
  }
  return changed + q.expireDue(core.db, today(core), nowIso(core));
}

function requireQuote(core: Core, id: number, field = 'id'): q.QuoteRow {
  const row = q.getQuote(core.db, id);
  if (!row) throw notFound(msg(`There is no quotation with id ${id}`, `没有 id 为 ${id} 的报价单`), field);
  return effective(core, row);
}

const STATUS_ZH: Record<QuoteStatus, string> = {
  draft: '草稿', sent: '已发送', accepted: '已接受', rejected: '已拒绝', expired: '已过期', superseded: '已被新版本取代',
};

function requireDraft(row: q.QuoteRow): void {
  if (row.status !== 'draft') {
    throw new AppError(
      'conflict',
      msg(
        `Quotation ${displayNumber(row)} is ${row.status}: only a draft can change; make a revision instead`,
        `报价单 ${displayNumber(row)} ${STATUS_ZH[row.status]}：只有草稿可以修改，请新建修订版`,
      ),
      'id',
    );
  }
}

// ---------------------------------------------------------------------------
// Snapshots: the seller, the buyer and the products as they are now.

export function sellerSnapshot(core: Core): SellerSnapshot {
  const { updatedAt: _u, ...seller } = getSeller(core);
  return seller;
}

export function buyerBlock(core: Core, buyerId: number): BuyerBlock {
  const b = getBuyer(core, buyerId);
  const c = b.contacts[0];
  return {
    id: b.id,
    company: b.company,
    country: b.country,
    city: b.city,
    address: b.address,
    currency: b.currency,
    docLanguage: b.docLanguage,
    taxNo: b.taxNo,
    contact: c ? { name: c.name, role: c.role, phone: c.phone, whatsapp: c.whatsapp, wechat: c.wechat, email: c.email } : null,
  };
}

type Snapshot = Omit<q.QuoteLineWrite, 'position' | 'qty' | 'unit_price_e4' | 'typed_price_e4' | 'typed_currency' | 'typed_rate_e8' | 'note'>;

function snapshotOf(core: Core, product: ProductRow): Snapshot {
  const tiers = priceTiersFor(core.db, [product.id]).map((t) => ({ minQty: t.min_qty, priceCnyE4: t.price_cny_e4 }));
  const cover = photosFor(core.db, [product.id])[0]?.image_hash ?? null;
  return {
    product_id: product.id,
    item_no: product.item_no,
    name_zh: product.name_zh,
    name_en: product.name_en,
    name_ar: product.name_ar,
    name_es: product.name_es,
    name_ru: product.name_ru,
    name_fr: product.name_fr,
    name_pt: product.name_pt,
    cover_image: cover,
    unit: product.unit,
    moq: product.moq,
    colors: product.colors,
    material: product.material,
    sizes: product.sizes,
    hs_code: product.hs_code,
    origin_country: product.origin_country,
    barcode: product.barcode,
    pcs_per_inner: product.pcs_per_inner,
    pcs_per_carton: product.pcs_per_carton,
    carton_l_mm: product.carton_l_mm,
    carton_w_mm: product.carton_w_mm,
    carton_h_mm: product.carton_h_mm,
    gw_g: product.gw_g,
    nw_g: product.nw_g,
    price_tiers: JSON.stringify(tiers),
  };
}

function resolveProduct(core: Core, ref: { productId?: number | undefined; itemNo?: string | undefined }, fieldPrefix: string): ProductRow {
  if (ref.productId !== undefined) {
    const row = getProduct(core.db, ref.productId);
    if (!row) throw notFound(msg(`${fieldPrefix}productId: there is no product with id ${ref.productId}`, `${fieldPrefix}productId：没有 id 为 ${ref.productId} 的产品`), `${fieldPrefix}productId`);
    return row;
  }
  const itemNo = (ref.itemNo ?? '').trim();
  const row = getProductByItemNo(core.db, itemNo);
  if (!row) throw notFound(msg(`${fieldPrefix}itemNo: there is no product with item no ${itemNo}`, `${fieldPrefix}itemNo：没有货号为 ${itemNo} 的产品`), `${fieldPrefix}itemNo`);
  return row;
}

/** A new line starts at the MOQ (or one carton, or 1). */
function defaultQty(s: Pick<Snapshot, 'moq' | 'pcs_per_carton'>): number {
  return s.moq > 0 ? s.moq : (s.pcs_per_carton ?? 1);
}

// ---------------------------------------------------------------------------
// Terms

/**
 * A buyer added on the spot, from a WhatsApp number alone if need be: country from the calling code,
 * document language and currency from the country (main/buyers/walkIn.ts). Returns the buyer and the
 * currency to quote in (the one given, else the buyer's).
 */
function quickAddBuyer(core: Core, input: QuickBuyer, currency: string | undefined, field: string): { buyerId: number; currency: string } {
  const derived = walkInDefaults(input, {
    defaultCurrency: getDefaults(core).defaultCurrency,
    quotable: (c) => c === 'CNY' || rateE8On(core, c, today(core)) !== null,
    field,
  });
  const buyer = createBuyer(core, {
    company: derived.company,
    country: derived.country,
    currency: currency ?? derived.currency,
    docLanguage: derived.docLanguage,
    contacts: derived.whatsapp || input.contactName ? [{ name: input.contactName ?? '', whatsapp: derived.whatsapp, phone: derived.whatsapp }] : [],
  });
  return { buyerId: buyer.id, currency: currency ?? derived.currency };
}

function requireBuyer(core: Core, id: number, field: string): void {
  if (!getBuyerRow(core.db, id)) throw notFound(msg(`${field}: there is no buyer with id ${id}`, `${field}：没有 id 为 ${id} 的客户`), field);
}

function rateFor(core: Core, currency: string, day: string, given: number | undefined): number {
  if (currency === 'CNY') {
    if (given !== undefined && given !== CNY_RATE_E8) throw invalid('rate', msg('a CNY quotation has the rate 1', '人民币报价的汇率为 1'));
    return CNY_RATE_E8;
  }
  if (given !== undefined) return given;
  const rate = rateE8On(core, currency, day);
  if (rate === null) {
    throw invalid('rate', msg(`there is no exchange rate for ${currency} yet: enter one in Rates or give the rate`, `还没有 ${currency} 的汇率：请在汇率页录入，或直接填写汇率`));
  }
  return rate;
}

/** percent (input at 2 decimals, × 100) → × 10⁴; an amount comes at AMOUNT_SCALE already. */
function discountWrite(d: TermsInput['discount']): Pick<q.QuoteTermsWrite, 'discount_kind' | 'discount_e4'> | null {
  if (!d) return null;
  if (d.kind === 'percent') return { discount_kind: 'percent', discount_e4: d.percent * 100 };
  if (d.kind === 'amount') return { discount_kind: 'amount', discount_e4: d.amount };
  return { discount_kind: 'none', discount_e4: 0 };
}

function pricing(terms: Pick<q.QuoteTermsWrite, 'currency' | 'rate_e8' | 'price_decimals'>): PricingTerms {
  return { currency: terms.currency, rateE8: terms.rate_e8, priceDecimals: terms.price_decimals };
}

// ---------------------------------------------------------------------------
// Lines

function rowToWrite(row: q.QuoteLineRow): q.QuoteLineWrite {
  const { id: _id, quote_id: _q, ...write } = row;
  return write;
}

function sameWrite(a: q.QuoteLineWrite, b: q.QuoteLineWrite): boolean {
  return q.LINE_COLUMNS.every((c) => a[c] === b[c]);
}

function setQty(write: q.QuoteLineWrite, input: Pick<LineInput, 'qty' | 'cartons'>, field: string): void {
  if (input.cartons !== undefined) {
    if (!write.pcs_per_carton) {
      throw invalid(`${field}.cartons`, msg(`item ${write.item_no} has no pcs per carton: give the quantity in pieces`, `货号 ${write.item_no} 没有装箱数：请按件数填写数量`));
    }
    const qty = input.cartons * write.pcs_per_carton;
    if (qty > MAX_QTY) throw invalid(`${field}.cartons`, msg(`is more than ${MAX_QTY} ${write.unit}`, `超过 ${MAX_QTY} ${write.unit}`));
    write.qty = qty;
  } else if (input.qty !== undefined) {
    write.qty = input.qty;
  }
}

function setTypedPrice(write: q.QuoteLineWrite, price: number | null | undefined, terms: PricingTerms): void {
  if (price === undefined) return;
  if (price === null) {
    write.typed_price_e4 = null;
    write.typed_currency = null;
    write.typed_rate_e8 = null;
  } else {
    write.typed_price_e4 = price;
    write.typed_currency = terms.currency;
    write.typed_rate_e8 = terms.rateE8;
  }
}

/**
 * Writes a draft's lines: `inputs` (when given) is the new list in order; lines
 * named by lineId keep their snapshot. Every line's price is derived again from
 * its source with the current terms; only rows that changed are written.
 */
function writeLines(core: Core, quoteId: number, terms: PricingTerms, inputs: LineInput[] | undefined): q.QuoteLineRow[] {
  const existing = q.linesOf(core.db, quoteId);
  const byId = new Map(existing.map((l) => [l.id, l]));
  const targets: Array<{ id: number | null; write: q.QuoteLineWrite }> = [];
  if (!inputs) {
    for (const row of existing) targets.push({ id: row.id, write: rowToWrite(row) });
  } else {
    const used = new Set<number>();
    inputs.forEach((input, i) => {
      const field = `lines.${i}`;
      let write: q.QuoteLineWrite;
      let id: number | null = null;
      if (input.lineId !== undefined) {
        const row = byId.get(input.lineId);
        if (!row) throw invalid(`${field}.lineId`, msg('is not a line of this quotation', '不是本报价单的行'));
        if (used.has(row.id)) throw invalid(`${field}.lineId`, msg('is listed twice', '重复出现'));
        used.add(row.id);
        id = row.id;
        write = rowToWrite(row);
      } else {
        const snapshot = snapshotOf(core, resolveProduct(core, input, `${field}.`));
        write = { ...snapshot, position: 0, qty: defaultQty(snapshot), unit_price_e4: 0, typed_price_e4: null, typed_currency: null, typed_rate_e8: null, note: '' };
      }
      setQty(write, input, field);
      setTypedPrice(write, input.unitPrice, terms);
      if (input.note !== undefined) write.note = input.note;
      targets.push({ id, write });
    });
  }
  targets.forEach((t, position) => {
    t.write.position = position;
    t.write.unit_price_e4 = pricedOrRefused(t.write, terms, `lines.${position}.unitPrice`);
  });
  const kept = new Set(targets.map((t) => t.id).filter((id): id is number => id !== null));
  q.deleteLines(core.db, existing.filter((l) => !kept.has(l.id)).map((l) => l.id));
  return targets.map((t) => {
    let id = t.id;
    if (id === null) id = q.insertLine(core.db, quoteId, t.write);
    else if (!sameWrite(t.write, rowToWrite(byId.get(id) as q.QuoteLineRow))) q.updateLine(core.db, id, t.write);
    return { id, quote_id: quoteId, ...t.write };
  });
}

/** A line's price at these terms; a conversion too large to be exact is refused, naming the field. */
function pricedOrRefused(line: q.QuoteLineWrite, terms: PricingTerms, field: string): number {
  try {
    return derivePriceE4(line, terms);
  } catch (error) {
    if (error instanceof DecimalError) {
      throw invalid(field, msg(`is too large once converted to ${terms.currency}; check the rate`, `换算成 ${terms.currency} 后数值过大，请检查汇率`));
    }
    throw error;
  }
}

function writeCharges(core: Core, quoteId: number, charges: TermsInput['charges']): void {
  if (!charges) return;
  q.replaceCharges(
    core.db,
    quoteId,
    charges.map((c, position) => ({ position, kind: c.kind, description: c.description ?? '', amount_e4: c.amount })),
  );
}

// ---------------------------------------------------------------------------
// The view

function containerSpecs(core: Core): ContainerSpec[] {
  return q.containerTypes(core.db).map((c) => ({ code: c.code, capacityCbmE3: c.capacity_cbm_e3, payloadKg: c.payload_kg }));
}

function discountOf(row: Pick<q.QuoteRow, 'discount_kind' | 'discount_e4' | 'currency'>): Discount {
  if (row.discount_kind === 'percent') return { kind: 'percent', percent: fromScaled(row.discount_e4, 4, 0) };
  if (row.discount_kind === 'amount') return { kind: 'amount', amount: money(row.discount_e4, row.currency) };
  return { kind: 'none' };
}

/** Lines, charges, totals and container fill of a stored quotation. */
export function partsOf(core: Core, row: q.QuoteRow, stockWarnings: boolean, lines: q.QuoteLineRow[] = q.linesOf(core.db, row.id)): DocumentParts {
  let available: Map<number, number> | null = null;
  if (stockWarnings) {
    const ids = [...new Set(lines.map((l) => l.product_id).filter((id): id is number => id !== null))];
    available = new Map([...levels(core, ids)].map(([id, level]) => [id, level.available]));
  }
  return buildParts(lines, q.chargesOf(core.db, row.id), {
    ...pricing(row),
    discount: { kind: row.discount_kind, e4: row.discount_e4 },
    depositPercent: row.deposit_percent,
    containers: containerSpecs(core),
    available,
  });
}

/** The document as it stands: the frozen seller/buyer once sent, the live ones while a draft. */
export function tradeDocument(core: Core, row: q.QuoteRow, parts: DocumentParts): TradeDocument {
  return {
    seller: row.seller_snapshot ? sellerWithDefaults(JSON.parse(row.seller_snapshot) as SellerSnapshot) : sellerSnapshot(core),
    buyer: row.buyer_snapshot ? buyerWithDefaults(JSON.parse(row.buyer_snapshot) as BuyerBlock) : buyerBlock(core, row.buyer_id),
    date: row.quote_date,
    validityDays: row.validity_days,
    validUntil: row.valid_until,
    currency: row.currency,
    rate: rateText(row.rate_e8),
    priceDecimals: row.price_decimals,
    incoterm: row.incoterm as Incoterm,
    incotermPlace: row.incoterm_place,
    portOfLoading: row.port_of_loading,
    portOfDestination: row.port_of_destination,
    partialShipment: row.partial_shipment === null ? null : row.partial_shipment === 1,
    transshipment: row.transshipment === null ? null : row.transshipment === 1,
    insurancePercent: row.insurance_percent,
    paymentTerms: row.payment_terms,
    depositPercent: row.deposit_percent,
    balanceRule: row.balance_rule as BalanceRule,
    balanceDays: row.balance_days,
    deliveryTime: row.delivery_time,
    notes: row.notes,
    shippingMarks: row.shipping_marks,
    lines: parts.lines,
    charges: parts.charges,
    discount: discountOf(row),
    totals: parts.totals,
    containers: parts.containers,
  };
}

function ref(row: q.QuoteRow): QuoteRef {
  return { id: row.id, number: row.number, revision: row.revision, displayNumber: displayNumber(row), status: row.status };
}

function persistTotals(core: Core, row: q.QuoteRow, parts: DocumentParts): void {
  const f = parts.figures;
  const totals: q.QuoteTotalsWrite = {
    line_count: parts.lines.length,
    amount_e4: Number(f.amountE4),
    grand_total_e4: Number(f.grandTotalE4),
    cartons: f.cartons,
    cbm_e3: Number(f.cbmE3),
  };
  if (
    totals.line_count !== row.line_count || totals.amount_e4 !== row.amount_e4 || totals.grand_total_e4 !== row.grand_total_e4 ||
    totals.cartons !== row.cartons || totals.cbm_e3 !== row.cbm_e3
  ) {
    q.updateQuoteTotals(core.db, row.id, totals);
  }
}

function toQuote(core: Core, row: q.QuoteRow, parts: DocumentParts): Quote {
  const before = row.supersedes_id ? q.getQuote(core.db, row.supersedes_id) : undefined;
  const after = q.supersededBy(core.db, row.id);
  const previous = before ? effective(core, before) : undefined;
  const next = after ? effective(core, after) : undefined;
  return {
    id: row.id,
    number: row.number,
    revision: row.revision,
    displayNumber: displayNumber(row),
    status: row.status,
    ...tradeDocument(core, row, parts),
    termsWarnings: paymentTermsWarnings({ paymentTerms: row.payment_terms, depositPercent: row.deposit_percent, balanceRule: row.balance_rule as BalanceRule }),
    supersedes: previous ? ref(previous) : null,
    supersededBy: next ? ref(next) : null,
    invoices: invoicesOfQuotes(core.db, [row.id]).map((i) => ({ id: i.id, number: i.number, status: i.status })),
    sentAt: row.sent_at,
    acceptedAt: row.accepted_at,
    rejectedAt: row.rejected_at,
    rejectReason: row.reject_reason,
    expiredAt: row.expired_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The largest total a quotation or PI may have: amounts × 10⁴ stay exact JavaScript integers. */
const MAX_AMOUNT_E4 = BigInt(Number.MAX_SAFE_INTEGER) - (BigInt(Number.MAX_SAFE_INTEGER) % 10_000n);

/**
 * Typed amounts (a fixed discount, charges) may not have more decimals than the
 * quotation's currency: KWD 12.345 is an amount, USD 12.345 and JPY 12.5 are not.
 * Checked after every change, so switching a quotation with a KWD 12.345 charge to
 * USD is refused (naming the charge) rather than rounding it silently.
 */
function requireCurrencyDigits(core: Core, row: q.QuoteRow): void {
  const rule = digitsRule(row.currency);
  if (row.discount_kind === 'amount' && !fitsCurrency(row.discount_e4, row.currency)) {
    const shown = fromScaled(row.discount_e4, AMOUNT_SCALE, 0);
    throw invalid('discount.amount', msg(`${shown}: ${rule.en}`, `${shown}：${rule.zh}`));
  }
  q.chargesOf(core.db, row.id).forEach((c, i) => {
    if (!fitsCurrency(c.amount_e4, row.currency)) {
      const shown = fromScaled(c.amount_e4, AMOUNT_SCALE, 0);
      throw invalid(`charges.${i}.amount`, msg(`${shown}: ${rule.en}`, `${shown}：${rule.zh}`));
    }
  });
}

/** Recomputes a quotation after a change, stores its totals for lists and returns its view. */
function recalculated(core: Core, id: number, lines?: q.QuoteLineRow[]): Quote {
  const row = requireQuote(core, id);
  const parts = partsOf(core, row, row.status === 'draft' || row.status === 'sent', lines);
  const f = parts.figures;
  requireCurrencyDigits(core, row);
  if (f.amountE4 > MAX_AMOUNT_E4 || f.grandTotalE4 > MAX_AMOUNT_E4) {
    const most = money(MAX_AMOUNT_E4, row.currency);
    throw invalid('lines', msg(`the quotation's total is more than ${row.currency} ${most}: split it into several quotations`, `报价单总额超过 ${row.currency} ${most}：请拆分为多张报价单`));
  }
  if (row.discount_kind === 'amount' && BigInt(row.discount_e4) > f.amountE4) {
    const lines = money(f.amountE4, row.currency);
    throw invalid('discount.amount', msg(`is more than the lines' amount (${lines})`, `超过了货款金额（${lines}）`));
  }
  if (row.status === 'draft') persistTotals(core, row, parts);
  return toQuote(core, row, parts);
}

// ---------------------------------------------------------------------------
// Methods' work

export function getQuote(core: Core, id: number): Quote {
  const row = requireQuote(core, id);
  return toQuote(core, row, partsOf(core, row, row.status === 'draft' || row.status === 'sent'));
}

export function getQuoteByNumber(core: Core, number: string, revision?: number): Quote {
  const row = q.getQuoteByNumber(core.db, number.trim(), revision);
  if (!row) {
    const shown = revision ? `${number} rev ${revision}` : number;
    throw notFound(msg(`There is no quotation ${shown}`, `没有报价单 ${shown}`), 'number');
  }
  return getQuote(core, row.id);
}

function newNumber(core: Core, date: string): { year: number; seq: number; number: string } {
  const year = yearOf(date);
  const seq = q.nextQuoteSeq(core.db, year);
  return { year, seq, number: `${getDefaults(core).quotePrefix}${year}-${String(seq).padStart(4, '0')}` };
}

export function createQuote(core: Core, input: QuoteCreate): Quote {
  expireDue(core);
  const defaults = getDefaults(core);
  const date = input.date ?? today(core);
  let buyerId: number;
  let currency: string;
  if (input.newBuyer) {
    ({ buyerId, currency } = quickAddBuyer(core, input.newBuyer, input.currency, 'newBuyer'));
  } else {
    buyerId = input.buyerId as number;
    requireBuyer(core, buyerId, 'buyerId');
    currency = input.currency ?? (getBuyerRow(core.db, buyerId) as { currency: string }).currency ?? defaults.defaultCurrency;
  }
  const validity = input.validityDays ?? defaults.validityDays;
  const incoterm = input.incoterm ?? 'FOB';
  const place = input.incotermPlace ?? (incoterm === 'FOB' ? 'Ningbo' : '');
  const terms: q.QuoteTermsWrite = {
    buyer_id: buyerId,
    quote_date: date,
    validity_days: validity,
    valid_until: addDays(date, validity),
    currency,
    rate_e8: rateFor(core, currency, date, input.rate),
    price_decimals: input.priceDecimals ?? q.getQuoteSettings(core.db).price_decimals,
    incoterm,
    incoterm_place: place,
    payment_terms: input.paymentTerms ?? defaults.paymentTerms,
    deposit_percent: input.depositPercent ?? defaults.depositPercent,
    delivery_time: input.deliveryTime ?? '',
    notes: input.notes ?? '',
    shipping_marks: input.shippingMarks ?? '',
    ...(discountWrite(input.discount) ?? { discount_kind: 'none', discount_e4: 0 }),
    ...shipmentTerms(input, {
      port_of_loading: SHIPPED_FROM_PLACE.has(incoterm) ? place : '',
      port_of_destination: SHIPPED_TO_PLACE.has(incoterm) ? place : '',
      partial_shipment: null,
      transshipment: null,
      insurance_percent: null,
      balance_rule: 'before_shipment',
      balance_days: null,
    }, incoterm),
  };
  const id = q.insertQuote(core.db, { ...terms, ...newNumber(core, date), revision: 1, supersedes_id: null }, nowIso(core));
  writeLines(core, id, pricing(terms), input.lines ?? []);
  writeCharges(core, id, input.charges);
  return recalculated(core, id);
}

function mergedTerms(core: Core, row: q.QuoteRow, c: QuoteChanges): q.QuoteTermsWrite {
  const date = c.date ?? row.quote_date;
  const validity = c.validityDays ?? row.validity_days;
  const currency = c.currency ?? row.currency;
  let rate = row.rate_e8;
  if (c.rate !== undefined || currency !== row.currency) rate = rateFor(core, currency, date, c.rate);
  if (c.buyerId !== undefined) requireBuyer(core, c.buyerId, 'changes.buyerId');
  return {
    buyer_id: c.buyerId ?? row.buyer_id,
    quote_date: date,
    validity_days: validity,
    valid_until: addDays(date, validity),
    currency,
    rate_e8: rate,
    price_decimals: c.priceDecimals ?? row.price_decimals,
    incoterm: c.incoterm ?? row.incoterm,
    incoterm_place: c.incotermPlace ?? row.incoterm_place,
    payment_terms: c.paymentTerms ?? row.payment_terms,
    deposit_percent: c.depositPercent ?? row.deposit_percent,
    delivery_time: c.deliveryTime ?? row.delivery_time,
    notes: c.notes ?? row.notes,
    shipping_marks: c.shippingMarks ?? row.shipping_marks,
    ...(discountWrite(c.discount) ?? { discount_kind: row.discount_kind, discount_e4: row.discount_e4 }),
    ...shipmentTerms(c, row, c.incoterm ?? row.incoterm),
  };
}

/** Rules whose named place is where the goods leave (F group, EXW) or arrive (C and D groups). */
const SHIPPED_FROM_PLACE = new Set<string>(['FCA', 'FAS', 'FOB']);
const SHIPPED_TO_PLACE = new Set<string>(['CPT', 'CIP', 'CFR', 'CIF', 'DAP', 'DPU', 'DDP']);

type ShipmentColumns = Pick<q.QuoteTermsWrite, 'port_of_loading' | 'port_of_destination' | 'partial_shipment' | 'transshipment' | 'insurance_percent' | 'balance_rule' | 'balance_days'>;

/**
 * Ports, partial shipment, transshipment, the insurance basis and the balance rule: the given ones over
 * the stored (or default) ones. CIF and CIP insure the goods: without a basis, 110 % of the invoice
 * value (the Incoterms 2020 minimum). A balance due N days after the B/L needs N.
 */
function shipmentTerms(c: TermsInput, base: ShipmentColumns, incoterm: string): ShipmentColumns {
  const flag = (v: boolean | null | undefined, old: 0 | 1 | null) => (v === undefined ? old : v === null ? null : v ? 1 : 0);
  const out: ShipmentColumns = {
    port_of_loading: c.portOfLoading ?? base.port_of_loading,
    port_of_destination: c.portOfDestination ?? base.port_of_destination,
    partial_shipment: flag(c.partialShipment, base.partial_shipment),
    transshipment: flag(c.transshipment, base.transshipment),
    insurance_percent: c.insurancePercent !== undefined ? c.insurancePercent : base.insurance_percent,
    balance_rule: c.balanceRule ?? base.balance_rule,
    balance_days: c.balanceDays !== undefined ? c.balanceDays : base.balance_days,
  };
  if ((INSURED_INCOTERMS as readonly string[]).includes(incoterm) && out.insurance_percent === null) out.insurance_percent = 110;
  if (out.balance_rule === 'days_after_bl' && out.balance_days === null) {
    throw invalid('balanceDays', msg('give the number of days after the B/L date the balance is due', '请填写提单日后多少天付清尾款'));
  }
  return out;
}

/** Errors about fields of `changes` name them as the caller nested them ("changes.lines.0.itemNo"). */
function nested<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof AppError && error.field && !error.field.startsWith(prefix)) {
      const field = `${prefix}${error.field}`;
      const strip = (text: string) => text.replace(`${error.field as string}:`, `${field}:`).replace(`${error.field as string}：`, `${field}：`);
      throw new AppError(error.code, msg(strip(error.localized.en), strip(error.localized.zh)), field);
    }
    throw error;
  }
}

export function updateQuote(core: Core, id: number, changes: QuoteChanges): Quote {
  expireDue(core);
  const row = requireQuote(core, id);
  requireDraft(row);
  return nested('changes.', () => {
    const terms = mergedTerms(core, row, changes);
    q.updateQuoteTerms(core.db, id, terms, nowIso(core));
    const lines = writeLines(core, id, pricing(terms), changes.lines);
    writeCharges(core, id, changes.charges);
    return recalculated(core, id, lines);
  });
}

export interface AddLineInput {
  productId?: number | undefined;
  itemNo?: string | undefined;
  qty?: number | undefined;
  cartons?: number | undefined;
  unitPrice?: number | undefined;
  note?: string | undefined;
}

function keepAll(core: Core, id: number): LineInput[] {
  return q.linesOf(core.db, id).map((l) => ({ lineId: l.id }));
}

/** Appends a product as a new line (quantity: the MOQ unless given). */
export function addLine(core: Core, id: number, input: AddLineInput): Quote {
  expireDue(core);
  const row = requireQuote(core, id);
  requireDraft(row);
  const lines = keepAll(core, id);
  const line: LineInput = { ...input };
  lines.push(line);
  let written: q.QuoteLineRow[];
  try {
    written = writeLines(core, id, pricing(row), lines);
  } catch (error) {
    // Name the fields as this method's input does (itemNo, cartons), not as a list position.
    if (error instanceof AppError && error.field?.startsWith(`lines.${lines.length - 1}.`)) {
      const field = error.field.slice(`lines.${lines.length - 1}.`.length);
      const strip = (text: string) => text.replace(`${error.field as string}`, field);
      throw new AppError(error.code, msg(strip(error.localized.en), strip(error.localized.zh)), field);
    }
    throw error;
  }
  return recalculated(core, id, written);
}

export interface ScanResult {
  quote: Quote;
  /** The line the scan added to or created. */
  lineId: number;
  action: 'line_added' | 'carton_added';
}

/**
 * A barcode scanner types the code and Enter. A product already on the
 * quotation gets one more carton (one more unit without packing); a new one is
 * added as a line at its MOQ.
 */
export function addByScan(core: Core, id: number, code: string): ScanResult {
  expireDue(core);
  const row = requireQuote(core, id);
  requireDraft(row);
  const trimmed = code.trim();
  const productId = q.productIdByBarcode(core.db, trimmed) ?? getProductByItemNo(core.db, trimmed)?.id;
  if (productId === undefined) {
    throw notFound(msg(`code: no product has the barcode or item no ${trimmed}`, `code：没有条码或货号为 ${trimmed} 的产品`), 'code');
  }
  const existing = q.linesOf(core.db, id);
  const line = [...existing].reverse().find((l) => l.product_id === productId);
  const lines: LineInput[] = existing.map((l) => ({ lineId: l.id }));
  if (line) {
    const step = line.pcs_per_carton ?? 1;
    if (line.qty + step > MAX_QTY) throw invalid('code', msg(`the quantity would exceed ${MAX_QTY}`, `数量将超过 ${MAX_QTY}`));
    const index = existing.indexOf(line);
    lines[index] = { lineId: line.id, qty: line.qty + step };
    const written = writeLines(core, id, pricing(row), lines);
    return { quote: recalculated(core, id, written), lineId: line.id, action: 'carton_added' };
  }
  lines.push({ productId });
  const written = writeLines(core, id, pricing(row), lines);
  const quote = recalculated(core, id, written);
  return { quote, lineId: (quote.lines[quote.lines.length - 1] as Quote['lines'][number]).id, action: 'line_added' };
}

// ---------------------------------------------------------------------------
// Workflow

function requireLines(row: q.QuoteRow): void {
  if (row.line_count === 0) {
    throw invalid('id', msg(`quotation ${displayNumber(row)} has no lines yet`, `报价单 ${displayNumber(row)} 还没有任何产品`));
  }
}

function freezeSnapshots(core: Core, row: q.QuoteRow): Pick<q.StatusChange, 'seller_snapshot' | 'buyer_snapshot'> {
  return {
    seller_snapshot: row.seller_snapshot ?? JSON.stringify(sellerSnapshot(core)),
    buyer_snapshot: row.buyer_snapshot ?? JSON.stringify(buyerBlock(core, row.buyer_id)),
  };
}

function refuse(row: q.QuoteRow, action: { en: string; zh: string }): never {
  throw new AppError(
    'conflict',
    msg(`Quotation ${displayNumber(row)} is ${row.status}: it cannot be ${action.en}`, `报价单 ${displayNumber(row)} ${STATUS_ZH[row.status]}，不能${action.zh}`),
    'id',
  );
}

export function sendQuote(core: Core, id: number): Quote {
  expireDue(core);
  const row = requireQuote(core, id);
  if (row.status !== 'draft') refuse(row, { en: 'sent', zh: '发送' });
  requireLines(row);
  q.setQuoteStatus(core.db, id, { status: 'sent', sent_at: nowIso(core), ...freezeSnapshots(core, row) }, nowIso(core));
  return getQuote(core, id);
}

export function acceptQuote(core: Core, id: number): Quote {
  expireDue(core);
  const row = requireQuote(core, id);
  if (row.status !== 'draft' && row.status !== 'sent') {
    if (row.status === 'expired') {
      throw new AppError(
        'conflict',
        msg(`Quotation ${displayNumber(row)} expired on ${row.valid_until}: make a revision with today's prices`, `报价单 ${displayNumber(row)} 已于 ${row.valid_until} 过期：请新建修订版`),
        'id',
      );
    }
    refuse(row, { en: 'accepted', zh: '接受' });
  }
  requireLines(row);
  const now = nowIso(core);
  q.setQuoteStatus(core.db, id, { status: 'accepted', accepted_at: now, ...(row.sent_at ? {} : { sent_at: now }), ...freezeSnapshots(core, row) }, now);
  return getQuote(core, id);
}

export function rejectQuote(core: Core, id: number, reason: string): Quote {
  expireDue(core);
  const row = requireQuote(core, id);
  if (row.status !== 'draft' && row.status !== 'sent') refuse(row, { en: 'rejected', zh: '拒绝' });
  q.setQuoteStatus(core.db, id, { status: 'rejected', rejected_at: nowIso(core), reject_reason: reason, ...freezeSnapshots(core, row) }, nowIso(core));
  return getQuote(core, id);
}

/**
 * Deletes a draft made by mistake (or one that expired unsent), with its lines and charges. Its number is
 * kept in deleted_quotes and never given to another quotation (the draft may
 * have been printed). Deleting a revision's draft gives the revision before it
 * back the status it had, and returns it. Anything but a draft stays on record.
 */
export function deleteDraft(core: Core, id: number): { deleted: string; reopened: QuoteRef | null } {
  expireDue(core);
  const row = requireQuote(core, id);
  // A draft, or a draft that expired unsent; anything sent, accepted or rejected stays on record.
  if (!(row.status === 'draft' || (row.status === 'expired' && row.sent_at === null))) {
    throw new AppError(
      'conflict',
      msg(
        `Quotation ${displayNumber(row)} is ${row.status}: only a draft can be deleted (a quotation that left the stall stays on record)`,
        `报价单 ${displayNumber(row)} ${STATUS_ZH[row.status]}：只有草稿可以删除（已发出的报价单要留档）`,
      ),
      'id',
    );
  }
  const now = nowIso(core);
  q.deleteDraftQuote(core.db, row, buyerBlock(core, row.buyer_id).company, now);
  if (row.supersedes_id === null) return { deleted: displayNumber(row), reopened: null };
  q.unsupersede(core.db, row.supersedes_id, now);
  expireDue(core); // a sent revision whose validity ended meanwhile is expired now
  return { deleted: displayNumber(row), reopened: ref(requireQuote(core, row.supersedes_id)) };
}

/** Deleted drafts, the latest first: which number, for which buyer, what it held, when. */
export function deletedDrafts(core: Core, limit: number, offset: number): { items: DeletedDraft[]; total: number } {
  const { rows, total } = q.deletedQuotes(core.db, limit, offset);
  return {
    total,
    items: rows.map((r) => ({
      displayNumber: displayNumber(r),
      buyerId: r.buyer_id,
      company: r.buyer_company,
      currency: r.currency,
      grandTotal: money(r.grand_total_e4, r.currency),
      lineCount: r.line_count,
      deletedAt: r.deleted_at,
    })),
  };
}

function copyLines(core: Core, fromId: number, toId: number, transform: (line: q.QuoteLineWrite) => q.QuoteLineWrite, terms: PricingTerms): void {
  for (const line of q.linesOf(core.db, fromId)) {
    const write = transform(rowToWrite(line));
    write.unit_price_e4 = pricedOrRefused(write, terms, 'rate');
    q.insertLine(core.db, toId, write);
  }
  const from = requireQuote(core, fromId);
  q.replaceCharges(
    core.db,
    toId,
    q.chargesOf(core.db, fromId).map(({ id: _i, quote_id: _q, ...c }) => ({ ...c, amount_e4: inCurrency(c.amount_e4, from, terms) })),
  );
}

/** An amount of quotation `from` in the terms' currency: the same when the currency is, else through CNY, rounded once to its digits. */
function inCurrency(amountE4: number, from: Pick<q.QuoteRow, 'currency' | 'rate_e8'>, terms: PricingTerms): number {
  if (from.currency === terms.currency) return amountE4;
  return toSafeNumber(convertAmount(BigInt(amountE4), from.rate_e8, terms.rateE8, terms.currency));
}

function termsOf(row: q.QuoteRow): q.QuoteTermsWrite {
  return {
    buyer_id: row.buyer_id, quote_date: row.quote_date, validity_days: row.validity_days, valid_until: row.valid_until,
    currency: row.currency, rate_e8: row.rate_e8, price_decimals: row.price_decimals, incoterm: row.incoterm,
    incoterm_place: row.incoterm_place, payment_terms: row.payment_terms, deposit_percent: row.deposit_percent,
    delivery_time: row.delivery_time, notes: row.notes, shipping_marks: row.shipping_marks,
    discount_kind: row.discount_kind, discount_e4: row.discount_e4,
    port_of_loading: row.port_of_loading, port_of_destination: row.port_of_destination, partial_shipment: row.partial_shipment,
    transshipment: row.transshipment, insurance_percent: row.insurance_percent, balance_rule: row.balance_rule, balance_days: row.balance_days,
  };
}

/**
 * A new revision of a sent, accepted, rejected or expired quotation: a draft with
 * the same number and revision + 1, dated today, with the same lines (snapshots
 * kept) and terms. The old revision becomes superseded and stays readable.
 */
export function reviseQuote(core: Core, id: number): Quote {
  expireDue(core);
  const row = requireQuote(core, id);
  if (row.status === 'draft') {
    throw new AppError('conflict', msg(`Quotation ${displayNumber(row)} is still a draft: change it directly`, `报价单 ${displayNumber(row)} 仍是草稿，可直接修改`), 'id');
  }
  if (row.status === 'superseded') {
    const next = q.supersededBy(core.db, row.id);
    throw new AppError(
      'conflict',
      msg(`Quotation ${displayNumber(row)} was replaced by ${next ? displayNumber(next) : 'a later revision'}: revise that one`, `报价单 ${displayNumber(row)} 已被 ${next ? displayNumber(next) : '新版本'} 取代，请修订新版本`),
      'id',
    );
  }
  const date = today(core);
  const now = nowIso(core);
  const terms = { ...termsOf(row), quote_date: date, valid_until: addDays(date, row.validity_days) };
  const newId = q.insertQuote(
    core.db,
    { ...terms, year: row.year, seq: row.seq, number: row.number, revision: q.latestRevision(core.db, row.year, row.seq) + 1, supersedes_id: row.id },
    now,
  );
  copyLines(core, row.id, newId, (l) => l, pricing(terms));
  q.setQuoteStatus(core.db, row.id, { status: 'superseded', superseded_at: now }, now);
  return recalculated(core, newId);
}

/**
 * The same offer for another buyer: a new quotation (new number, today) with the
 * lines re-read from the catalog where the product still exists (names, photo,
 * packing, tiers of today), quantities, notes and typed prices kept, in the new
 * buyer's currency unless one is given.
 */
export function duplicateQuote(
  core: Core,
  id: number,
  input: { buyerId?: number | undefined; newBuyer?: QuickBuyer | undefined; currency?: string | undefined; rate?: number | undefined },
): Quote {
  expireDue(core);
  const row = requireQuote(core, id);
  const defaults = getDefaults(core);
  const date = today(core);
  let buyerId: number;
  let currency: string;
  if (input.newBuyer) {
    ({ buyerId, currency } = quickAddBuyer(core, input.newBuyer, input.currency ?? row.currency, 'newBuyer'));
  } else {
    buyerId = input.buyerId as number;
    requireBuyer(core, buyerId, 'buyerId');
    currency = input.currency ?? (getBuyerRow(core.db, buyerId) as { currency: string }).currency;
  }
  let rate: number;
  if (currency === row.currency && input.rate === undefined) {
    rate = currency === 'CNY' ? CNY_RATE_E8 : (rateE8On(core, currency, date) ?? row.rate_e8);
  } else {
    rate = rateFor(core, currency, date, input.rate);
  }
  const terms: q.QuoteTermsWrite = {
    ...termsOf(row),
    buyer_id: buyerId,
    quote_date: date,
    validity_days: row.validity_days,
    valid_until: addDays(date, row.validity_days),
    currency,
    rate_e8: rate,
    shipping_marks: '',
    payment_terms: row.payment_terms || defaults.paymentTerms,
    discount_e4: row.discount_kind === 'amount' ? inCurrency(row.discount_e4, row, { currency, rateE8: rate, priceDecimals: row.price_decimals }) : row.discount_e4,
  };
  const newId = q.insertQuote(core.db, { ...terms, ...newNumber(core, date), revision: 1, supersedes_id: null }, nowIso(core));
  copyLines(
    core,
    row.id,
    newId,
    (line) => {
      const product = line.product_id !== null ? getProduct(core.db, line.product_id) : undefined;
      return product ? { ...line, ...snapshotOf(core, product) } : line;
    },
    pricing(terms),
  );
  return recalculated(core, newId);
}

// ---------------------------------------------------------------------------
// Lists, lookups and settings

export function listQuotes(core: Core, filter: q.QuoteListFilter): { items: QuoteSummary[]; total: number } {
  const { rows, total } = q.listQuotes(core.db, { ...filter, today: today(core) });
  return {
    total,
    items: rows.map((stored) => effective(core, stored)).map((r) => ({
      id: r.id,
      number: r.number,
      revision: r.revision,
      displayNumber: displayNumber(r),
      status: r.status,
      date: r.quote_date,
      validUntil: r.valid_until,
      buyer: { id: r.buyer_id, company: r.buyer_company, country: r.buyer_country },
      currency: r.currency,
      grandTotal: money(r.grand_total_e4, r.currency),
      lineCount: r.line_count,
      cartons: r.cartons,
      cbm: fromScaled(r.cbm_e3, 3, 3),
      invoice: r.invoice_id !== null ? { id: r.invoice_id, number: r.invoice_number as string, status: r.invoice_status as string } : null,
      updatedAt: r.updated_at,
    })),
  };
}

export interface LookupItem {
  product: Product;
  /** Where a new line starts: the MOQ, or one carton, or 1. */
  defaultQty: number;
  /** The CNY tier price for that quantity. */
  priceCny: string | null;
  /** That price in the quotation's currency at its rate (when a quotation is named). */
  suggestedUnitPrice: string | null;
}

/** Products for the quick quote screen's search box: exact item no or barcode first, then item no prefix, then names. */
export function lookup(core: Core, query: string, quoteId: number | undefined, limit: number): LookupItem[] {
  const quote = quoteId !== undefined ? requireQuote(core, quoteId, 'quoteId') : undefined;
  // The catalog's one search box (item no, barcode, names in any script), active products only.
  const products: Product[] = searchProducts(core, { query: query.trim(), limit, offset: 0, status: 'active' }, { includeCost: false }).items;
  const rows = products.map((p) => getProduct(core.db, p.id) as ProductRow);
  return products.map((product, i) => {
    const row = rows[i] as ProductRow;
    const qty = defaultQty({ moq: row.moq, pcs_per_carton: row.pcs_per_carton });
    const tiers = product.priceTiers.map((t) => ({ minQty: t.minQty, priceCnyE4: toScaled(t.priceCny, 4) }));
    const tier = pickTier(tiers, qty);
    const source = { qty, price_tiers: JSON.stringify(tiers), typed_price_e4: null, typed_currency: null, typed_rate_e8: null };
    return {
      product,
      defaultQty: qty,
      priceCny: tier ? fromScaled(tier.priceCnyE4, 4, 2) : null,
      suggestedUnitPrice: quote && tier ? unitPrice(derivePriceE4(source, pricing(quote)), quote.price_decimals) : null,
    };
  });
}

export function quoteSettings(core: Core): QuoteSettings {
  return {
    priceDecimals: q.getQuoteSettings(core.db).price_decimals,
    containers: q.containerTypes(core.db).map((c) => ({ code: c.code, capacityCbm: fromScaled(c.capacity_cbm_e3, 3, 0), payloadKg: String(c.payload_kg) })),
  };
}

export function updateQuoteSettings(
  core: Core,
  input: { priceDecimals?: number | undefined; containers?: Array<{ code: string; capacityCbm: number; payloadKg: number }> | undefined },
): QuoteSettings {
  if (input.priceDecimals !== undefined) q.setPriceDecimals(core.db, input.priceDecimals, nowIso(core));
  if (input.containers) {
    q.replaceContainerTypes(
      core.db,
      input.containers.map((c, i) => ({ code: c.code.toUpperCase(), position: i + 1, capacity_cbm_e3: c.capacityCbm, payload_kg: c.payloadKg })),
    );
  }
  return quoteSettings(core);
}
