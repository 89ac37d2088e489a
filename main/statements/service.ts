/**
 * Balances: a buyer's statement of account over a period and the receivables across buyers.
 *
 * Currencies: a statement is kept per currency, the buyer's own first. A PI is owed in the
 * currency it was issued in, and payments in another currency were converted into it when
 * they were recorded, so every figure of a section is exact in that currency; converting a
 * EUR PI into a USD statement would invent an exchange difference the buyer never agreed to.
 * A buyer with PIs in one currency (nearly all) gets one section.
 *
 * Entries, in date order (on one day: PIs, deliveries, payments, cancellations): a PI issued
 * (debit: its total), a payment (credit, whatever PI it was for, a cancelled one too), a PI
 * cancelled (credit: its total, so the money paid on it shows as the buyer's credit), a
 * delivery (no amount: the goods' value at the PI's prices, for the record). Opening balance =
 * the same entries before `from`; closing = opening + debits − credits.
 *
 * Aging, as of `to` (default today, core.now()): every PI not cancelled with a balance left
 * (its total − payments up to `to`), by days past its balance due date (main/statements/
 * dueDate.ts): not yet due, 0–30, 31–60, 61–90, 90+. Σ buckets = what is outstanding.
 */
import type { Core } from '../core';
import { invalid, m, notFound } from '../errors/apiError';
import * as q from '../../db/balances';
import { getBuyer } from '../../db/buyers';
import { localDate } from '../calendar/dates';
import { money } from '../quotes/totals';
import { lineValueE4 } from '../shipments/service';
import type { InvoiceContent } from '../invoices/types';
import type { Money } from '../quotes/types';
import { AGING_BUCKETS, balanceDueOn, balanceRule, bucketOf, daysBetween, type AgingBucket } from './dueDate';

export type EntryKind = 'invoice' | 'delivery' | 'payment' | 'cancelled';
const KIND_ORDER: Record<EntryKind, number> = { invoice: 0, delivery: 1, payment: 2, cancelled: 3 };

export interface StatementEntry {
  date: string;
  kind: EntryKind;
  invoice: { id: number; number: string };
  /** Payment reference, delivery number and entry no. */
  reference: string;
  debit: Money | null;
  credit: Money | null;
  /** The section's balance after this entry. */
  balance: Money;
  /** A payment: method and kind; a delivery: cartons and the goods' value at the PI's prices. */
  detail: { method?: string; paymentKind?: string; received?: { currency: string; amount: Money } | null; cartons?: number; value?: Money; forwarder?: string; entryNo?: string };
}

export type Aging = Record<AgingBucket, Money> & { overdue: Money; outstanding: Money };

export interface StatementInvoice {
  id: number;
  number: string;
  issuedOn: string;
  status: string;
  total: Money;
  /** Paid up to the statement's date, and what is left (never below 0; 0 for a cancelled PI). */
  paid: Money;
  balance: Money;
  /** When the balance is (was) due; null while it waits for a delivery. */
  dueOn: string | null;
  /** Days past due as of the statement's date (null: not due, or nothing left). */
  daysOverdue: number | null;
  bucket: AgingBucket | null;
}

export interface StatementSection {
  currency: string;
  opening: Money;
  /** Σ PIs issued in the period, Σ cancelled in it, Σ payments in it. */
  invoiced: Money;
  cancelled: Money;
  paid: Money;
  closing: Money;
  entries: StatementEntry[];
  invoices: StatementInvoice[];
  aging: Aging;
}

export interface Statement {
  buyer: { id: number; company: string; country: string; currency: string; docLanguage: string };
  from: string | null;
  to: string;
  /** The aging's date: `to`. */
  asOf: string;
  sections: StatementSection[];
}

interface RawEntry {
  date: string;
  kind: EntryKind;
  id: number;
  invoice: q.BalanceInvoiceRow;
  reference: string;
  debitE4: number;
  creditE4: number;
  detail: StatementEntry['detail'];
}

function dateOf(iso: string): string {
  return localDate(new Date(iso));
}

function emptyAging(): Record<AgingBucket, number> {
  return { notDue: 0, days0to30: 0, days31to60: 0, days61to90: 0, days90plus: 0 };
}

export function buyerStatement(core: Core, input: { buyerId: number; from?: string | undefined; to?: string | undefined }): Statement {
  const buyer = getBuyer(core.db, input.buyerId);
  if (!buyer) throw notFound(m('statements.noBuyerId', { buyerId: input.buyerId }), 'buyerId');
  const to = input.to ?? localDate(core.now());
  const from = input.from ?? null;
  if (from !== null && from > to) throw invalid('from', m('common.afterEndPeriod', { to }));

  const invoices = q.invoicesOfBuyer(core.db, buyer.id, to);
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const payments = q.paymentsOfBuyer(core.db, buyer.id, to);
  const deliveries = q.deliveriesOfBuyer(core.db, buyer.id, to);

  // Delivered goods at the PI's unit prices (the PIs' frozen lines).
  const lines = new Map<number, Map<number, InvoiceContent['lines'][number]>>();
  for (const c of q.contentsOf(core.db, [...new Set(deliveries.map((d) => d.invoice_id))])) {
    lines.set(c.id, new Map((JSON.parse(c.content) as InvoiceContent).lines.map((l) => [l.id, l])));
  }
  const deliveryById = new Map(deliveries.map((d) => [d.id, d]));
  const deliveryValue = new Map<number, number>();
  for (const l of q.deliveryLines(core.db, deliveries.map((d) => d.id))) {
    const d = deliveryById.get(l.shipment_id);
    const inv = d ? byId.get(d.invoice_id) : undefined;
    const line = d ? lines.get(d.invoice_id)?.get(l.invoice_line_id) : undefined;
    if (!inv || !line) continue;
    deliveryValue.set(l.shipment_id, (deliveryValue.get(l.shipment_id) ?? 0) + lineValueE4(l.qty, line, inv.currency));
  }

  const raw: RawEntry[] = [];
  for (const inv of invoices) {
    raw.push({ date: inv.issued_on, kind: 'invoice', id: inv.id, invoice: inv, reference: '', debitE4: inv.grand_total_e4, creditE4: 0, detail: {} });
    if (inv.status === 'cancelled' && inv.cancelled_at) {
      const on = dateOf(inv.cancelled_at);
      if (on <= to) raw.push({ date: on, kind: 'cancelled', id: inv.id, invoice: inv, reference: '', debitE4: 0, creditE4: inv.grand_total_e4, detail: {} });
    }
  }
  for (const p of payments) {
    const inv = byId.get(p.invoice_id);
    if (!inv) continue;
    raw.push({
      date: p.paid_on, kind: 'payment', id: p.id, invoice: inv, reference: p.reference, debitE4: 0, creditE4: p.amount_e4,
      detail: {
        method: p.method,
        paymentKind: p.kind,
        received: p.received_currency && p.received_e4 !== null ? { currency: p.received_currency, amount: money(p.received_e4, p.received_currency) } : null,
      },
    });
  }
  for (const d of deliveries) {
    const inv = byId.get(d.invoice_id);
    if (!inv) continue;
    raw.push({
      date: d.delivered_on, kind: 'delivery', id: d.id, invoice: inv, reference: d.entry_no ? `${d.number} · ${d.entry_no}` : d.number, debitE4: 0, creditE4: 0,
      detail: { cartons: d.cartons, value: money(deliveryValue.get(d.id) ?? 0, inv.currency), forwarder: d.forwarder_name, entryNo: d.entry_no },
    });
  }
  raw.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.invoice.year - b.invoice.year || a.invoice.seq - b.invoice.seq || a.id - b.id));

  const currencies = [...new Set(invoices.map((i) => i.currency))].sort((a, b) => (a === buyer.currency ? -1 : b === buyer.currency ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const paidTo = new Map<number, number>();
  for (const p of payments) paidTo.set(p.invoice_id, (paidTo.get(p.invoice_id) ?? 0) + p.amount_e4);

  const sections = currencies.map((currency): StatementSection => {
    let balance = 0;
    let opening = 0;
    let invoiced = 0;
    let cancelled = 0;
    let paid = 0;
    const entries: StatementEntry[] = [];
    for (const e of raw) {
      if (e.invoice.currency !== currency) continue;
      balance += e.debitE4 - e.creditE4;
      if (from !== null && e.date < from) {
        opening = balance;
        continue;
      }
      if (e.kind === 'invoice') invoiced += e.debitE4;
      if (e.kind === 'cancelled') cancelled += e.creditE4;
      if (e.kind === 'payment') paid += e.creditE4;
      entries.push({
        date: e.date,
        kind: e.kind,
        invoice: { id: e.invoice.id, number: e.invoice.number },
        reference: e.reference,
        debit: e.kind === 'invoice' ? money(e.debitE4, currency) : null,
        credit: e.kind === 'payment' || e.kind === 'cancelled' ? money(e.creditE4, currency) : null,
        balance: money(balance, currency),
        detail: e.detail,
      });
    }
    const aging = emptyAging();
    const listed: StatementInvoice[] = [];
    for (const inv of invoices) {
      if (inv.currency !== currency) continue;
      const paidE4 = paidTo.get(inv.id) ?? 0;
      const isCancelled = inv.status === 'cancelled' && inv.cancelled_at !== null && dateOf(inv.cancelled_at) <= to;
      const left = isCancelled ? 0 : Math.max(0, inv.grand_total_e4 - paidE4);
      const inPeriod = from === null || inv.issued_on >= from;
      if (!inPeriod && left === 0) continue;
      const dueOn = balanceDueOn(inv.payment_terms, inv.issued_on, inv.first_delivery_on);
      const age = left > 0 && dueOn !== null ? daysBetween(dueOn, to) : null;
      const bucket = left > 0 ? bucketOf(age) : null;
      if (bucket) aging[bucket] += left;
      listed.push({
        id: inv.id,
        number: inv.number,
        issuedOn: inv.issued_on,
        status: inv.status,
        total: money(inv.grand_total_e4, currency),
        paid: money(paidE4, currency),
        balance: money(left, currency),
        dueOn,
        daysOverdue: age !== null && age >= 0 ? age : null,
        bucket,
      });
    }
    const overdue = aging.days0to30 + aging.days31to60 + aging.days61to90 + aging.days90plus;
    const agingOut = Object.fromEntries(AGING_BUCKETS.map((b) => [b, money(aging[b], currency)])) as Record<AgingBucket, Money>;
    return {
      currency,
      opening: money(opening, currency),
      invoiced: money(invoiced, currency),
      cancelled: money(cancelled, currency),
      paid: money(paid, currency),
      closing: money(balance, currency),
      entries,
      invoices: listed,
      aging: { ...agingOut, overdue: money(overdue, currency), outstanding: money(overdue + aging.notDue, currency) },
    };
  });

  return {
    buyer: { id: buyer.id, company: buyer.company, country: buyer.country, currency: buyer.currency, docLanguage: buyer.doc_language },
    from,
    to,
    asOf: to,
    sections,
  };
}

// ---------------------------------------------------------------------------
// Receivables

export interface Receivable {
  buyer: { id: number; company: string; country: string };
  currency: string;
  /** Σ what open PIs still owe; of it, what is past its due date; money kept on cancelled PIs (to the buyer's credit); owed − credit. */
  owed: Money;
  overdue: Money;
  credit: Money;
  balance: Money;
  /** PIs with something owed. */
  openInvoices: number;
  /** The oldest date owed from: the earliest due date passed, else (nothing overdue) the oldest open PI's issue date. */
  since: string | null;
  /** Days the oldest overdue balance is past due (null: nothing overdue). */
  daysOverdue: number | null;
  aging: Record<AgingBucket, Money>;
}

/**
 * Who owes what, per buyer and currency, oldest first: what is overdue first, the longest
 * overdue first (by the earliest due date passed), then what is not yet due by its oldest PI's
 * issue date; on the same day the larger amount first. Every PI not cancelled with a balance
 * left, aged as of today (core.now()) by its balance due date (main/statements/dueDate.ts: the
 * rule read from each distinct wording of the payment terms; the sums, aging and order are one
 * SQL pass over invoice_balances); money paid on cancelled PIs is the buyer's credit. Paged.
 */
export function receivables(
  core: Core,
  filter: { currency?: string | undefined; overdueOnly?: boolean | undefined; limit: number; offset: number },
): { items: Receivable[]; total: number; asOf: string } {
  const asOf = localDate(core.now());
  const rules = q.openTerms(core.db).map((terms) => ({ terms, ...balanceRule(terms) }));
  const query = { rules, asOf, currency: filter.currency, overdueOnly: filter.overdueOnly };
  const rows = q.receivablesPage(core.db, { ...query, limit: filter.limit, offset: filter.offset });
  const total = rows[0]?.total ?? (filter.offset > 0 ? q.receivablesCount(core.db, query) : 0);
  return {
    asOf,
    total,
    items: rows.map((r) => {
      const m = (v: number) => money(v, r.currency);
      return {
        buyer: { id: r.buyer_id, company: r.company, country: r.country },
        currency: r.currency,
        owed: m(r.owed_e4),
        overdue: m(r.overdue_e4),
        credit: m(r.credit_e4),
        balance: m(r.owed_e4 - r.credit_e4),
        openInvoices: r.open_invoices,
        since: r.oldest_due ?? r.oldest_issue,
        daysOverdue: r.oldest_due === null ? null : daysBetween(r.oldest_due, asOf),
        aging: { notDue: m(r.not_due_e4), days0to30: m(r.d0_30_e4), days31to60: m(r.d31_60_e4), days61to90: m(r.d61_90_e4), days90plus: m(r.d90_plus_e4) },
      };
    }),
  };
}
