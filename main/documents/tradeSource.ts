import type { Core } from '../core';
import { getInvoice, getInvoiceByNumber } from '../invoices/service';
import { getQuote, getQuoteByNumber } from '../quotes/view';
import { localDate } from '../calendar/dates';
import { fromInvoice, fromQuote } from './fromQuote';
import type { DocKind } from './model';
import type { DocumentRef, DocumentSource } from './documentRef';

/** "JH-Q2026-0007-R2" → number "JH-Q2026-0007", revision 2. */
function splitRevision(number: string): { number: string; revision?: number } {
  const match = /^(.*)-R(\d+)$/.exec(number.trim());
  return match?.[1] ? { number: match[1], revision: Number(match[2]) } : { number: number.trim() };
}

/** "JH-PI2026-0012" created 2026-11-20T09:00:00.123Z → "JH-PI2026-0012@20261120T090000123Z". */
export function invoiceStorageKey(invoice: { number: string; createdAt: string }): string {
  return `${invoice.number}@${invoice.createdAt.replace(/[-:.]/g, '')}`;
}

/** The data folder's quotations and PIs, as documents (the app's source; tests may set another). */
export const tradeSource: DocumentSource = {
  byId(core: Core, kind: DocKind, id: number): DocumentRef {
    if (kind === 'quotation') return { model: fromQuote(getQuote(core, id), core.paths.photos), issued: false, id };
    const invoice = getInvoice(core, id);
    // A statement of payments is printed live from the payments: never stored, the PI itself stays as issued.
    if (kind === 'statement') return { model: fromInvoice(invoice, core.paths.photos, 'statement', localDate(core.now())), issued: false, id };
    return { model: fromInvoice(invoice, core.paths.photos, kind), issued: true, id, storageKey: invoiceStorageKey(invoice) };
  },
  byNumber(core: Core, number: string, kind: DocKind | undefined): DocumentRef {
    if (kind !== 'quotation') {
      try {
        const invoice = getInvoiceByNumber(core, number);
        if (kind === 'statement') return { model: fromInvoice(invoice, core.paths.photos, 'statement', localDate(core.now())), issued: false, id: invoice.id };
        return { model: fromInvoice(invoice, core.paths.photos, kind === 'packing' ? 'packing' : 'proforma'), issued: true, id: invoice.id, storageKey: invoiceStorageKey(invoice) };
      } catch (error) {
        // A proforma or a statement must be a PI's; a packing list may also be a quotation's.
        if (kind === 'proforma' || kind === 'statement') throw error;
      }
    }
    const { number: base, revision } = splitRevision(number);
    const quote = getQuoteByNumber(core, base, revision);
    return { model: fromQuote(quote, core.paths.photos, kind === 'packing' ? 'packing' : 'quotation'), issued: false, id: quote.id };
  },
};
