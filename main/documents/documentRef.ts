import type { Core } from '../core';
import type { DocKind, DocumentModel } from './model';

/** A document to print and where it came from (source.ts picks the source; tradeSource.ts is the data folder's). */
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
