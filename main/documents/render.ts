import { Canvas, COLORS, type Align } from './canvas';
import { bilingualFormatter, formatter, type Formatter } from './format';
import { fill, labeler, LABELS, type LabelKey, type Labeler } from './labels';
import type { DocKind, DocLang, DocLine, DocumentModel, Paper, RenderOptions } from './model';
import { autoIsolate as fsi, ltrIsolate as iso, noBreak as nb } from './text';
import { amountInWords, englishTradeWords } from './words';
import { isZeroAmount } from '../money/amounts';
import type { NameWarning } from '../settings/service';
import { pageFooters } from './sections/footer';
import { countryName, sellerHeader } from './sections/header';
import { BODY, contentBox, ensure, MARGIN_TOP, newPage, PAD, SMALL, type PageCtx } from './sections/page';

export { displayPhone } from './sections/header';

/**
 * The three printed documents, built with pdfkit on our text layer:
 * quotation, pro-forma invoice (PI) and packing list. One layout, mirrored for
 * Arabic; the items table repeats its header on every page; every page has
 * "n / N" at the foot.
 */

export interface RenderedDocument {
  pdf: Buffer;
  pages: number;
  /** Chop, header and beneficiary names disagree: show this to the user with the document. */
  nameWarnings: NameWarning[];
  fileName: string;
}


const UNIT_NAMES: Record<string, Partial<Record<DocLang, string>>> = {
  pcs: { zh: '个', ar: 'قطعة', es: 'pzas', ru: 'шт.', fr: 'pcs', pt: 'pçs' },
  set: { zh: '套', ar: 'طقم', es: 'juegos', ru: 'компл.', fr: 'lots', pt: 'conj.' },
  pair: { zh: '双', ar: 'زوج', es: 'pares', ru: 'пар', fr: 'paires', pt: 'pares' },
  dozen: { zh: '打', ar: 'دزينة', es: 'docenas', ru: 'дюж.', fr: 'douzaines', pt: 'dúzias' },
  // A box (an inner box sold as the unit) is never the word of the outer carton: кор./уп., cartón/cajas, volume/caixas.
  box: { zh: '盒', ar: 'علبة', es: 'cajas', ru: 'уп.', fr: 'boîtes', pt: 'caixas' },
  roll: { zh: '卷', ar: 'لفة', es: 'rollos', ru: 'рул.', fr: 'rouleaux', pt: 'rolos' },
  m: { zh: '米', ar: 'م', es: 'm', ru: 'м', fr: 'm', pt: 'm' },
  kg: { zh: '千克', ar: 'كغ', es: 'kg', ru: 'кг', fr: 'kg', pt: 'kg' },
};

interface Column {
  key: string;
  label: LabelKey;
  /** Fixed width in points, or 0 for the flexible description column. */
  width: number;
  align: Align;
  /** With the currency after the label ("Unit Price (USD)"). */
  currency?: boolean;
}

interface Ctx extends PageCtx {
  m: DocumentModel;
  kind: DocKind;
  showBank: boolean;
}

/**
 * The download name of a variant: "JH-PI2026-0017-ar.pdf", "…-en-ar.pdf" (bilingual), "…-ar-letter.pdf"
 * (US Letter), "PL-…" for a packing list, "…-statement-en.pdf" for a statement of payments; so two
 * variants saved side by side never overwrite each other.
 */
export function documentFileName(m: Pick<DocumentModel, 'number'>, kind: DocKind, lang: DocLang, variant: { bilingual?: boolean; paper?: Paper } = {}): string {
  const prefix = kind === 'packing' ? 'PL-' : '';
  const safe = `${prefix}${m.number}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  const langs = variant.bilingual === true && lang !== 'en' ? `en-${lang}` : lang;
  return `${safe}${kind === 'statement' ? '-statement' : ''}-${langs}${variant.paper === 'letter' ? '-letter' : ''}.pdf`;
}

/** Renders one document to PDF bytes. */
export async function renderDocument(model: DocumentModel, options: RenderOptions): Promise<RenderedDocument> {
  const kind = options.kind ?? model.kind;
  const lang = options.lang;
  const bilingual = options.bilingual === true && lang !== 'en';
  const rtl = lang === 'ar' && !bilingual;
  const l = labeler(lang, bilingual);
  const title = l.t(titleKey(kind));
  const c = new Canvas(options.paper ?? 'a4', rtl, {
    title: `${title} ${model.number}`,
    author: model.seller.companyNameEn || model.seller.companyNameZh,
    subject: model.buyer.company,
    lang: lang === 'zh' ? 'zh-CN' : lang,
  });
  const ctx: Ctx = {
    c,
    m: model,
    kind,
    l,
    // Bilingual: figures as in English (readable on their own), dates in both languages.
    f: bilingual ? bilingualFormatter(lang) : formatter(lang),
    lang,
    showBank: kind === 'proforma' || kind === 'statement' || (kind === 'quotation' && options.showBank === true),
    ...contentBox(c),
  };
  sellerHeader(ctx, model.seller);
  titleAndParties(ctx);
  if (kind === 'statement') {
    statementOfPayments(ctx);
  } else {
    if (kind === 'quotation') validityBand(ctx);
    itemsTable(ctx);
    if (kind === 'packing') {
      shippingMarks(ctx);
    } else {
      totalsAndWords(ctx);
      terms(ctx);
    }
  }
  signatures(ctx);
  footers(ctx);
  const pages = c.doc.bufferedPageRange().count;
  const pdf = await c.finish();
  return { pdf, pages, nameWarnings: [...model.nameWarnings], fileName: documentFileName(model, kind, lang, { bilingual, paper: options.paper ?? 'a4' }) };
}

function titleKey(kind: DocKind): LabelKey {
  return kind === 'quotation' ? 'quotation' : kind === 'proforma' ? 'proforma' : kind === 'packing' ? 'packing' : 'statement';
}

function titleAndParties(ctx: Ctx): void {
  const { c, m, l, f, kind } = ctx;
  const t = l.pair(titleKey(kind));
  ctx.y += c.drawText(t.primary, ctx.x, ctx.y, ctx.w, { size: 16, bold: true, color: COLORS.accent, align: 'center' });
  if (t.secondary) ctx.y += c.drawText(t.secondary, ctx.x, ctx.y, ctx.w, { size: 12, bold: true, color: COLORS.accent, align: 'center', dir: 'auto' });
  ctx.y += 6;

  // Buyer block (start side) and document facts (end side).
  const gap = 14;
  const metaW = Math.min(230, ctx.w * 0.42);
  const buyerW = ctx.w - metaW - gap;
  const top = ctx.y;
  const b = m.buyer;
  let by = top + 5;
  const bx = ctx.x + 6;
  const bw = buyerW - 12;
  by += c.drawText(l.t('buyer'), bx, by, bw, { size: SMALL, bold: true, color: COLORS.muted });
  by += c.drawText(b.company, bx, by, bw, { size: 9, bold: true, dir: 'auto', maxLines: 3 });
  if (b.taxNo) by += c.drawText(`${nb(l.t('taxNo'))}: ${iso(b.taxNo)}`, bx, by, bw, { size: BODY, dir: 'auto' });
  // Each part keeps its own direction (an Arabic street in an English PI, a Latin city in an Arabic one);
  // the line reads in the document's direction.
  const where = [b.address, b.city, countryName(b.country, ctx.lang)].filter(Boolean).map(fsi).join(ctx.f.listSeparator);
  if (where) by += c.drawText(where, bx, by, bw, { size: BODY, maxLines: 3 });
  const people: string[] = [];
  if (b.contactName) people.push(`${nb(l.t('contact'))}: ${fsi(b.contactName)}`);
  if (b.phone) people.push(`${nb(l.t('tel'))}: ${iso(b.phone)}`);
  if (b.whatsapp && b.whatsapp !== b.phone) people.push(`${nb(l.t('whatsapp'))}: ${iso(b.whatsapp)}`);
  if (b.wechat) people.push(`${nb(l.t('wechat'))}: ${iso(b.wechat)}`);
  if (b.email) people.push(`${nb(l.t('email'))}: ${iso(b.email)}`);
  for (const p of people) by += c.drawText(p, bx, by, bw, { size: BODY, dir: 'auto' });

  const rows: Array<[LabelKey, string]> = [];
  if (kind === 'statement' && m.statement) {
    rows.push(['piNo', iso(m.number)]);
    rows.push(['piDate', f.date(m.statement.piDate)]);
    rows.push(['statementDate', f.date(m.statement.asOf)]);
    rows.push(['currency', iso(f.currencyLabel(m.currency))]);
  } else {
    rows.push([kind === 'quotation' ? 'quoteNo' : kind === 'proforma' ? 'piNo' : 'packingNo', iso(m.number)]);
    rows.push(['date', f.date(m.date)]);
    if (kind !== 'packing' && m.validUntil) rows.push(['validUntil', f.date(m.validUntil)]);
    if (kind !== 'packing') rows.push(['currency', iso(f.currencyLabel(m.currency))]);
    if (m.incoterm) rows.push(['incoterm', incotermText(ctx)]);
    if (m.quoteNumber && kind !== 'quotation') rows.push(['refQuote', iso(m.quoteNumber)]);
  }
  const mx = ctx.x + buyerW + gap;
  const labelW = metaW * 0.45;
  let my = top + 5;
  for (const [key, value] of rows) {
    my += Math.max(c.textHeight(l.t(key), labelW - 10, { size: BODY }), c.textHeight(value, metaW - labelW - 6, { size: BODY, bold: true, dir: 'auto' })) + 1.5;
  }
  const h = Math.max(by, my) - top + 5;
  c.rect(ctx.x, top, buyerW, h, { stroke: COLORS.border, lineWidth: 0.6 });
  c.rect(mx, top, metaW, h, { fill: COLORS.accentLight });
  my = top + 5;
  for (const [key, value] of rows) {
    const strong = key === 'validUntil' && kind === 'quotation';
    const h1 = c.drawText(l.t(key), mx + 6, my, labelW - 10, { size: BODY, color: COLORS.muted });
    const h2 = c.drawText(value, mx + labelW, my, metaW - labelW - 6, { size: BODY, bold: key.endsWith('No') || strong, color: strong ? COLORS.warn : COLORS.text, dir: 'auto' });
    my += Math.max(h1, h2) + 1.5;
  }
  ctx.y = top + h + 8;
}

/** "FOB Ningbo, Incoterms® 2020": the rule, its named place, and the edition of the rules. */
function incotermText(ctx: Ctx): string {
  const { m, l } = ctx;
  return l.pair('incotermsRule', { rule: iso(m.incoterm), place: m.incotermPlace ? ` ${iso(m.incotermPlace)}` : '' }).primary;
}

function validityBand(ctx: Ctx): void {
  const { c, m, l, f } = ctx;
  if (!m.validUntil) return;
  const text = l.t('validityNotice', { date: f.date(m.validUntil), days: m.validityDays ?? '' });
  const h = c.textHeight(text, ctx.w - 16, { size: 8.5, bold: true }) + 8;
  c.rect(ctx.x, ctx.y, ctx.w, h, { fill: COLORS.warnLight, stroke: COLORS.warn, lineWidth: 0.8 });
  c.drawText(text, ctx.x + 8, ctx.y + 4, ctx.w - 16, { size: 8.5, bold: true, color: COLORS.warn });
  ctx.y += h + 8;
}

// ---- items table ------------------------------------------------------------------------

function columns(ctx: Ctx): Column[] {
  if (ctx.kind === 'packing') {
    return [
      { key: 'no', label: 'no', width: 21, align: 'center' },
      { key: 'photo', label: 'photo', width: 40, align: 'center' },
      { key: 'itemNo', label: 'itemNo', width: 42, align: 'start' },
      { key: 'description', label: 'description', width: 0, align: 'start' },
      { key: 'cartonNos', label: 'cartonNos', width: 44, align: 'center' },
      { key: 'cartons', label: 'cartons', width: 32, align: 'figure' },
      { key: 'packing', label: 'packingCol', width: 56, align: 'start' },
      { key: 'qty', label: 'qty', width: 50, align: 'figure' },
      { key: 'cbm', label: 'cbm', width: 36, align: 'figure' },
      { key: 'nw', label: 'nw', width: 38, align: 'figure' },
      { key: 'gw', label: 'gw', width: 38, align: 'figure' },
    ];
  }
  return [
    { key: 'no', label: 'no', width: 18, align: 'center' },
    { key: 'photo', label: 'photo', width: 40, align: 'center' },
    { key: 'itemNo', label: 'itemNo', width: 40, align: 'start' },
    { key: 'description', label: 'description', width: 0, align: 'start' },
    { key: 'packing', label: 'packingCol', width: 52, align: 'start' },
    { key: 'qty', label: 'qty', width: 44, align: 'figure' },
    { key: 'unitPrice', label: 'unitPrice', width: 46, align: 'figure', currency: true },
    { key: 'amount', label: 'amount', width: 54, align: 'figure', currency: true },
    { key: 'cartons', label: 'cartons', width: 28, align: 'figure' },
    { key: 'cbm', label: 'cbm', width: 32, align: 'figure' },
    { key: 'gw', label: 'gw', width: 36, align: 'figure' },
    { key: 'nw', label: 'nw', width: 36, align: 'figure' },
  ];
}

export function unitName(unit: string, lang: DocLang): string {
  return UNIT_NAMES[unit.toLowerCase()]?.[lang] ?? unit;
}

/** Names printed for a line: the document language (English when missing), plus English in bilingual mode. */
export function lineNames(line: DocLine, lang: DocLang, bilingual: boolean): string[] {
  const pick = (l: DocLang) => (line.names[l] ?? '').trim();
  const primary = pick(lang) || pick('en') || pick('zh') || line.itemNo;
  const names = bilingual ? [pick('en') || primary, primary] : [primary];
  return [...new Set(names.filter(Boolean))];
}

interface CellContent {
  parts: Array<{ text: string; bold?: boolean; size?: number; color?: string; dir?: 'auto' }>;
}

/** "Made in China", "原产国：中国"; in a bilingual document both, each with the country in its language. */
function originText(ctx: Ctx, code: string): string {
  const { l, lang } = ctx;
  if (!l.bilingual) return l.t('originOf', { country: countryName(code, lang) });
  return `${fill(LABELS.en.originOf, { country: countryName(code, 'en') })} / ${fill(LABELS[lang].originOf, { country: countryName(code, lang) })}`;
}

function cellFor(ctx: Ctx, col: Column, line: DocLine): CellContent {
  const { f, l, lang } = ctx;
  const unit = unitName(line.unit, lang);
  // In a bilingual document the English unit comes first, the other language's under it.
  const enUnit = unitName(line.unit, 'en');
  const otherUnit = l.bilingual && unit !== enUnit ? unit : null;
  switch (col.key) {
    case 'no':
      return { parts: [{ text: String(line.no) }] };
    case 'itemNo':
      return { parts: [{ text: iso(line.itemNo), bold: true }] };
    case 'description': {
      const names = lineNames(line, lang, l.bilingual);
      const parts: CellContent['parts'] = names.map((n, i) => ({ text: n, bold: i === 0, dir: 'auto' as const }));
      const looks = [line.colors ? `${l.t('colour')}: ${line.colors}` : '', line.material ? `${l.t('material')}: ${line.material}` : ''].filter(Boolean);
      if (looks.length > 0) parts.push({ text: looks.join(' · '), size: SMALL, color: COLORS.muted, dir: 'auto' });
      // Customs facts on their own line: HS code and country of origin.
      const customs = [line.hsCode ? `${l.t('hsCode')}: ${iso(line.hsCode)}` : '', line.origin ? originText(ctx, line.origin) : ''].filter(Boolean);
      if (customs.length > 0) parts.push({ text: customs.join(' · '), size: SMALL, color: COLORS.muted });
      if (line.note) parts.push({ text: `${l.t('note')}: ${line.note}`, size: SMALL, color: COLORS.muted, dir: 'auto' });
      return { parts };
    }
    case 'packing': {
      const parts: CellContent['parts'] = [];
      if (line.pcsPerCarton) {
        const n = f.int(line.pcsPerCarton);
        const p = l.pair('pcsPerCarton', { n, unit: l.bilingual ? enUnit : unit });
        parts.push({ text: p.primary });
        if (p.secondary) parts.push({ text: fill(LABELS[lang].pcsPerCarton, { n, unit }), size: SMALL, color: COLORS.muted, dir: 'auto' });
      }
      if (line.cartonCm) parts.push({ text: iso(`${line.cartonCm.l}×${line.cartonCm.w}×${line.cartonCm.h} cm`), size: SMALL, color: COLORS.muted });
      return { parts };
    }
    case 'qty':
      // The quantity and its unit stay together ("1,200 个", "18,000 pair").
      if (l.bilingual) {
        return { parts: [{ text: `${iso(f.int(line.qty))}\u00a0${enUnit}` }, ...(otherUnit ? [{ text: otherUnit, size: SMALL, color: COLORS.muted }] : [])] };
      }
      return { parts: [{ text: `${iso(f.int(line.qty))}\u00a0${unit}` }] };
    case 'unitPrice':
      return { parts: [{ text: f.price(line.unitPrice) }] };
    case 'amount':
      return { parts: [{ text: f.money(line.amount), bold: true }] };
    case 'cartons':
      return { parts: [{ text: f.int(line.cartons) }] };
    case 'cartonNos':
      return { parts: [{ text: line.cartonRange ? (line.cartonRange.from === line.cartonRange.to ? String(line.cartonRange.from) : `${line.cartonRange.from}–${line.cartonRange.to}`) : '–' }] };
    case 'cbm':
      return { parts: [{ text: f.fixed(line.cbm, 3) }] };
    case 'gw':
      return { parts: [{ text: f.fixed(line.grossWeightKg, 2) }] };
    case 'nw':
      return { parts: [{ text: f.fixed(line.netWeightKg, 2) }] };
    default:
      return { parts: [] };
  }
}

const PHOTO = 34;
/** Columns of figures: a figure never wraps mid-number; it is set smaller to fit its cell (down to 5 pt). */
const FIGURE_KEYS = new Set(['no', 'itemNo', 'qty', 'unitPrice', 'amount', 'cartons', 'cartonNos', 'cbm', 'gw', 'nw']);

function fitSize(c: Ctx['c'], text: string, width: number, size: number, bold: boolean): number {
  let fitted = size;
  const widest = (sz: number) => Math.max(...text.split('\n').map((piece) => c.measure(piece, sz, bold)));
  while (fitted > 5 && widest(fitted) > width) fitted -= 0.25;
  return fitted;
}

/** Columns sized from what they hold: an item no or a quantity with its unit never wraps. */
const NO_WRAP_KEYS = new Set(['no', 'itemNo', 'qty']);
/** Columns that give room back when the description would get too narrow, in this order. */
const SHRINKABLE = ['nw', 'gw', 'cbm', 'unitPrice', 'amount', 'cartons', 'cartonNos', 'packing'];
const MIN_DESCRIPTION = 130;
/** Extra room after the description, so text readers keep it apart from the packing column. */
const DESCRIPTION_GAP = 6;

function textWidth(col: { key: string; w: number }): number {
  return col.w - 2 * PAD - (col.key === 'description' ? DESCRIPTION_GAP : 0);
}
const HEADER_SIZE = 6.8;

/**
 * A header label's width: on one line (`whole`), or its widest word (the narrowest the column can
 * be without cutting a word). A currency column's "(USD)" goes on a line of its own.
 */
function headerWidth(ctx: Ctx, col: Column, whole: boolean): number {
  const p = ctx.l.pair(col.label);
  const pieces = (text: string) => (whole ? [text] : text.split(/[\s/]+/));
  const widest = (text: string, size: number, bold: boolean) => Math.max(0, ...pieces(text).map((w) => ctx.c.measure(w, whole ? size - 1 : size, bold)));
  const currency = col.currency ? ctx.c.measure(`(${ctx.m.currency})`, HEADER_SIZE, true) : 0;
  return Math.max(widest(p.primary, HEADER_SIZE, true), currency, p.secondary ? widest(p.secondary, HEADER_SIZE - 0.4, false) : 0) + 2 * PAD;
}

/** The widest line any cell of the column holds, the totals row included. */
function contentWidth(ctx: Ctx, col: Column, totals: Record<string, string>): number {
  let w = 0;
  const measure = (text: string, size: number, bold: boolean) => {
    for (const piece of text.split('\n')) w = Math.max(w, ctx.c.measure(piece, size, bold));
  };
  for (const line of ctx.m.lines) for (const part of cellFor(ctx, col, line).parts) measure(part.text, part.size ?? BODY, part.bold ?? false);
  const total = totals[col.key];
  if (total) measure(total, BODY, true);
  // After the item no, a gap that keeps it apart from the description for text readers.
  return w + 2 * PAD + 0.5 + (col.key === 'itemNo' ? DESCRIPTION_GAP : 0);
}

function layoutColumns(ctx: Ctx): Array<Column & { x: number; w: number }> {
  const cols = columns(ctx);
  const totals = totalsValues(ctx);
  const widths = new Map<string, number>();
  const mins = new Map<string, number>();
  for (const col of cols) {
    if (col.key === 'description') continue;
    if (col.key === 'photo') {
      widths.set(col.key, col.width);
      continue;
    }
    const content = contentWidth(ctx, col, totals);
    const min = headerWidth(ctx, col, false);
    // Figures, item nos, quantities and packing never wrap (only their header does).
    mins.set(col.key, Math.max(min, content));
    // Wide enough for the header on one line when there is room; for the content in any case.
    widths.set(col.key, Math.max(headerWidth(ctx, col, true), content));
  }
  const fixed = () => [...widths.values()].reduce((s, w) => s + w, 0);
  // Give room back to the description: the headers wrap over two or three lines.
  for (const key of [...NO_WRAP_KEYS, ...SHRINKABLE]) {
    const deficit = MIN_DESCRIPTION - (ctx.w - fixed());
    if (deficit <= 0) break;
    const w = widths.get(key);
    if (w === undefined) continue;
    widths.set(key, Math.max(mins.get(key) ?? w, w - deficit));
  }
  const flex = Math.max(60, ctx.w - fixed());
  let x = ctx.x;
  return cols.map((col) => {
    const w = widths.get(col.key) ?? flex;
    const placed = { ...col, x, w };
    x += w;
    return placed;
  });
}

/** A header label on one line when a slightly smaller size makes it fit ("Prix unitaire"); else wrapped between words. */
function headerSize(ctx: Ctx, text: string, width: number, size: number, bold: boolean): number {
  for (let s = size; s >= size - 1.01; s -= 0.2) if (ctx.c.measure(text, s, bold) <= width) return s;
  return size;
}

/** The lines of a column header: the label, the currency on its own line, the second language. */
function headerParts(ctx: Ctx, col: Column & { w: number }): Array<{ text: string; size: number; bold: boolean; color: string }> {
  const p = ctx.l.pair(col.label);
  const w = col.w - 2 * PAD;
  const parts = [{ text: p.primary, size: headerSize(ctx, p.primary, w, HEADER_SIZE, true), bold: true, color: '#ffffff' }];
  if (col.currency) parts.push({ text: `(${ctx.m.currency})`, size: HEADER_SIZE, bold: true, color: '#ffffff' });
  if (p.secondary) parts.push({ text: p.secondary, size: headerSize(ctx, p.secondary, w, HEADER_SIZE - 0.4, false), bold: false, color: '#dfe7f1' });
  return parts;
}

function drawTableHeader(ctx: Ctx, cols: Array<Column & { x: number; w: number }>): void {
  const { c } = ctx;
  const heights = cols.map((col) => headerParts(ctx, col).reduce((s, part) => s + c.textHeight(part.text, col.w - 2 * PAD, { size: part.size, bold: part.bold, dir: 'auto' }), 0));
  const h = Math.max(...heights) + 2 * PAD;
  c.rect(ctx.x, ctx.y, ctx.w, h, { fill: COLORS.accent });
  for (const col of cols) {
    let y = ctx.y + PAD;
    for (const part of headerParts(ctx, col)) {
      y += c.drawText(part.text, col.x + PAD, y, col.w - 2 * PAD, { size: part.size, bold: part.bold, color: part.color, align: col.align, dir: 'auto' });
    }
  }
  ctx.y += h;
}

function rowHeight(ctx: Ctx, cols: Array<Column & { x: number; w: number }>, line: DocLine): number {
  let h = PHOTO;
  for (const col of cols) {
    if (col.key === 'photo') continue;
    const content = cellFor(ctx, col, line);
    let ch = 0;
    for (const part of content.parts) {
      const size = FIGURE_KEYS.has(col.key) ? fitSize(ctx.c, part.text, textWidth(col), part.size ?? BODY, part.bold ?? false) : (part.size ?? BODY);
      // Every cell is printed whole (a line note of 1,000 characters too), wrapping as needed.
      ch += ctx.c.textHeight(part.text, textWidth(col), { size, bold: part.bold ?? false, dir: 'auto' });
    }
    h = Math.max(h, ch);
  }
  return h + 2 * PAD;
}

function itemsTable(ctx: Ctx): void {
  const { c, m } = ctx;
  const cols = layoutColumns(ctx);
  ensure(ctx, 60);
  drawTableHeader(ctx, cols);
  m.lines.forEach((line, index) => {
    const h = rowHeight(ctx, cols, line);
    if (ctx.y + h > ctx.bottom) {
      newPage(ctx);
      drawTableHeader(ctx, cols);
    }
    if (index % 2 === 1) c.rect(ctx.x, ctx.y, ctx.w, h, { fill: '#f7f9fb' });
    for (const col of cols) {
      if (col.key === 'photo') {
        c.image(line.photoFile, col.x + (col.w - PHOTO) / 2, ctx.y + PAD, PHOTO, PHOTO);
        continue;
      }
      const content = cellFor(ctx, col, line);
      let y = ctx.y + PAD;
      for (const part of content.parts) {
        const size = FIGURE_KEYS.has(col.key) ? fitSize(c, part.text, textWidth(col), part.size ?? BODY, part.bold ?? false) : (part.size ?? BODY);
        y += c.drawText(part.text, col.x + PAD, y, textWidth(col), {
          size,
          bold: part.bold ?? false,
          color: part.color ?? COLORS.text,
          align: col.align,
          dir: part.dir ?? (col.key === 'qty' || col.key === 'packing' || col.align === 'start' ? undefined : 'ltr'),
        });
      }
    }
    c.hline(ctx.x, ctx.y + h, ctx.w, COLORS.rule, 0.5);
    ctx.y += h;
  });
  totalsRow(ctx, cols);
}

/** The figures of the totals row, by column. */
function totalsValues(ctx: Ctx): Record<string, string> {
  const { m, f, lang } = ctx;
  const t = m.totals;
  const unitText = (unit: string) => {
    const en = unitName(unit, 'en');
    const other = unitName(unit, lang);
    return ctx.l.bilingual && other !== en ? `${en} / ${other}` : ctx.l.bilingual ? en : other;
  };
  return {
    qty: t.quantities.map((q) => `${iso(f.int(q.qty))}\u00a0${unitText(q.unit)}`).join('\n'),
    amount: f.money(t.amount),
    cartons: f.int(t.cartons),
    cbm: f.fixed(t.cbm, 3),
    gw: f.fixed(t.grossWeightKg, 2),
    nw: f.fixed(t.netWeightKg, 2),
    cartonNos: t.cartonRange ? (t.cartonRange.from === t.cartonRange.to ? String(t.cartonRange.from) : `${t.cartonRange.from}–${t.cartonRange.to}`) : t.cartons > 0 ? `1–${t.cartons}` : '–',
  };
}

function totalsRow(ctx: Ctx, cols: Array<Column & { x: number; w: number }>): void {
  const { c, l } = ctx;
  const values = totalsValues(ctx);
  const labelCols = cols.filter((col) => ['no', 'photo', 'itemNo', 'description'].includes(col.key));
  const labelW = labelCols.reduce((s, col) => s + col.w, 0);
  let h = 14;
  const sizeOf = (key: string, v: string, w: number) => (FIGURE_KEYS.has(key) ? fitSize(c, v, w, BODY, true) : BODY);
  for (const col of cols) {
    const v = values[col.key];
    if (v) h = Math.max(h, c.textHeight(v, col.w - 2 * PAD, { size: sizeOf(col.key, v, col.w - 2 * PAD), bold: true }) + 2 * PAD);
  }
  if (ctx.y + h > ctx.bottom) {
    newPage(ctx);
    drawTableHeader(ctx, cols);
  }
  c.rect(ctx.x, ctx.y, ctx.w, h, { fill: COLORS.accentLight });
  c.hline(ctx.x, ctx.y, ctx.w, COLORS.accent, 1);
  c.drawText(l.t('total'), ctx.x + PAD, ctx.y + PAD, labelW - 2 * PAD, { size: BODY + 0.6, bold: true, align: 'end' });
  for (const col of cols) {
    const v = values[col.key];
    if (v) c.drawText(v, col.x + PAD, ctx.y + PAD, col.w - 2 * PAD, { size: sizeOf(col.key, v, col.w - 2 * PAD), bold: true, align: col.align, dir: col.key === 'qty' ? undefined : 'ltr' });
  }
  c.hline(ctx.x, ctx.y + h, ctx.w, COLORS.accent, 1);
  ctx.y += h + 8;
}

// ---- totals, amount in words, terms -----------------------------------------------------------

function totalsAndWords(ctx: Ctx): void {
  const { c, m, f, l } = ctx;
  const t = m.totals;
  const rows: Array<{ label: string; value: string; strong?: boolean }> = [];
  const hasExtras = !isZeroAmount(t.discount) || t.charges.length > 0;
  if (hasExtras) rows.push({ label: l.t('subtotal'), value: f.money(t.amount) });
  if (!isZeroAmount(t.discount)) rows.push({ label: t.discountPercent ? `${l.t('discount')} (${f.percent(t.discountPercent)})` : l.t('discount'), value: `−${f.money(t.discount)}` });
  for (const ch of t.charges) {
    const name = l.t(ch.kind === 'packing' ? 'packingCharge' : ch.kind);
    rows.push({ label: ch.description ? `${name}: ${ch.description}` : name, value: f.money(ch.amount) });
  }
  rows.push({ label: l.t('grandTotal'), value: f.moneyWithCode(t.grandTotal, m.currency), strong: true });
  if (m.depositPercent > 0) {
    rows.push({ label: `${l.t('deposit')} (${f.percent(m.depositPercent)})`, value: f.money(t.deposit) });
    rows.push({ label: l.t('balance'), value: f.money(t.balance) });
  }
  const boxW = Math.min(250, ctx.w * 0.46);
  const wordsW = ctx.w - boxW - 14;
  const words = [englishTradeWords(t.grandTotal, m.currency)];
  if (ctx.lang !== 'en') words.push(amountInWords(t.grandTotal, m.currency, ctx.lang));
  const wordsH = c.textHeight(l.t('amountInWords'), wordsW, { size: SMALL, bold: true }) + words.reduce((s, w) => s + c.textHeight(w, wordsW - 10, { size: BODY, bold: true, dir: 'auto' }) + 3, 0) + 10;
  const rowsH = rows.reduce((s, r) => s + Math.max(c.textHeight(r.label, boxW * 0.55, { size: r.strong ? 9 : BODY, bold: r.strong ?? false }), c.textHeight(r.value, boxW * 0.45 - 8, { size: r.strong ? 9 : BODY, bold: true })) + 3, 0) + 8;
  ensure(ctx, Math.max(wordsH, rowsH));
  const top = ctx.y;
  // Amount in words (start side).
  let y = top;
  c.rect(ctx.x, top, wordsW, wordsH, { stroke: COLORS.border, lineWidth: 0.6 });
  y += 5;
  y += c.drawText(l.t('amountInWords'), ctx.x + 5, y, wordsW - 10, { size: SMALL, bold: true, color: COLORS.muted });
  for (const w of words) y += c.drawText(w, ctx.x + 5, y, wordsW - 10, { size: BODY, bold: true, dir: 'auto' }) + 3;
  // Totals (end side).
  const bx = ctx.x + ctx.w - boxW;
  let ry = top + 4;
  for (const r of rows) {
    const size = r.strong ? 9 : BODY;
    const rh = Math.max(c.textHeight(r.label, boxW * 0.55, { size, bold: r.strong ?? false }), c.textHeight(r.value, boxW * 0.45 - 8, { size, bold: true }));
    if (r.strong) c.rect(bx, ry - 2, boxW, rh + 4, { fill: COLORS.accentLight });
    c.drawText(r.label, bx + 4, ry, boxW * 0.55, { size, bold: r.strong ?? false, color: r.strong ? COLORS.accent : COLORS.text });
    c.drawText(r.value, bx + boxW * 0.55, ry, boxW * 0.45 - 6, { size, bold: true, align: 'figure', dir: 'ltr', color: r.strong ? COLORS.accent : COLORS.text });
    ry += rh + 3;
  }
  ctx.y = top + Math.max(wordsH, rowsH) + 8;
}

/** A titled block of text lines (Payment terms, Bank details…), boxed or not. */
interface Block {
  label: LabelKey;
  lines: string[];
  box?: boolean;
}

function block(label: LabelKey, body: string[], options: { box?: boolean } = {}): Block | null {
  const lines = body.filter((b) => b.trim() !== '');
  return lines.length === 0 ? null : { label, lines, ...options };
}

function blockHeight(ctx: Ctx, b: Block, width: number): number {
  const { c, l } = ctx;
  const pad = b.box ? 6 : 0;
  const w = width - 2 * pad;
  return c.textHeight(l.t(b.label), w, { size: BODY, bold: true }) + b.lines.reduce((s, t) => s + c.textHeight(t, w, { size: BODY, dir: 'auto' }), 0) + 2 * pad + 2;
}

function drawBlock(ctx: Ctx, b: Block, x: number, top: number, width: number): number {
  const { c, l } = ctx;
  const pad = b.box ? 6 : 0;
  const w = width - 2 * pad;
  const h = blockHeight(ctx, b, width);
  if (b.box) c.rect(x, top, width, h, { stroke: COLORS.border, lineWidth: 0.6 });
  let y = top + pad;
  y += c.drawText(l.t(b.label), x + pad, y, w, { size: BODY, bold: true, color: COLORS.accent });
  for (const t of b.lines) y += c.drawText(t, x + pad, y, w, { size: BODY, dir: 'auto' });
  return h;
}

function section(ctx: Ctx, label: LabelKey, body: string[], options: { box?: boolean } = {}): void {
  const b = block(label, body, options);
  if (!b) return;
  ensure(ctx, blockHeight(ctx, b, ctx.w));
  ctx.y += drawBlock(ctx, b, ctx.x, ctx.y, ctx.w) + 6;
}

/**
 * Two columns of blocks side by side (terms at the start side, marks and bank at the end side),
 * kept on one page; blocks too tall for that are printed one after the other instead.
 */
function columnsOfBlocks(ctx: Ctx, start: Array<Block | null>, end: Array<Block | null>): void {
  const gap = 14;
  const w = (ctx.w - gap) / 2;
  const left = start.filter((b): b is Block => b !== null);
  const right = end.filter((b): b is Block => b !== null);
  const height = (list: Block[]) => list.reduce((s, b) => s + blockHeight(ctx, b, w) + 6, 0);
  const h = Math.max(height(left), height(right));
  if (h > ctx.bottom - MARGIN_TOP) {
    for (const b of [...left, ...right]) section(ctx, b.label, b.lines, { box: b.box ?? false });
    return;
  }
  ensure(ctx, h);
  for (const [list, x] of [[left, ctx.x], [right, ctx.x + w + gap]] as const) {
    let y = ctx.y;
    for (const b of list) y += drawBlock(ctx, b, x, y, w) + 6;
  }
  ctx.y += h;
}

/** The sentence the deposit % and the balance rule make ("Deposit 30%: USD 300.00, balance USD 700.00 against a copy of the B/L"). */
export function paymentSentence(m: Pick<DocumentModel, 'depositPercent' | 'balanceRule' | 'balanceDays' | 'currency' | 'totals'>, l: Labeler, f: Formatter): string {
  const when = l.pair(`when_${m.balanceRule}`, { days: m.balanceDays ?? '' }).primary;
  const amount = (v: string) => iso(f.moneyWithCode(v, m.currency));
  if (m.depositPercent > 0) return l.pair('depositDue', { pct: m.depositPercent, amount: amount(m.totals.deposit), balance: amount(m.totals.balance), when }).primary;
  return l.pair('fullDue', { amount: amount(m.totals.grandTotal), when }).primary;
}

function terms(ctx: Ctx): void {
  const { m, l, f } = ctx;
  // Trade term and shipment: "FOB Ningbo, Incoterms® 2020", ports, partial shipment, transshipment, insurance.
  const shipment: string[] = [];
  if (m.incoterm) shipment.push(incotermText(ctx));
  const route = [
    m.portOfLoading ? `${l.t('portOfLoading')}: ${m.portOfLoading}` : '',
    m.portOfDestination ? `${l.t('portOfDestination')}: ${m.portOfDestination}` : '',
  ].filter(Boolean);
  if (route.length > 0) shipment.push(route.join(' · '));
  const flags = [
    m.partialShipment === null ? '' : l.t(m.partialShipment ? 'partialAllowed' : 'partialNotAllowed'),
    m.transshipment === null ? '' : l.t(m.transshipment ? 'transAllowed' : 'transNotAllowed'),
  ].filter(Boolean);
  if (flags.length > 0) shipment.push(flags.join(' · '));
  if ((m.incoterm === 'CIF' || m.incoterm === 'CIP') && m.insurancePercent) shipment.push(l.t('insuranceBasis', { pct: m.insurancePercent }));
  columnsOfBlocks(
    ctx,
    [
      block('shipment', shipment),
      block('paymentTerms', [m.paymentTerms, paymentSentence(m, l, f), ...(l.bilingual ? [paymentSentence(m, labeler(ctx.lang, false), formatter(ctx.lang))] : [])]),
      block('deliveryTime', [m.deliveryTime]),
      block('remarks', [m.remarks, l.t('eoe')]),
    ],
    // The buyer confirms the marks on the PI before the cartons are printed.
    [block('shippingMarks', [m.shippingMarks], { box: true }), ctx.showBank ? bankBlock(ctx) : null],
  );
}

/** What a SWIFT transfer asks for: beneficiary and its address, bank, account, SWIFT, intermediary, charges, and the PI number as reference. */
function bankBlock(ctx: Ctx): Block | null {
  const { m, l } = ctx;
  const b = m.seller.bank;
  const rows: Array<[LabelKey, string]> = [
    ['beneficiary', b.beneficiary],
    ['beneficiaryAddress', b.beneficiaryAddress],
    ['bankName', b.bankName],
    ['account', b.account],
    ['swift', b.swift],
    ['bankAddress', b.address],
  ];
  if (b.intermediary) rows.push(['intermediaryBank', [b.intermediary.name, b.intermediary.swift ? `SWIFT ${b.intermediary.swift}` : ''].filter(Boolean).join(', ')]);
  if (b.charges) rows.push(['bankCharges', l.t(`charges_${b.charges}`)]);
  const lines = rows.filter(([, v]) => v.trim() !== '').map(([k, v]) => `${nb(l.t(k))}: ${iso(v)}`);
  if (lines.length === 0) return null;
  if (ctx.kind === 'proforma' || ctx.kind === 'statement') lines.push(`${l.t('paymentReference')}: ${l.t('paymentReferenceText', { number: iso(m.number) })}`);
  return block('bankDetails', lines, { box: true });
}

function shippingMarks(ctx: Ctx): void {
  section(ctx, 'shippingMarks', [ctx.m.shippingMarks], { box: true });
  section(ctx, 'remarks', [ctx.m.remarks, ctx.l.t('eoe')]);
}

// ---- statement of payments ----------------------------------------------------------------

/**
 * What was received against the PI and the balance now: printed on its own, so the
 * issued PI stays the document the buyer received.
 */
function statementOfPayments(ctx: Ctx): void {
  const { c, m, l, f } = ctx;
  const st = m.statement;
  if (!st) return;
  ctx.y += c.drawText(l.t('statementNote', { number: iso(m.number), date: f.date(st.piDate) }), ctx.x, ctx.y, ctx.w, { size: BODY }) + 8;
  const cols: Array<{ label: LabelKey; w: number; align: Align }> = [
    { label: 'no', w: 24, align: 'center' },
    { label: 'paidOn', w: 90, align: 'start' },
    { label: 'method', w: 90, align: 'start' },
    { label: 'reference', w: 0, align: 'start' },
    { label: 'receivedAs', w: 130, align: 'figure' },
    { label: 'amount', w: 90, align: 'figure' },
  ];
  const flex = ctx.w - cols.reduce((s, col) => s + col.w, 0);
  let x = ctx.x;
  const placed = cols.map((col) => {
    const w = col.w || flex;
    const out = { ...col, x, w };
    x += w;
    return out;
  });
  const header = () => {
    const h = 16;
    c.rect(ctx.x, ctx.y, ctx.w, h, { fill: COLORS.accent });
    for (const col of placed) {
      const label = col.label === 'amount' ? `${l.t('amount')} (${m.currency})` : l.t(col.label);
      c.drawText(label, col.x + PAD, ctx.y + 4, col.w - 2 * PAD, { size: 6.8, bold: true, color: '#ffffff', align: col.align });
    }
    ctx.y += h;
  };
  header();
  if (st.payments.length === 0) {
    ctx.y += c.drawText(l.t('noPayments'), ctx.x + PAD, ctx.y + PAD, ctx.w - 2 * PAD, { size: BODY }) + 2 * PAD;
  }
  st.payments.forEach((p, i) => {
    const cells = [
      String(i + 1),
      f.date(p.paidOn),
      l.t(`method_${p.method}` as LabelKey),
      p.reference,
      p.received ? `${iso(f.moneyWithCode(p.received.amount, p.received.currency))} (${iso(l.t('rateNote', { from: m.currency, rate: p.received.rate, to: p.received.currency }))})` : '',
      f.money(p.amount),
    ];
    const h = Math.max(...placed.map((col, k) => c.textHeight(cells[k] as string, col.w - 2 * PAD, { size: BODY, dir: 'auto' }))) + 2 * PAD;
    if (ctx.y + h > ctx.bottom) {
      newPage(ctx);
      header();
    }
    placed.forEach((col, k) => {
      c.drawText(cells[k] as string, col.x + PAD, ctx.y + PAD, col.w - 2 * PAD, { size: BODY, bold: k === 5, align: col.align, dir: k === 3 ? 'auto' : k >= 4 ? 'ltr' : undefined });
    });
    c.hline(ctx.x, ctx.y + h, ctx.w, COLORS.rule, 0.5);
    ctx.y += h;
  });
  ctx.y += 8;
  const rows: Array<{ label: string; value: string; strong?: boolean }> = [
    { label: l.t('grandTotal'), value: f.moneyWithCode(m.totals.grandTotal, m.currency) },
    { label: l.t('totalReceived'), value: f.moneyWithCode(st.paid, m.currency) },
    { label: l.t('balanceNow'), value: f.moneyWithCode(st.balanceDue, m.currency), strong: true },
  ];
  const boxW = Math.min(260, ctx.w * 0.5);
  const bx = ctx.x + ctx.w - boxW;
  ensure(ctx, rows.length * 14 + 10);
  for (const r of rows) {
    const size = r.strong ? 9 : BODY;
    if (r.strong) c.rect(bx, ctx.y - 2, boxW, size * 1.28 + 4, { fill: COLORS.accentLight });
    c.drawText(r.label, bx + 4, ctx.y, boxW * 0.5, { size, bold: r.strong ?? false, color: r.strong ? COLORS.accent : COLORS.text });
    c.drawText(iso(r.value), bx + boxW * 0.5, ctx.y, boxW * 0.5 - 6, { size, bold: true, align: 'figure', dir: 'ltr', color: r.strong ? COLORS.accent : COLORS.text });
    ctx.y += size * 1.28 + 5;
  }
  ctx.y += 10;
  const bank = ctx.showBank && /[1-9]/.test(st.balanceDue) ? bankBlock(ctx) : null;
  if (bank) section(ctx, bank.label, bank.lines, { box: true });
}

// ---- signatures and footers ------------------------------------------------------------

function signatures(ctx: Ctx): void {
  const { c, m, l } = ctx;
  const h = 70;
  ensure(ctx, h + 16);
  if (ctx.kind !== 'statement') ctx.y += c.drawText(l.t('acceptedBy'), ctx.x, ctx.y, ctx.w, { size: BODY + 0.6, bold: true, color: COLORS.accent }) + 4;
  const gap = 20;
  const w = (ctx.w - gap) / 2;
  const top = ctx.y;
  const signatory = [m.seller.signatoryName, m.seller.signatoryTitle].filter((s) => s.trim() !== '').join(', ');
  const blocks: Array<{ x: number; who: LabelKey; name: string; chop: string | null; signatory: string }> = [
    { x: ctx.x, who: 'theBuyer', name: m.buyer.company, chop: null, signatory: '' },
    { x: ctx.x + w + gap, who: 'theSeller', name: m.seller.legalName || m.seller.companyNameEn, chop: m.seller.chopFile, signatory },
  ];
  // A statement of payments is the seller's receipt: only the seller signs it.
  for (const b of ctx.kind === 'statement' ? blocks.slice(1) : blocks) {
    c.rect(b.x, top, w, h, { stroke: COLORS.border, lineWidth: 0.6 });
    let y = top + 5;
    y += c.drawText(l.t(b.who), b.x + 6, y, w - 12, { size: SMALL, bold: true, color: COLORS.muted });
    const textW = b.chop ? w - 12 - 76 : w - 12;
    c.drawText(b.name, b.x + 6, y, textW, { size: BODY + 0.4, bold: true, dir: 'auto', maxLines: 2 });
    // Who signs, beside the chop, just above the signature line.
    if (b.signatory) c.drawText(b.signatory, b.x + 6, top + h - 30, textW, { size: BODY, dir: 'auto', maxLines: 1 });
    if (b.chop) c.image(b.chop, b.x + w - 70, top + 4, 62, 62, { placeholder: false, opacity: 0.88 });
    c.hline(b.x + 6, top + h - 18, w - 12, COLORS.border, 0.6);
    c.drawText(l.t('signDate'), b.x + 6, top + h - 15, w - 12, { size: SMALL, color: COLORS.muted });
  }
  ctx.y = top + h + 8;
}

function footers(ctx: Ctx): void {
  const { m, l, f } = ctx;
  pageFooters(ctx, { title: l.pair(titleKey(ctx.kind)).primary, number: m.number, date: f.date(m.date), seller: m.seller.companyNameEn || m.seller.companyNameZh });
}
