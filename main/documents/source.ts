import type { Core } from '../core';
import { AppError, msg } from '../api/errors';
import type { DocKind, DocumentModel } from './model';

/**
 * Where documents come from: the quotations and PIs of the data folder. The
 * documents area does not read quotations itself; the quotes area provides a
 * source (fromQuote.ts maps its view types) and registers it with
 * setDocumentSource() when the app starts:
 *
 *   setDocumentSource({
 *     byId: (core, kind, id) => kind === 'quotation'
 *       ? { model: fromQuote(getQuote(core, id), core.paths.photos), issued: false, id }
 *       : { model: fromInvoice(getInvoice(core, id), core.paths.photos, kind), issued: true, id },
 *     byNumber: (core, number) => …getInvoiceByNumber / getQuoteByNumber…,
 *   });
 */
export interface DocumentRef {
  model: DocumentModel;
  /** A PI's content is frozen at issue: its PDFs are stored and served unchanged (storage.ts). */
  issued: boolean;
  /** The record's id, for storage under its own folder. */
  id: number;
}

export interface DocumentSource {
  /** By id: a quotation's for kind quotation, a PI's for proforma and packing (its packing list). */
  byId(core: Core, kind: DocKind, id: number): DocumentRef;
  /** By printed number: "JH-Q2026-0007", "JH-Q2026-0007-R2" or "JH-PI2026-0012". */
  byNumber(core: Core, number: string, kind: DocKind | undefined): DocumentRef;
}

let source: DocumentSource | null = null;

export function setDocumentSource(next: DocumentSource | null): void {
  source = next;
}

export function documentSource(): DocumentSource {
  if (!source) {
    throw new AppError('unavailable', msg('Quotations and PIs are not available to print in this build', '此版本无法打印报价单和形式发票'));
  }
  return source;
}
