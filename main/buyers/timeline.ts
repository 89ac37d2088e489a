import type { Core } from '../core';
import * as q from '../../db/buyers';
import * as v from '../../db/visits';
import { buyerRow } from './service';
import { toVisits, type Visit } from './visits';

/**
 * What happened with a buyer, newest first. Visits and merges today; the
 * quotations and invoices of the quotes area join here as two more kinds
 * ({ kind: 'quote' } and { kind: 'invoice' }) once their tables exist.
 */
export type TimelineEvent =
  | { kind: 'visit'; date: string; visit: Visit }
  | { kind: 'merge'; date: string; merge: { mergedId: number; company: string; country: string; moved: Record<string, number> } };

export function buyerTimeline(core: Core, buyerId: number): TimelineEvent[] {
  buyerRow(core, buyerId, 'id');
  const events: TimelineEvent[] = toVisits(core, v.visitsOf(core.db, buyerId)).map((visit) => ({ kind: 'visit', date: visit.visitedOn, visit }));
  for (const m of q.mergesOf(core.db, buyerId)) {
    events.push({
      kind: 'merge',
      date: m.merged_at.slice(0, 10),
      merge: { mergedId: m.merged_id, company: m.merged_company, country: m.merged_country, moved: JSON.parse(m.moved) as Record<string, number> },
    });
  }
  // Newest first; on one day, a merge (recorded after the visits it moved) comes first.
  return events.sort((a, b) => b.date.localeCompare(a.date) || (a.kind === b.kind ? 0 : a.kind === 'merge' ? -1 : 1));
}
