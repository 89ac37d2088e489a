/**
 * What needs doing now, for the dashboard: deposits awaited, purchase orders due or late
 * (owner only: orders are the owner's), goods ready to deliver, balances overdue. Each item
 * names its record (kind, id, number) so the UI links to it. Oldest first in each list.
 *
 * - deposit awaited: a PI not cancelled nor shipped whose payments are below its deposit;
 * - purchase due / late: an ordered or partly received order whose delivery date is within
 *   `dueWithinDays` (due) or has passed (late);
 * - ready to deliver: a PI with something left to deliver that the stock on hand covers
 *   (main/invoices/progress.ts: first issued, first served);
 * - balance overdue: a PI not cancelled with a balance left whose balance due date
 *   (main/statements/dueDate.ts) is today or earlier.
 */
import type { Core } from '../core';
import { buyersBrief, openBalances, undeliveredInvoiceIds } from '../../db/balances';
import { ordersDueBy } from '../../db/purchases';
import { getInvoice } from '../invoices/service';
import { addDays, localDate } from '../calendar/dates';
import { money } from '../quotes/totals';
import { balanceDueOn, daysBetween } from '../statements/dueDate';
import type { Money } from '../quotes/types';

export type FollowUpType = 'deposit_awaited' | 'purchase_due' | 'purchase_late' | 'ready_to_deliver' | 'balance_overdue';

export interface FollowUp {
  type: FollowUpType;
  record: { kind: 'invoice' | 'purchase_order'; id: number; number: string };
  /** The buyer (PIs) or the supplier (orders). */
  party: { id: number; name: string };
  /** What it is about: the PI's issue date, the order's delivery date, the balance's due date. */
  date: string;
  /** Days since that date (negative: due in so many days). */
  days: number;
  /** Deposit still due, balance still due (PI currency); null for orders. */
  amount: Money | null;
  currency: string | null;
}

export interface FollowUps {
  asOf: string;
  depositsAwaited: FollowUp[];
  purchasesDue: FollowUp[];
  readyToDeliver: FollowUp[];
  balancesOverdue: FollowUp[];
}

const oldestFirst = (a: FollowUp, b: FollowUp) => b.days - a.days || a.record.id - b.record.id;

export function followUps(core: Core, options: { owner: boolean; dueWithinDays: number }): FollowUps {
  const asOf = localDate(core.now());
  const depositsAwaited: FollowUp[] = [];
  const balancesOverdue: FollowUp[] = [];
  for (const r of openBalances(core.db)) {
    if (r.status === 'cancelled') continue;
    const party = { id: r.buyer_id, name: '' };
    const record = { kind: 'invoice' as const, id: r.id, number: r.number };
    if (r.status !== 'shipped' && r.deposit_e4 > 0 && r.paid_e4 < r.deposit_e4) {
      depositsAwaited.push({ type: 'deposit_awaited', record, party, date: r.issued_on, days: daysBetween(r.issued_on, asOf), amount: money(r.deposit_e4 - r.paid_e4, r.currency), currency: r.currency });
    }
    const dueOn = balanceDueOn(r.payment_terms, r.issued_on, r.first_delivery_on);
    if (dueOn !== null && dueOn <= asOf) {
      balancesOverdue.push({ type: 'balance_overdue', record, party: { ...party }, date: dueOn, days: daysBetween(dueOn, asOf), amount: money(r.grand_total_e4 - r.paid_e4, r.currency), currency: r.currency });
    }
  }
  const readyToDeliver: FollowUp[] = [];
  for (const id of undeliveredInvoiceIds(core.db)) {
    const pi = getInvoice(core, id);
    if (!pi.progress.readyToDeliver) continue;
    readyToDeliver.push({
      type: 'ready_to_deliver', record: { kind: 'invoice', id: pi.id, number: pi.number }, party: { id: pi.buyer.id, name: '' },
      date: pi.issuedOn, days: daysBetween(pi.issuedOn, asOf), amount: pi.balanceDue, currency: pi.currency,
    });
  }
  const purchasesDue: FollowUp[] = options.owner
    ? ordersDueBy(core.db, addDays(asOf, options.dueWithinDays)).map((o) => {
        const date = o.delivery_date as string;
        return {
          type: date < asOf ? 'purchase_late' : 'purchase_due',
          record: { kind: 'purchase_order', id: o.id, number: o.number },
          party: { id: o.supplier_id, name: o.supplier_name },
          date,
          days: daysBetween(date, asOf),
          amount: null,
          currency: null,
        };
      })
    : [];
  const toBuyers = [...depositsAwaited, ...balancesOverdue, ...readyToDeliver];
  const names = new Map(buyersBrief(core.db, [...new Set(toBuyers.map((f) => f.party.id))]).map((b) => [b.id, b.company]));
  for (const f of toBuyers) f.party.name = names.get(f.party.id) ?? '';
  return {
    asOf,
    depositsAwaited: depositsAwaited.sort(oldestFirst),
    purchasesDue: purchasesDue.sort(oldestFirst),
    readyToDeliver: readyToDeliver.sort(oldestFirst),
    balancesOverdue: balancesOverdue.sort(oldestFirst),
  };
}
