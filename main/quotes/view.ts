/** The view every reader gets (UI, API, documents) and the figures behind it; all figures come from totals.ts through document.ts. */
import type { Core } from '../core';
import { invalid, m, notFound } from '../errors/apiError';
import * as q from '../../db/quotes';
import { invoicesOfQuotes } from '../../db/invoices';
import { levels } from '../stock/service';
import { rateText } from '../rates/service';
import { fromScaled } from '../money/decimal';
import { AMOUNT_SCALE, digitsRule, fitsCurrency } from '../money/amounts';
import { buildParts, type DocumentParts } from './document';
import { money, type ContainerSpec } from './totals';
import { type BalanceRule, type BuyerBlock, type Discount, type Incoterm, type Quote, type QuoteSummary, type SellerSnapshot, type TradeDocument } from './types';
import { paymentTermsWarnings } from './paymentTerms';
import { buyerWithDefaults, sellerWithDefaults } from './tradeDefaults';
import { today, displayNumber, effective, requireQuote, ref } from './records';
import { sellerSnapshot, buyerBlock } from './parties';
import { pricing } from './terms';


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
    throw invalid('discount.amount', m('money.amountBreaksRule', { amount: shown, rule }));
  }
  q.chargesOf(core.db, row.id).forEach((c, i) => {
    if (!fitsCurrency(c.amount_e4, row.currency)) {
      const shown = fromScaled(c.amount_e4, AMOUNT_SCALE, 0);
      throw invalid(`charges.${i}.amount`, m('money.amountBreaksRule', { amount: shown, rule }));
    }
  });
}

/** Recomputes a quotation after a change, stores its totals for lists and returns its view. */
export function recalculated(core: Core, id: number, lines?: q.QuoteLineRow[]): Quote {
  const row = requireQuote(core, id);
  const parts = partsOf(core, row, row.status === 'draft' || row.status === 'sent', lines);
  const f = parts.figures;
  requireCurrencyDigits(core, row);
  if (f.amountE4 > MAX_AMOUNT_E4 || f.grandTotalE4 > MAX_AMOUNT_E4) {
    const most = money(MAX_AMOUNT_E4, row.currency);
    throw invalid('lines', m('quotes.totalTooLarge', { currency: row.currency, most }));
  }
  if (row.discount_kind === 'amount' && BigInt(row.discount_e4) > f.amountE4) {
    const lines = money(f.amountE4, row.currency);
    throw invalid('discount.amount', m('quotes.moreLinesAmount', { lines }));
  }
  if (row.status === 'draft') persistTotals(core, row, parts);
  return toQuote(core, row, parts);
}


export function getQuote(core: Core, id: number): Quote {
  const row = requireQuote(core, id);
  return toQuote(core, row, partsOf(core, row, row.status === 'draft' || row.status === 'sent'));
}

export function getQuoteByNumber(core: Core, number: string, revision?: number): Quote {
  const row = q.getQuoteByNumber(core.db, number.trim(), revision);
  if (!row) {
    const shown = revision ? `${number} rev ${revision}` : number;
    throw notFound(m('quotes.noQuotation', { shown }), 'number');
  }
  return getQuote(core, row.id);
}


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
