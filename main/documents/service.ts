import type { Core } from '../core';
import { documentFileName, renderDocument, type RenderedDocument } from './render';
import { documentSource } from './source';
import { readStoredPdf, storePdf } from './storage';
import type { DocKind, DocLang, Paper } from './model';
export type { DocKind };

export interface PrintRequest {
  /** Default: what the number or id names (quotation or PI). */
  kind?: DocKind;
  lang?: DocLang;
  bilingual?: boolean;
  paper?: Paper;
  showBank?: boolean;
}

export interface PrintedDocument extends Omit<RenderedDocument, 'pdf'> {
  pdf: Buffer;
  /** Served from the stored copy of an issued PI. */
  stored: boolean;
}

/**
 * Prints a quotation or PI: the buyer's language unless another is asked; an
 * issued PI's PDF is stored the first time each variant is printed and served
 * unchanged afterwards.
 */
export async function printDocument(core: Core, ref: { id: number } | { number: string }, request: PrintRequest): Promise<PrintedDocument> {
  const source = documentSource();
  const found = 'number' in ref ? source.byNumber(core, ref.number, request.kind) : source.byId(core, request.kind ?? 'quotation', ref.id);
  const model = found.model;
  const kind = request.kind ?? model.kind;
  const lang = request.lang ?? model.lang;
  const variant = { kind, lang, bilingual: request.bilingual === true && lang !== 'en', paper: request.paper ?? 'a4' } as const;
  if (found.issued && request.showBank === undefined) {
    const stored = readStoredPdf(core.paths, found.storageKey ?? model.number, variant);
    if (stored) {
      return { pdf: stored, pages: countPages(stored), nameWarnings: model.nameWarnings, fileName: documentFileName(model, variant.kind, lang, variant), stored: true };
    }
  }
  const rendered = await renderDocument(model, { kind, lang, bilingual: variant.bilingual, paper: variant.paper, ...(request.showBank !== undefined ? { showBank: request.showBank } : {}) });
  if (found.issued && request.showBank === undefined) {
    return { ...rendered, pdf: storePdf(core.paths, found.storageKey ?? model.number, variant, rendered.pdf), stored: false };
  }
  return { ...rendered, stored: false };
}

/** Pages of a PDF we wrote (pdfkit writes one "/Type /Page" object per page). */
function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}
