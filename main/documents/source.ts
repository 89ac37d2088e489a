import type { Core } from '../core';
import type { DocKind, DocumentModel } from './model';
import { tradeSource } from './tradeSource';

/**
 * Where documents come from: the quotations and PIs of the data folder
 * (tradeSource.ts, which maps the quotes area's view types with fromQuote.ts).
 */
export interface DocumentRef {
  model: DocumentModel;
  /** A PI's content is frozen at issue: its PDFs are stored and served unchanged (storage.ts). */
  issued: boolean;
  /** The record's id, for storage under its own folder. */
  id: number;
  /**
   * Names the stored copies of an issued PI: its number plus its creation
   * time, so a number issued again after a restore to an earlier backup never
   * meets the PDF of the PI that had it before. Default: the document number.
   */
  storageKey?: string;
}

export interface DocumentSource {
  /** By id: a quotation's for kind quotation, a PI's for proforma and packing (its packing list). */
  byId(core: Core, kind: DocKind, id: number): DocumentRef;
  /** By printed number: "JH-Q2026-0007", "JH-Q2026-0007-R2" or "JH-PI2026-0012". */
  byNumber(core: Core, number: string, kind: DocKind | undefined): DocumentRef;
}

let override: DocumentSource | null = null;

/** Tests and the benchmark print demo documents through another source; null restores the data folder's. */
export function setDocumentSource(next: DocumentSource | null): void {
  override = next;
}

export function documentSource(): DocumentSource {
  return override ?? tradeSource;
}
