/**
 * Gross margin per PI (owner only), in CNY:
 *
 * - revenue = the PI's grand total at the PI's own rate (amount × rate, rounded once to the fen);
 * - charges = the PI's charges (freight, inland transport, insurance…) at that rate, rounded
 *   once: money the stall collects and pays on to others, so it is not margin;
 * - cost = per PI line, what its purchase orders (not cancelled) cost: each order line's amount
 *   (qty × unit cost, rounded to the fen), or for a closed order the value of what was received;
 *   the pieces no order covers (sold from stock) at the product's cost price now, rounded per
 *   line. A cost price not known counts 0 and the PI is flagged costComplete: false;
 * - margin = revenue − charges − cost; marginPercent = margin / revenue, one decimal, half away
 *   from zero (null when revenue is 0).
 *
 * Per buyer and per month (of the issue date): the sums of the PIs' rounded figures.
 */
import type { Core } from '../core';
import { invalid, m } from '../errors/apiError';
import * as q from '../../db/margin';
import { convertAmount, AMOUNT_SCALE } from '../money/amounts';
import { divideRounded, toScaled } from '../money/decimal';
import { localDate } from '../calendar/dates';
import { CNY_RATE_E8, money } from '../quotes/totals';
import { lineCostE4 } from '../purchases/service';
import type { InvoiceContent } from '../invoices/types';
import type { Money } from '../quotes/types';

export interface MarginFigures {
  revenue: Money;
  charges: Money;
  cost: Money;
  margin: Money;
  /** Percent of revenue, one decimal; null when revenue is 0. */
  marginPercent: number | null;
  /** Every cost price used was known. */
  costComplete: boolean;
}

export interface InvoiceMargin extends MarginFigures {
  id: number;
  number: string;
  issuedOn: string;
  buyer: { id: number; company: string; country: string };
  currency: string;
  rate: string;
  /** Pieces costed from purchase orders and from the catalog's cost price. */
  piecesFromOrders: number;
  piecesFromCatalog: number;
}

export interface MarginReport {
  currency: 'CNY';
  period: { from: string; to: string };
  invoices: InvoiceMargin[];
  byBuyer: Array<MarginFigures & { buyer: { id: number; company: string; country: string }; invoices: number }>;
  byMonth: Array<MarginFigures & { month: string; invoices: number }>;
  total: MarginFigures & { invoices: number };
}

interface Sum {
  revenue: bigint;
  charges: bigint;
  cost: bigint;
  complete: boolean;
  count: number;
}

const CNY = 'CNY';

function percent1(margin: bigint, revenue: bigint): number | null {
  if (revenue === 0n) return null;
  return Number(divideRounded(margin * 1000n, revenue)) / 10;
}

function figures(s: Sum): MarginFigures {
  const margin = s.revenue - s.charges - s.cost;
  return {
    revenue: money(s.revenue, CNY),
    charges: money(s.charges, CNY),
    cost: money(s.cost, CNY),
    margin: money(margin, CNY),
    marginPercent: percent1(margin, s.revenue),
    costComplete: s.complete,
  };
}

/** An amount of the PI's currency in CNY at the PI's rate, rounded once to the fen. */
function toCny(amountE4: bigint, rateE8: number): bigint {
  return convertAmount(amountE4, rateE8, CNY_RATE_E8, CNY);
}

export function marginReport(core: Core, input: { from?: string | undefined; to?: string | undefined; buyerId?: number | undefined }): MarginReport {
  const to = input.to ?? localDate(core.now());
  const from = input.from ?? '0000-01-01';
  if (from > to) throw invalid('from', m('common.afterEndPeriod', { to }));
  const rows = q.invoicesIssued(core.db, from, to, input.buyerId);
  const contents = new Map(rows.map((r) => [r.id, JSON.parse(r.content) as InvoiceContent]));
  const orderLines = new Map<string, q.OrderCostRow[]>();
  for (const o of q.orderCosts(core.db, rows.map((r) => r.id))) {
    const key = `${o.invoice_id}:${o.invoice_line_id}`;
    orderLines.set(key, [...(orderLines.get(key) ?? []), o]);
  }
  const productIds = [...new Set([...contents.values()].flatMap((c) => c.lines.map((l) => l.product.productId)).filter((id): id is number => id !== null))];
  const catalog = new Map(q.catalogCosts(core.db, productIds).map((p) => [p.id, p.cost_cny_e4]));

  const invoices: InvoiceMargin[] = [];
  const total: Sum = { revenue: 0n, charges: 0n, cost: 0n, complete: true, count: 0 };
  const byBuyer = new Map<number, Sum & { buyer: InvoiceMargin['buyer'] }>();
  const byMonth = new Map<string, Sum>();
  for (const r of rows) {
    const content = contents.get(r.id) as InvoiceContent;
    const revenue = toCny(BigInt(r.grand_total_e4), r.rate_e8);
    const chargesE4 = content.charges.reduce((s, c) => s + BigInt(toScaled(c.amount, AMOUNT_SCALE)), 0n);
    const charges = toCny(chargesE4, r.rate_e8);
    let cost = 0n;
    let complete = true;
    let fromOrders = 0;
    let fromCatalog = 0;
    for (const line of content.lines) {
      let covered = 0;
      for (const o of orderLines.get(`${r.id}:${line.id}`) ?? []) {
        const closed = o.status === 'closed';
        const pieces = closed ? o.received : o.qty;
        covered += pieces;
        if (o.unit_cost_e4 === null) complete = false;
        cost += BigInt(closed ? lineCostE4(o.received, o.unit_cost_e4) : o.amount_e4);
      }
      fromOrders += Math.min(covered, line.qty);
      const rest = Math.max(0, line.qty - covered);
      if (rest > 0) {
        fromCatalog += rest;
        const unit = line.product.productId === null ? null : (catalog.get(line.product.productId) ?? null);
        if (unit === null) complete = false;
        cost += BigInt(lineCostE4(rest, unit));
      }
    }
    const sum: Sum = { revenue, charges, cost, complete, count: 1 };
    const buyer = { id: r.buyer_id, company: r.company, country: r.country };
    invoices.push({
      id: r.id, number: r.number, issuedOn: r.issued_on, buyer, currency: r.currency, rate: content.rate,
      ...figures(sum), piecesFromOrders: fromOrders, piecesFromCatalog: fromCatalog,
    });
    const add = (into: Sum) => {
      into.revenue += revenue;
      into.charges += charges;
      into.cost += cost;
      into.complete &&= complete;
      into.count += 1;
    };
    add(total);
    const b = byBuyer.get(r.buyer_id) ?? { revenue: 0n, charges: 0n, cost: 0n, complete: true, count: 0, buyer };
    add(b);
    byBuyer.set(r.buyer_id, b);
    const month = r.issued_on.slice(0, 7);
    const m = byMonth.get(month) ?? { revenue: 0n, charges: 0n, cost: 0n, complete: true, count: 0 };
    add(m);
    byMonth.set(month, m);
  }
  return {
    currency: 'CNY',
    period: { from: input.from ?? (rows[0]?.issued_on ?? to), to },
    invoices,
    byBuyer: [...byBuyer.values()]
      .sort((a, b) => (b.revenue - b.charges - b.cost > a.revenue - a.charges - a.cost ? 1 : -1) || a.buyer.id - b.buyer.id)
      .map((b) => ({ buyer: b.buyer, invoices: b.count, ...figures(b) })),
    byMonth: [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, m]) => ({ month, invoices: m.count, ...figures(m) })),
    total: { invoices: total.count, ...figures(total) },
  };
}
