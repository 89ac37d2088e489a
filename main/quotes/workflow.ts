/** The workflow after the draft: send, accept, reject, delete a draft, revise, duplicate for another buyer. */
import type { Core } from '../core';
import { AppError, m } from '../errors/apiError';
import * as q from '../../db/quotes';
import { getProduct } from '../../db/products';
import { getBuyer as getBuyerRow } from '../../db/buyers';
import { getDefaults } from '../settings/service';
import { rateE8On } from '../rates/service';
import { addDays } from '../calendar/dates';
import { CNY_RATE_E8, money } from './totals';
import { type QuickBuyer } from './schema';
import { type DeletedDraft, type Quote, type QuoteRef } from './types';
import { today, nowIso, displayNumber, expireDue, requireQuote, QUOTE_STATUS, requireLines, refuse, ref, newNumber } from './records';
import { buyerBlock, quickAddBuyer, requireBuyer, freezeSnapshots } from './parties';
import { rateFor, pricing, termsOf } from './terms';
import { snapshotOf, copyLines, inCurrency } from './lines';
import { recalculated, getQuote } from './view';

export function sendQuote(core: Core, id: number): Quote {
  expireDue(core);
  const row = requireQuote(core, id);
  if (row.status !== 'draft') refuse(row, m('quotes.action.send'));
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
        m('quotes.quotationExpiredMakeRevision', { number: displayNumber(row), validUntil: row.valid_until }),
        'id',
      );
    }
    refuse(row, m('quotes.action.accept'));
  }
  requireLines(row);
  const now = nowIso(core);
  q.setQuoteStatus(core.db, id, { status: 'accepted', accepted_at: now, ...(row.sent_at ? {} : { sent_at: now }), ...freezeSnapshots(core, row) }, now);
  return getQuote(core, id);
}

export function rejectQuote(core: Core, id: number, reason: string): Quote {
  expireDue(core);
  const row = requireQuote(core, id);
  if (row.status !== 'draft' && row.status !== 'sent') refuse(row, m('quotes.action.reject'));
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
      m('quotes.onlyDraftDeleted', { number: displayNumber(row), status: QUOTE_STATUS[row.status] }),
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

/**
 * A new revision of a sent, accepted, rejected or expired quotation: a draft with
 * the same number and revision + 1, dated today, with the same lines (snapshots
 * kept) and terms. The old revision becomes superseded and stays readable.
 */
export function reviseQuote(core: Core, id: number): Quote {
  expireDue(core);
  const row = requireQuote(core, id);
  if (row.status === 'draft') {
    throw new AppError('conflict', m('quotes.quotationStillDraftChange', { number: displayNumber(row) }), 'id');
  }
  if (row.status === 'superseded') {
    const next = q.supersededBy(core.db, row.id);
    throw new AppError(
      'conflict',
      next ? m('quotes.replacedBy', { number: displayNumber(row), next: displayNumber(next) }) : m('quotes.replacedByLater', { number: displayNumber(row) }),
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
