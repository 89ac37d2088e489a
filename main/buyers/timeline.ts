import type { Core } from '../core';
import * as q from '../../db/buyers';
import * as v from '../../db/visits';
import { invoicesOfBuyer, quotesOfBuyer } from '../../db/tradeValues';
import { formatAmount } from '../money/amounts';
import { buyerRow } from './service';
import { toVisits, type Visit } from './visits';

/**
 * What happened with a buyer, newest first: visits, quotations (every
 * revision), pro-forma invoices with what was paid, and merges. Amounts are in
 * the document's own currency, as decimal strings. Quotations and invoices
 * appear once the quotes area's tables exist (db/tradeValues.ts).
 */
export type TimelineEvent =
  | { kind: 'visit'; date: string; visit: Visit }
  | {
      kind: 'quote';
      date: string;
      quote: { id: number; number: string; revision: number; status: string; currency: string; grandTotal: string };
    }
  | {
      kind: 'invoice';
      date: string;
      invoice: { id: number; number: string; status: string; currency: string; grandTotal: string; deposit: string; paid: string };
    }
  | { kind: 'merge'; date: string; merge: { mergedId: number; company: string; country: string; moved: Record<string, number> } };

const ORDER: Record<TimelineEvent['kind'], number> = { merge: 0, invoice: 1, quote: 2, visit: 3 };

export function buyerTimeline(core: Core, buyerId: number): TimelineEvent[] {
  buyerRow(core, buyerId, 'id');
  const events: TimelineEvent[] = toVisits(core, v.visitsOf(core.db, buyerId)).map((visit) => ({ kind: 'visit', date: visit.visitedOn, visit }));
  for (const r of quotesOfBuyer(core.db, buyerId)) {
    events.push({
      kind: 'quote',
      date: r.quote_date,
      quote: { id: r.id, number: r.number, revision: r.revision, status: r.status, currency: r.currency, grandTotal: formatAmount(r.grand_total_e4, r.currency) },
    });
  }
  for (const r of invoicesOfBuyer(core.db, buyerId)) {
    events.push({
      kind: 'invoice',
      date: r.issued_on,
      invoice: {
        id: r.id, number: r.number, status: r.status, currency: r.currency,
        grandTotal: formatAmount(r.grand_total_e4, r.currency), deposit: formatAmount(r.deposit_e4, r.currency), paid: formatAmount(r.paid_e4, r.currency),
      },
    });
  }
  for (const m of q.mergesOf(core.db, buyerId)) {
    events.push({
      kind: 'merge',
      date: m.merged_at.slice(0, 10),
      merge: { mergedId: m.merged_id, company: m.merged_company, country: m.merged_country, moved: JSON.parse(m.moved) as Record<string, number> },
    });
  }
  // Newest first; on one day: a merge, then invoices, quotations, visits (the order things happen at the stall, reversed).
  return events.sort((a, b) => b.date.localeCompare(a.date) || ORDER[a.kind] - ORDER[b.kind]);
}
