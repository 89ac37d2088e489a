import { Canvas } from '../canvas';
import { catalogLabeler, isRtl, labeler, type CatalogKey, type CatalogLabeler, type Labeler } from '../catalog';
import { formatter, type Formatter } from '../format';
import type { DocKind, DocLang, DocumentModel, Paper } from '../model';

/**
 * What every printed document's sections draw on: the canvas, the labels and
 * formats of the document language, the content box, and where the next block goes.
 */
export const MARGIN_X = 28;
export const MARGIN_TOP = 30;
export const FOOTER_H = 30;
export const BODY = 7.6;
export const SMALL = 6.6;
/** Padding inside table cells. */
export const PAD = 3;

export interface PageCtx {
  c: Canvas;
  /** The shared labels (catalog.ts, section trade): the seller header and footers use them. */
  l: Labeler;
  f: Formatter;
  lang: DocLang;
  /** Content box in logical coordinates. */
  x: number;
  w: number;
  bottom: number;
  y: number;
}

/** The quotation, PI, packing list and statement of payments: the model they print, and whether the bank block shows. */
export interface DocCtx extends PageCtx {
  m: DocumentModel;
  kind: DocKind;
  showBank: boolean;
}

/** The content box of a fresh canvas. */
export function contentBox(c: Canvas): Pick<PageCtx, 'x' | 'w' | 'bottom' | 'y'> {
  return { x: MARGIN_X, w: c.width - 2 * MARGIN_X, bottom: c.height - FOOTER_H, y: MARGIN_TOP };
}

/**
 * The first page of a document after the PI: its canvas (mirrored when asked: a right-to-left
 * language printed alone), the shared labels and the formats of its language.
 */
export function openPage(lang: DocLang, options: { paper?: Paper | undefined; mirrored: boolean; title: string; author: string; subject: string }): PageCtx {
  const c = new Canvas(options.paper ?? 'a4', options.mirrored, {
    title: options.title,
    author: options.author,
    subject: options.subject,
    lang: lang === 'zh' ? 'zh-CN' : lang,
  });
  return { c, l: labeler(lang, false), f: formatter(lang), lang, ...contentBox(c) };
}

/**
 * The purchase order and the delivery note: in their language (Chinese unless asked), `bilingual`
 * adds English after every label (and then the page is not mirrored).
 */
export function openBilingualPage(
  options: { lang: DocLang; bilingual?: boolean | undefined; paper?: Paper | undefined },
  title: { key: CatalogKey; number: string },
  info: { author: string; subject: string },
): { ctx: PageCtx; k: CatalogLabeler; lang: DocLang; bilingual: boolean } {
  const lang = options.lang;
  const bilingual = options.bilingual === true && lang !== 'en';
  const k = catalogLabeler(lang, bilingual ? 'en' : null);
  const ctx = openPage(lang, { paper: options.paper, mirrored: isRtl(lang) && !bilingual, title: `${k.pair(title.key).primary} ${title.number}`, ...info });
  return { ctx, k, lang, bilingual };
}

/** The language part of a purchase order's or delivery note's file name: "" (Chinese), "-ar", "-ar-en" (bilingual). */
export function bilingualFileSuffix(lang: DocLang, bilingual: boolean): string {
  return bilingual && lang !== 'en' ? `-${lang}-en` : lang === 'zh' ? '' : `-${lang}`;
}

export function newPage(ctx: PageCtx): void {
  ctx.c.addPage();
  ctx.y = MARGIN_TOP;
}

/** Starts a new page when a block of height h does not fit. */
export function ensure(ctx: PageCtx, h: number): void {
  if (ctx.y + h > ctx.bottom) newPage(ctx);
}
