/**
 * Stored quotations as every other module of the area reads them: the printed
 * number, the status a reader sees, the checks that refuse a change, numbering.
 *
 * Expiry needs no timer: a draft or sent quotation whose last valid day has
 * passed reads as expired (effective(), with the time this process first saw
 * it so), and the next write of a quotation or PI stores that (expireDue, in
 * the writer's transaction). Reads never write, so they never take the write lock.
 */
import { getOrMake } from '../collections/getOrMake';
import type { Core } from '../core';
import { AppError, invalid, m, notFound, type Message } from '../errors/apiError';
import * as q from '../../db/quotes';
import { getDefaults } from '../settings/service';
import { localDate, yearOf } from '../calendar/dates';
import { type QuoteRef, type QuoteStatus } from './types';

export const today = (core: Core) => localDate(core.now());

export const nowIso = (core: Core) => core.now().toISOString();

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
  const seen = getOrMake(seenExpired, core, () => new Map<number, string>());
  const at = getOrMake(seen, row.id, () => nowIso(core));
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

export function requireQuote(core: Core, id: number, field = 'id'): q.QuoteRow {
  const row = q.getQuote(core.db, id);
  if (!row) throw notFound(m('quotes.noQuotationId', { id }), field);
  return effective(core, row);
}

/** A quotation's status as a person reads it, for messages. */
export const QUOTE_STATUS: Record<QuoteStatus, Message> = {
  draft: m('quotes.status.draft'),
  sent: m('quotes.status.sent'),
  accepted: m('quotes.status.accepted'),
  rejected: m('quotes.status.rejected'),
  expired: m('quotes.status.expired'),
  superseded: m('quotes.status.superseded'),
};

export function requireDraft(row: q.QuoteRow): void {
  if (row.status !== 'draft') {
    throw new AppError(
      'conflict',
      m('quotes.onlyDraftChanges', { number: displayNumber(row), status: QUOTE_STATUS[row.status] }),
      'id',
    );
  }
}


export function requireLines(row: q.QuoteRow): void {
  if (row.line_count === 0) {
    throw invalid('id', m('quotes.noQuotationNoLines', { number: displayNumber(row) }));
  }
}

export function refuse(row: q.QuoteRow, action: Message): never {
  throw new AppError('conflict', m('quotes.cannotBe', { number: displayNumber(row), status: QUOTE_STATUS[row.status], action }), 'id');
}

export function ref(row: q.QuoteRow): QuoteRef {
  return { id: row.id, number: row.number, revision: row.revision, displayNumber: displayNumber(row), status: row.status };
}

export function newNumber(core: Core, date: string): { year: number; seq: number; number: string } {
  const year = yearOf(date);
  const seq = q.nextQuoteSeq(core.db, year);
  return { year, seq, number: `${getDefaults(core).quotePrefix}${year}-${String(seq).padStart(4, '0')}` };
}
