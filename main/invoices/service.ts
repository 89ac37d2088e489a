/**
 * Pro-forma invoices: made from an accepted quotation, numbered gapless per year,
 * frozen at issue; they reserve stock under their number, take payments, ship the
 * reserved stock or release it when cancelled (the number stays used).
 */
import type { Core } from '../core';
import { AppError, invalid, msg, notFound } from '../api/errors';
import * as q from '../../db/invoices';
import { getQuote as getQuoteRow, linesOf } from '../../db/quotes';
import { getDefaults } from '../settings/service';
import { releaseReference, reserve, shipReference, type ShortStock } from '../stock/service';
import { divideRounded, fromScaled } from '../money/decimal';
import { crossRateE8On } from '../rates/service';
import { addDays, localDate, yearOf } from '../quotes/dates';
import { buyerBlock, displayNumber, expireDue, partsOf, sellerSnapshot, tradeDocument } from '../quotes/service';
import { money } from '../quotes/totals';
import { tradeWithDefaults } from '../quotes/tradeDefaults';
import type { LineWarning } from '../quotes/types';
import type { Invoice, InvoiceContent, InvoiceStatus, InvoiceStockLine, InvoiceSummary, Payment, PaymentKind, PaymentMethod } from './types';

const today = (core: Core) => localDate(core.now());
const nowIso = (core: Core) => core.now().toISOString();

const STATUS_ZH: Record<InvoiceStatus, string> = {
  issued: '已开具', deposit_received: '已收定金', paid: '已付清', shipped: '已发货', cancelled: '已作废',
};

function requireInvoice(core: Core, id: number): q.InvoiceRow {
  const row = q.getInvoice(core.db, id);
  if (!row) throw notFound(msg(`There is no pro-forma invoice with id ${id}`, `没有 id 为 ${id} 的形式发票`), 'id');
  return row;
}

function refuse(row: q.InvoiceRow, action: { en: string; zh: string }): never {
  throw new AppError(
    'conflict',
    msg(`PI ${row.number} is ${row.status.replace('_', ' ')}: it cannot be ${action.en}`, `形式发票 ${row.number} ${STATUS_ZH[row.status]}，不能${action.zh}`),
    'id',
  );
}

function toInvoice(core: Core, row: q.InvoiceRow): Invoice {
  // A PI issued before a field existed reads it as empty (its stored content never changes).
  const content = tradeWithDefaults(JSON.parse(row.content) as InvoiceContent);
  const paymentRows = q.paymentsOf(core.db, row.id);
  const payments: Payment[] = paymentRows.map((p) => ({
    id: p.id,
    paidOn: p.paid_on,
    amount: money(p.amount_cents),
    method: p.method as PaymentMethod,
    kind: p.kind as PaymentKind,
    reference: p.reference,
    note: p.note,
    createdAt: p.created_at,
    received:
      p.received_currency !== null && p.received_cents !== null && p.received_rate_e8 !== null
        ? { currency: p.received_currency, amount: money(p.received_cents), rate: fromScaled(p.received_rate_e8, 8, 2) }
        : null,
  }));
  const paidCents = paymentRows.reduce((sum, p) => sum + p.amount_cents, 0);
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
  return {
    ...content,
    id: row.id,
    number: row.number,
    status: row.status,
    issuedOn: row.issued_on,
    payments,
    paid: money(paidCents),
    balanceDue: money(Math.max(0, row.grand_total_cents - paidCents)),
    depositDue: money(Math.max(0, row.deposit_cents - paidCents)),
    stock,
    shippedAt: row.shipped_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at,
  };
}

export function getInvoice(core: Core, id: number): Invoice {
  expireDue(core);
  return toInvoice(core, requireInvoice(core, id));
}

export function getInvoiceByNumber(core: Core, number: string): Invoice {
  expireDue(core);
  const row = q.getInvoiceByNumber(core.db, number.trim());
  if (!row) throw notFound(msg(`There is no pro-forma invoice ${number}`, `没有形式发票 ${number}`), 'number');
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
  if (!quote) throw notFound(msg(`There is no quotation with id ${quoteId}`, `没有 id 为 ${quoteId} 的报价单`), 'quoteId');
  if (quote.status !== 'accepted') {
    throw new AppError(
      'conflict',
      msg(`Quotation ${displayNumber(quote)} is ${quote.status}: only an accepted quotation becomes a PI`, `报价单 ${displayNumber(quote)} 尚未被接受（${quote.status}），只有已接受的报价单才能开形式发票`),
      'quoteId',
    );
  }
  // One open PI per quotation number: an earlier revision's PI must be cancelled first.
  const open = q.openInvoicesOfQuoteNumber(core.db, quote.year, quote.seq);
  if (open) {
    throw new AppError(
      'conflict',
      msg(`PI ${open.number} is already open for quotation ${quote.number}: cancel it before issuing another`, `报价单 ${quote.number} 已有未作废的形式发票 ${open.number}：请先作废再重新开具`),
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
      grand_total_cents: Number(parts.figures.grandTotalCents),
      deposit_cents: Number(parts.figures.depositCents),
      content: JSON.stringify(content),
    },
    nowIso(core),
  );
  return toInvoice(core, requireInvoice(core, id));
}

/** issued → deposit received → paid follow the money until the PI is shipped or cancelled. */
function paymentStatus(row: q.InvoiceRow, paidCents: number): InvoiceStatus {
  if (row.status === 'shipped' || row.status === 'cancelled') return row.status;
  if (paidCents >= row.grand_total_cents && row.grand_total_cents > 0) return 'paid';
  if (paidCents > 0 && paidCents >= row.deposit_cents) return 'deposit_received';
  return 'issued';
}

function paidCentsOf(core: Core, invoiceId: number): number {
  return q.paymentsOf(core.db, invoiceId).reduce((sum, p) => sum + p.amount_cents, 0);
}

function syncStatus(core: Core, id: number): void {
  const row = requireInvoice(core, id);
  const status = paymentStatus(row, paidCentsOf(core, id));
  if (status !== row.status) q.setInvoiceStatus(core.db, id, { status }, nowIso(core));
}

export interface PaymentInput {
  /** In the PI's currency; or give `received`. */
  amountCents?: number | undefined;
  /** Money handed over in another currency, with the rate agreed (units of it per PI unit, ×10⁸; default: the stored rates of the day). */
  received?: { currency: string; cents: number; rateE8?: number | undefined } | undefined;
  method: PaymentMethod;
  kind: PaymentKind;
  paidOn?: string | undefined;
  reference?: string | undefined;
  note?: string | undefined;
}

export function addPayment(core: Core, id: number, input: PaymentInput): Invoice {
  expireDue(core);
  const row = requireInvoice(core, id);
  if (row.status === 'cancelled') refuse(row, { en: 'paid', zh: '收款' });
  const paidOn = input.paidOn ?? today(core);
  const { amountCents, received } = paymentAmount(core, row, input, paidOn);
  const due = row.grand_total_cents - paidCentsOf(core, id);
  if (amountCents > due) {
    const dueText = `${row.currency} ${fromScaled(Math.max(0, due), 2, 2)}`;
    if (!received) throw invalid('amount', msg(`is more than the balance due (${dueText})`, `超过了应收余额（${dueText}）`));
    const converted = `${row.currency} ${fromScaled(amountCents, 2, 2)}`;
    throw invalid('received.amount', msg(`is ${converted} at this rate, more than the balance due (${dueText})`, `按此汇率折合 ${converted}，超过了应收余额（${dueText}）`));
  }
  q.insertPayment(
    core.db,
    {
      invoice_id: id,
      paid_on: paidOn,
      amount_cents: amountCents,
      received_currency: received?.currency ?? null,
      received_cents: received?.cents ?? null,
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

/**
 * The payment in the PI's currency. Money handed over in another currency is
 * converted at the rate agreed (or the stored rates of the day): amount =
 * received ÷ rate, rounded half away from zero to the cent.
 */
function paymentAmount(
  core: Core,
  row: q.InvoiceRow,
  input: PaymentInput,
  paidOn: string,
): { amountCents: number; received: { currency: string; cents: number; rateE8: number } | null } {
  if (input.received && input.amountCents !== undefined) {
    throw invalid('amount', msg('give either amount (in the PI currency) or received (in another currency), not both', '请只填写金额（发票币种）或以其他币种收到的金额，不要同时填写'));
  }
  if (!input.received) {
    if (input.amountCents === undefined) throw invalid('amount', msg('is required (or give received: the amount in another currency)', '必填（或填写以其他币种收到的金额）'));
    return { amountCents: input.amountCents, received: null };
  }
  const { currency, cents } = input.received;
  if (currency === row.currency) return { amountCents: cents, received: null };
  const rateE8 = input.received.rateE8 ?? crossRateE8On(core, row.currency, currency, paidOn);
  if (rateE8 === null) {
    throw invalid('received.rate', msg(`is required: there is no stored rate for ${currency} or ${row.currency} on ${paidOn}; give the rate agreed (1 ${row.currency} = ? ${currency})`, `必填：${paidOn} 没有 ${currency} 或 ${row.currency} 的汇率，请填写约定汇率（1 ${row.currency} = ? ${currency}）`));
  }
  const amountCents = Number(divideRounded(BigInt(cents) * 100_000_000n, BigInt(rateE8)));
  if (amountCents < 1) throw invalid('received.amount', msg(`is less than 0.01 ${row.currency}`, `不足 0.01 ${row.currency}`));
  return { amountCents, received: { currency, cents, rateE8 } };
}

export function removePayment(core: Core, id: number, paymentId: number): Invoice {
  expireDue(core);
  const row = requireInvoice(core, id);
  if (row.status === 'cancelled') refuse(row, { en: 'changed', zh: '修改' });
  if (!q.deletePayment(core.db, id, paymentId)) {
    throw notFound(msg(`PI ${row.number} has no payment with id ${paymentId}`, `形式发票 ${row.number} 没有 id 为 ${paymentId} 的收款`), 'paymentId');
  }
  syncStatus(core, id);
  return getInvoice(core, id);
}

/** The goods left: what is reserved under the PI number is shipped out of stock. */
export function shipInvoice(core: Core, id: number, shippedOn: string | undefined): Invoice {
  expireDue(core);
  const row = requireInvoice(core, id);
  if (row.status === 'shipped' || row.status === 'cancelled') refuse(row, { en: 'shipped', zh: '发货' });
  const at = shippedOn ? `${shippedOn}T12:00:00.000Z` : nowIso(core);
  shipReference(core, row.number, at);
  q.setInvoiceStatus(core.db, id, { status: 'shipped', shipped_at: at }, nowIso(core));
  return getInvoice(core, id);
}

/** Cancels a PI that has not shipped: its reserved stock is released; its number stays used. */
export function cancelInvoice(core: Core, id: number, reason: string): Invoice {
  expireDue(core);
  const row = requireInvoice(core, id);
  if (row.status === 'shipped' || row.status === 'cancelled') refuse(row, { en: 'cancelled', zh: '作废' });
  const now = nowIso(core);
  releaseReference(core, row.number, now);
  q.setInvoiceStatus(core.db, id, { status: 'cancelled', cancelled_at: now, cancel_reason: reason }, now);
  return getInvoice(core, id);
}

export function listInvoices(core: Core, filter: q.InvoiceListFilter): { items: InvoiceSummary[]; total: number } {
  expireDue(core);
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
      grandTotal: money(r.grand_total_cents),
      paid: money(r.paid_cents),
      balanceDue: money(Math.max(0, r.grand_total_cents - r.paid_cents)),
    })),
  };
}
