/**
 * Pro-forma invoices: made from an accepted quotation, numbered gapless per year,
 * frozen at issue; they reserve stock under their number, take payments, ship the
 * reserved stock or release it when cancelled (the number stays used).
 */
import type { Core } from '../core';
import { AppError, invalid, m, notFound, type Message } from '../errors/apiError';
import { INVOICE_STATUS } from './status';
import * as q from '../../db/invoices';
import { getQuote as getQuoteRow, linesOf } from '../../db/quotes';
import { getDefaults } from '../settings/service';
import { releaseReference, reserve, type ShortStock } from '../stock/service';
import { divideRounded, fromScaled } from '../money/decimal';
import { AMOUNT_SCALE, digitsRule, divideAmount, fitsCurrency, smallestUnitE4 } from '../money/amounts';
import { crossRateE8On } from '../rates/service';
import { addDays, localDate, yearOf } from '../calendar/dates';
import { displayNumber, expireDue } from '../quotes/records';
import { buyerBlock, sellerSnapshot } from '../quotes/parties';
import { partsOf, tradeDocument } from '../quotes/view';
import { money } from '../quotes/totals';
import { tradeWithDefaults } from '../quotes/tradeDefaults';
import type { LineWarning } from '../quotes/types';
import type { Invoice, InvoiceContent, InvoiceStatus, InvoiceStockLine, InvoiceSummary, Payment, PaymentKind, PaymentMethod } from './types';
import { progressOf } from './progress';

const today = (core: Core) => localDate(core.now());
const nowIso = (core: Core) => core.now().toISOString();

function requireInvoice(core: Core, id: number): q.InvoiceRow {
  const row = q.getInvoice(core.db, id);
  if (!row) throw notFound(m('invoices.noProFormaInvoice', { id }), 'id');
  return row;
}

function refuse(row: q.InvoiceRow, action: Message): never {
  throw new AppError('conflict', m('invoices.cannotBe', { number: row.number, status: INVOICE_STATUS[row.status], action }), 'id');
}

function toInvoice(core: Core, row: q.InvoiceRow): Invoice {
  // A PI issued before a field existed reads it as empty (its stored content never changes).
  const content = tradeWithDefaults(JSON.parse(row.content) as InvoiceContent);
  const paymentRows = q.paymentsOf(core.db, row.id);
  const payments: Payment[] = paymentRows.map((p) => ({
    id: p.id,
    paidOn: p.paid_on,
    amount: money(p.amount_e4, row.currency),
    method: p.method as PaymentMethod,
    kind: p.kind as PaymentKind,
    reference: p.reference,
    note: p.note,
    createdAt: p.created_at,
    received:
      p.received_currency !== null && p.received_e4 !== null && p.received_rate_e8 !== null
        ? { currency: p.received_currency, amount: money(p.received_e4, p.received_currency), rate: fromScaled(p.received_rate_e8, 8, 2) }
        : null,
  }));
  const paidE4 = paymentRows.reduce((sum, p) => sum + p.amount_e4, 0);
  const ordered = new Map<number, { itemNo: string; qty: number; short: number }>();
  for (const line of content.lines) {
    const productId = line.product.productId;
    if (productId === null) continue;
    const entry = ordered.get(productId) ?? { itemNo: line.product.itemNo, qty: 0, short: 0 };
    entry.qty += line.qty;
    const short = line.warnings.find((w): w is Extract<LineWarning, { code: 'short_stock' }> => w.code === 'short_stock');
    if (short) entry.short = Math.max(entry.short, short.requested - Math.max(0, short.available));
    ordered.set(productId, entry);
  }
  const ledger = new Map(q.stockUnder(core.db, row.number).map((s) => [s.product_id, s]));
  const stock: InvoiceStockLine[] = [...ordered].map(([productId, o]) => ({
    productId,
    itemNo: o.itemNo,
    ordered: o.qty,
    reserved: ledger.get(productId)?.reserved ?? 0,
    shipped: ledger.get(productId)?.shipped ?? 0,
    shortAtIssue: o.short,
  }));
  const ledgerLevels = new Map([...ledger].map(([id, s]) => [id, { reserved: s.reserved, shipped: s.shipped }]));
  return {
    ...content,
    id: row.id,
    number: row.number,
    status: row.status,
    issuedOn: row.issued_on,
    payments,
    paid: money(paidE4, row.currency),
    balanceDue: money(Math.max(0, row.grand_total_e4 - paidE4), row.currency),
    depositDue: money(Math.max(0, row.deposit_e4 - paidE4), row.currency),
    ...dueFlags(row, paidE4),
    stock,
    progress: progressOf(core, row, content, paidE4, ledgerLevels),
    shippedAt: row.shipped_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at,
  };
}

export function getInvoice(core: Core, id: number): Invoice {
  return toInvoice(core, requireInvoice(core, id));
}

export function getInvoiceByNumber(core: Core, number: string): Invoice {
  const row = q.getInvoiceByNumber(core.db, number.trim());
  if (!row) throw notFound(m('invoices.noInvoiceNumbered', { number }), 'number');
  return toInvoice(core, row);
}

/**
 * Issues a PI from an accepted quotation. Its number is the year's next one: the
 * issuing transaction holds the database's write lock from its first statement
 * (BEGIN IMMEDIATE), so two stations issuing at the same moment get consecutive
 * numbers, and a failed issue rolls back without leaving a gap. Stock is reserved
 * under the PI number; a shortage is a warning on the line, not a refusal.
 */
export function createInvoice(core: Core, quoteId: number): Invoice {
  expireDue(core);
  const quote = getQuoteRow(core.db, quoteId);
  if (!quote) throw notFound(m('invoices.noQuotationId', { quoteId }), 'quoteId');
  if (quote.status !== 'accepted') {
    throw new AppError(
      'conflict',
      m('invoices.quotationOnlyAcceptedQuotation', { number: displayNumber(quote), status: quote.status }),
      'quoteId',
    );
  }
  // One open PI per quotation number: an earlier revision's PI must be cancelled first.
  const open = q.openInvoicesOfQuoteNumber(core.db, quote.year, quote.seq);
  if (open) {
    throw new AppError(
      'conflict',
      m('invoices.piAlreadyOpenQuotation', { openNumber: open.number, quoteNumber: quote.number }),
      'quoteId',
    );
  }
  const issuedOn = today(core);
  const year = yearOf(issuedOn);
  const seq = q.nextInvoiceSeq(core.db, year);
  const number = `${getDefaults(core).invoicePrefix}${year}-${String(seq).padStart(4, '0')}`;

  // Reserve first (per product), so the frozen lines carry the shortages as they were at issue.
  const lines = linesOf(core.db, quote.id);
  const perProduct = new Map<number, number>();
  for (const l of lines) if (l.product_id !== null) perProduct.set(l.product_id, (perProduct.get(l.product_id) ?? 0) + l.qty);
  const shortages = new Map<number, ShortStock>();
  for (const [productId, qty] of perProduct) {
    const short = reserve(core, { productId, qty, reference: number, note: 'pro-forma invoice' });
    if (short) shortages.set(productId, short);
  }

  const parts = partsOf(core, quote, false);
  for (const line of parts.lines) {
    const short = line.product.productId !== null ? shortages.get(line.product.productId) : undefined;
    if (short) line.warnings.push({ code: 'short_stock', requested: short.requested, available: short.available });
  }
  const document = tradeDocument(core, quote, parts);
  const content: InvoiceContent = {
    ...document,
    seller: sellerSnapshot(core),
    buyer: buyerBlock(core, quote.buyer_id),
    date: issuedOn,
    validUntil: addDays(issuedOn, quote.validity_days),
    quote: { id: quote.id, number: quote.number, revision: quote.revision, displayNumber: displayNumber(quote), date: quote.quote_date },
  };
  const id = q.insertInvoice(
    core.db,
    {
      year,
      seq,
      number,
      quote_id: quote.id,
      buyer_id: quote.buyer_id,
      issued_on: issuedOn,
      currency: quote.currency,
      rate_e8: quote.rate_e8,
      grand_total_e4: Number(parts.figures.grandTotalE4),
      deposit_e4: Number(parts.figures.depositE4),
      content: JSON.stringify(content),
    },
    nowIso(core),
  );
  return toInvoice(core, requireInvoice(core, id));
}

/** issued → deposit received → paid follow the money until the PI is shipped or cancelled. */
function paymentStatus(row: q.InvoiceRow, paidE4: number): InvoiceStatus {
  if (row.status === 'shipped' || row.status === 'cancelled') return row.status;
  if (paidE4 >= row.grand_total_e4 && row.grand_total_e4 > 0) return 'paid';
  if (paidE4 > 0 && paidE4 >= row.deposit_e4) return 'deposit_received';
  return 'issued';
}

/** What is still owed, as flags the UI decides colours and buttons by (never by comparing money strings). */
function dueFlags(row: Pick<q.InvoiceRow, 'status' | 'grand_total_e4' | 'deposit_e4'>, paidE4: number): { balanceOpen: boolean; depositOpen: boolean } {
  const open = row.status !== 'cancelled';
  return { balanceOpen: open && row.grand_total_e4 - paidE4 > 0, depositOpen: open && row.deposit_e4 - paidE4 > 0 };
}

function paidE4Of(core: Core, invoiceId: number): number {
  return q.paymentsOf(core.db, invoiceId).reduce((sum, p) => sum + p.amount_e4, 0);
}

function syncStatus(core: Core, id: number): void {
  const row = requireInvoice(core, id);
  const status = paymentStatus(row, paidE4Of(core, id));
  if (status !== row.status) q.setInvoiceStatus(core.db, id, { status }, nowIso(core));
}

export interface PaymentInput {
  /** In the PI's currency, at AMOUNT_SCALE; or give `received`. */
  amountE4?: number | undefined;
  /** Money handed over in another currency (at AMOUNT_SCALE), with the rate agreed (units of it per PI unit, ×10⁸; default: the stored rates of the day). */
  received?: { currency: string; amountE4: number; rateE8?: number | undefined } | undefined;
  method: PaymentMethod;
  kind: PaymentKind;
  paidOn?: string | undefined;
  reference?: string | undefined;
  note?: string | undefined;
}

export function addPayment(core: Core, id: number, input: PaymentInput): Invoice {
  expireDue(core);
  const row = requireInvoice(core, id);
  if (row.status === 'cancelled') refuse(row, m('invoices.action.pay'));
  const paidOn = input.paidOn ?? today(core);
  const { amountE4, received } = paymentAmount(core, row, input, paidOn);
  const due = row.grand_total_e4 - paidE4Of(core, id);
  if (amountE4 > due) {
    const dueText = `${row.currency} ${money(Math.max(0, due), row.currency)}`;
    if (!received) throw invalid('amount', m('invoices.moreBalanceDue', { dueText }));
    const converted = `${row.currency} ${money(amountE4, row.currency)}`;
    throw invalid('received.amount', m('invoices.rateMoreBalanceDue', { converted, dueText }));
  }
  q.insertPayment(
    core.db,
    {
      invoice_id: id,
      paid_on: paidOn,
      amount_e4: amountE4,
      received_currency: received?.currency ?? null,
      received_e4: received?.amountE4 ?? null,
      received_rate_e8: received?.rateE8 ?? null,
      method: input.method,
      kind: input.kind,
      reference: input.reference ?? '',
      note: input.note ?? '',
    },
    nowIso(core),
  );
  syncStatus(core, id);
  return getInvoice(core, id);
}

/** An amount typed for `currency` may not have more decimals than it has (KWD 12.345 yes, USD 12.345 and JPY 12.5 no). */
function requireDigits(amountE4: number, currency: string, field: string): void {
  if (fitsCurrency(amountE4, currency)) return;
  throw invalid(field, m('money.amountBreaksRule', { amount: fromScaled(amountE4, AMOUNT_SCALE, 0), rule: digitsRule(currency) }));
}

/**
 * Money handed over in another currency, in the PI's currency: received ÷ rate,
 * rounded half away from zero to the PI currency's digits.
 */
export function receivedInPiCurrency(receivedE4: number, rateE8: number, piCurrency: string): number {
  return Number(divideAmount(BigInt(receivedE4) * 100_000_000n, BigInt(rateE8), piCurrency));
}

/**
 * The payment in the PI's currency. Money handed over in another currency is
 * converted at the rate agreed (or the stored rates of the day).
 */
function paymentAmount(
  core: Core,
  row: q.InvoiceRow,
  input: PaymentInput,
  paidOn: string,
): { amountE4: number; received: { currency: string; amountE4: number; rateE8: number } | null } {
  if (input.received && input.amountE4 !== undefined) {
    throw invalid('amount', m('invoices.giveEitherAmountPi'));
  }
  if (!input.received) {
    if (input.amountE4 === undefined) throw invalid('amount', m('invoices.requiredGiveReceivedAmount'));
    requireDigits(input.amountE4, row.currency, 'amount');
    return { amountE4: input.amountE4, received: null };
  }
  const { currency, amountE4: receivedE4 } = input.received;
  requireDigits(receivedE4, currency, 'received.amount');
  if (currency === row.currency) return { amountE4: receivedE4, received: null };
  const rateE8 = input.received.rateE8 ?? crossRateE8On(core, row.currency, currency, paidOn);
  if (rateE8 === null) {
    throw invalid('received.rate', m('invoices.requiredNoStoredRate', { currency, rowCurrency: row.currency, paidOn }));
  }
  const amountE4 = receivedInPiCurrency(receivedE4, rateE8, row.currency);
  if (amountE4 < Number(smallestUnitE4(row.currency))) {
    const least = money(smallestUnitE4(row.currency), row.currency);
    throw invalid('received.amount', m('invoices.less', { least, currency: row.currency }));
  }
  return { amountE4, received: { currency, amountE4: receivedE4, rateE8 } };
}

export interface PaymentPreview {
  /** The currency handed over. */
  currency: string;
  /** The rate suggested from the stored rates (1 PI unit = rate units of `currency`), 4 decimals (2 from 100 up); null: none stored, or the PI's own currency. */
  suggestedRate: string | null;
  /** What is asked now (the deposit still due, else the balance due) in `currency` at the given or suggested rate, in its digits; null without a rate. */
  due: string | null;
  /** The kind of payment asked now. */
  dueKind: PaymentKind;
  /** `amount` of `currency` in the PI's currency at that rate (received ÷ rate, rounded to its digits); null without an amount or rate. */
  amount: string | null;
}

/** A rate ×10⁸ rounded half away from zero to 4 decimals (2 from 100 up): a suggestion a person reads and may change. */
function readableRateE8(rateE8: number): number {
  const keep = rateE8 >= 100 * 100_000_000 ? 1_000_000n : 10_000n;
  return Number(divideRounded(BigInt(rateE8), keep) * keep);
}

/**
 * What a payment in `currency` would come to, before it is recorded: the suggested
 * cross rate, what is due expressed in that currency, and what a received amount
 * makes in the PI's currency. The UI shows these; it does no money arithmetic itself.
 */
export function paymentPreview(core: Core, id: number, input: { currency: string; amountE4?: number | undefined; rateE8?: number | undefined; paidOn?: string | undefined }): PaymentPreview {
  const row = requireInvoice(core, id);
  const paidE4 = paidE4Of(core, id);
  const depositDue = Math.max(0, row.deposit_e4 - paidE4);
  const dueE4 = depositDue > 0 ? depositDue : Math.max(0, row.grand_total_e4 - paidE4);
  const dueKind: PaymentKind = depositDue > 0 ? 'deposit' : 'balance';
  if (input.currency === row.currency) {
    if (input.amountE4 !== undefined) requireDigits(input.amountE4, row.currency, 'amount');
    return { currency: row.currency, suggestedRate: null, due: money(dueE4, row.currency), dueKind, amount: input.amountE4 !== undefined ? money(input.amountE4, row.currency) : null };
  }
  const stored = crossRateE8On(core, row.currency, input.currency, input.paidOn ?? today(core));
  const suggested = stored === null ? null : readableRateE8(stored);
  const rateE8 = input.rateE8 ?? suggested;
  if (input.amountE4 !== undefined) requireDigits(input.amountE4, input.currency, 'amount');
  return {
    currency: input.currency,
    suggestedRate: suggested === null ? null : fromScaled(suggested, 8, 2),
    due: rateE8 === null ? null : money(divideAmount(BigInt(dueE4) * BigInt(rateE8), 100_000_000n, input.currency), input.currency),
    dueKind,
    amount: rateE8 === null || input.amountE4 === undefined ? null : money(receivedInPiCurrency(input.amountE4, rateE8, row.currency), row.currency),
  };
}

export function removePayment(core: Core, id: number, paymentId: number): Invoice {
  expireDue(core);
  const row = requireInvoice(core, id);
  if (row.status === 'cancelled') refuse(row, m('common.action.change'));
  if (!q.deletePayment(core.db, id, paymentId)) {
    throw notFound(m('invoices.noPiNoPayment', { number: row.number, paymentId }), 'paymentId');
  }
  syncStatus(core, id);
  return getInvoice(core, id);
}

/**
 * Every line has been delivered (main/shipments records the deliveries and ships the stock):
 * the PI becomes shipped, on the day of its last delivery.
 */
export function markShipped(core: Core, id: number, at: string): void {
  const row = requireInvoice(core, id);
  if (row.status === 'shipped' || row.status === 'cancelled') refuse(row, m('invoices.action.ship'));
  q.setInvoiceStatus(core.db, id, { status: 'shipped', shipped_at: at }, nowIso(core));
}

/** Cancels a PI nothing of which was delivered: its reserved stock is released; its number stays used. */
export function cancelInvoice(core: Core, id: number, reason: string): Invoice {
  expireDue(core);
  const row = requireInvoice(core, id);
  if (row.status === 'shipped' || row.status === 'cancelled') refuse(row, m('invoices.action.cancel'));
  if (q.stockUnder(core.db, row.number).some((s) => s.shipped > 0)) {
    throw new AppError(
      'conflict',
      m('invoices.piGoodsDeliveredAlready', { number: row.number }),
      'id',
    );
  }
  const now = nowIso(core);
  releaseReference(core, row.number, now);
  q.setInvoiceStatus(core.db, id, { status: 'cancelled', cancelled_at: now, cancel_reason: reason }, now);
  return getInvoice(core, id);
}

/** The stage, goods and payment state of a listed PI (main/invoices/progress.ts). */
function stageOfRow(core: Core, r: q.InvoiceListRow): Pick<InvoiceSummary, 'stage' | 'goods' | 'payment'> {
  const ledger = new Map(q.stockUnder(core.db, r.number).map((s) => [s.product_id, { reserved: s.reserved, shipped: s.shipped }]));
  const { stage, goods, payment } = progressOf(core, r, JSON.parse(r.content) as InvoiceContent, r.paid_e4, ledger);
  return { stage, goods, payment };
}

export function listInvoices(core: Core, filter: q.InvoiceListFilter): { items: InvoiceSummary[]; total: number } {
  const { rows, total } = q.listInvoices(core.db, filter);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      issuedOn: r.issued_on,
      buyer: { id: r.buyer_id, company: r.buyer_company, country: r.buyer_country },
      quote: { id: r.quote_id, displayNumber: displayNumber({ number: r.quote_number, revision: r.quote_revision }) },
      currency: r.currency,
      grandTotal: money(r.grand_total_e4, r.currency),
      paid: money(r.paid_e4, r.currency),
      balanceDue: money(Math.max(0, r.grand_total_e4 - r.paid_e4), r.currency),
      ...dueFlags(r, r.paid_e4),
      ...stageOfRow(core, r),
    })),
  };
}
