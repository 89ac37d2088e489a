import { Canvas, COLORS, type Align } from './canvas';
import { formatter, type Formatter } from './format';
import { labeler, type LabelKey, type Labeler } from './labels';
import type { DocKind, DocLang, DocLine, DocumentModel, RenderOptions } from './model';
import { ltrIsolate as iso } from './text';
import { amountInWords, englishTradeWords } from './words';
import { isZeroAmount } from '../money/amounts';
import type { NameWarning } from '../settings/service';

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

const MARGIN_X = 28;
const MARGIN_TOP = 30;
const FOOTER_H = 30;
const BODY = 7.6;
const SMALL = 6.6;

const UNIT_NAMES: Record<string, Partial<Record<DocLang, string>>> = {
  pcs: { zh: '个', ar: 'قطعة', es: 'pzas', ru: 'шт.', fr: 'pcs', pt: 'pçs' },
  set: { zh: '套', ar: 'طقم', es: 'juegos', ru: 'компл.', fr: 'lots', pt: 'conj.' },
  pair: { zh: '双', ar: 'زوج', es: 'pares', ru: 'пар', fr: 'paires', pt: 'pares' },
  dozen: { zh: '打', ar: 'دزينة', es: 'docenas', ru: 'дюж.', fr: 'douzaines', pt: 'dúzias' },
  box: { zh: '盒', ar: 'علبة', es: 'cajas', ru: 'кор.', fr: 'boîtes', pt: 'caixas' },
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

interface Ctx {
  c: Canvas;
  m: DocumentModel;
  kind: DocKind;
  l: Labeler;
  f: Formatter;
  lang: DocLang;
  showBank: boolean;
  /** Content box in logical coordinates. */
  x: number;
  w: number;
  bottom: number;
  y: number;
}

export function documentFileName(m: DocumentModel, kind: DocKind, lang: DocLang): string {
  const prefix = kind === 'packing' ? 'PL-' : '';
  const safe = `${prefix}${m.number}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${safe}-${lang}.pdf`;
}

/** Renders one document to PDF bytes. */
export async function renderDocument(model: DocumentModel, options: RenderOptions): Promise<RenderedDocument> {
  const kind = options.kind ?? model.kind;
  const lang = options.lang;
  const bilingual = options.bilingual === true && lang !== 'en';
  const rtl = lang === 'ar' && !bilingual;
  const l = labeler(lang, bilingual);
  const title = l.t(kind === 'quotation' ? 'quotation' : kind === 'proforma' ? 'proforma' : 'packing');
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
    f: formatter(lang),
    lang,
    showBank: kind === 'proforma' || (kind === 'quotation' && options.showBank === true),
    x: MARGIN_X,
    w: c.width - 2 * MARGIN_X,
    bottom: c.height - FOOTER_H,
    y: MARGIN_TOP,
  };
  header(ctx);
  titleAndParties(ctx);
  if (kind === 'quotation') validityBand(ctx);
  itemsTable(ctx);
  if (kind === 'packing') {
    shippingMarks(ctx);
  } else {
    totalsAndWords(ctx);
    terms(ctx);
  }
  signatures(ctx);
  footers(ctx);
  const pages = c.doc.bufferedPageRange().count;
  const pdf = await c.finish();
  return { pdf, pages, nameWarnings: [...model.nameWarnings], fileName: documentFileName(model, kind, lang) };
}

function newPage(ctx: Ctx): void {
  ctx.c.addPage();
  ctx.y = MARGIN_TOP;
}

/** Starts a new page when a block of height h does not fit. */
function ensure(ctx: Ctx, h: number): void {
  if (ctx.y + h > ctx.bottom) newPage(ctx);
}

// ---- header -------------------------------------------------------------------------

function header(ctx: Ctx): void {
  const { c, m, l } = ctx;
  const s = m.seller;
  const top = ctx.y;
  const logo = 58;
  const qr = 62;
  const hasLogo = c.image(s.logoFile, ctx.x, top, logo, logo, { placeholder: false });
  const textX = ctx.x + (hasLogo ? logo + 10 : 0);
  const textW = ctx.w - (hasLogo ? logo + 10 : 0) - (s.whatsapp ? qr + 12 : 0);
  let y = top;
  const nameEn = s.companyNameEn || s.legalName;
  if (nameEn) y += c.drawText(nameEn, textX, y, textW, { size: 13, bold: true, color: COLORS.accent, dir: 'auto' });
  if (s.companyNameZh) y += c.drawText(s.companyNameZh, textX, y, textW, { size: 10, bold: true, color: COLORS.accent, dir: 'auto' });
  y += 2;
  const place = [s.stallNumber ? `${l.t('stall')}: ${iso(s.stallNumber)}` : '', iso(s.marketAddress)].filter(Boolean).join(' · ');
  if (place) y += c.drawText(place, textX, y, textW, { size: BODY, color: COLORS.muted, dir: 'auto' });
  const contacts: string[] = [];
  if (s.phones.length > 0) contacts.push(`${l.t('tel')}: ${s.phones.map((p) => iso(displayPhone(p))).join(', ')}`);
  if (s.whatsapp) contacts.push(`${l.t('whatsapp')}: ${iso(displayPhone(s.whatsapp))}`);
  if (s.wechat) contacts.push(`${l.t('wechat')}: ${iso(s.wechat)}`);
  if (contacts.length > 0) y += c.drawText(contacts.join('   '), textX, y, textW, { size: BODY, color: COLORS.muted, dir: 'auto' });
  const web = [s.email ? `${l.t('email')}: ${iso(s.email)}` : '', iso(s.website)].filter(Boolean).join('   ');
  if (web) y += c.drawText(web, textX, y, textW, { size: BODY, color: COLORS.muted, dir: 'auto' });
  let bottom = Math.max(y, hasLogo ? top + logo : top);
  if (s.whatsapp) {
    const qx = ctx.x + ctx.w - qr;
    c.qr(`https://wa.me/${s.whatsapp.replace(/\D/g, '')}`, qx, top - 4, qr);
    const capH = c.drawText(l.t('scanToChat'), qx - 10, top + qr - 4, qr + 20, { size: 5.6, color: COLORS.muted, align: 'center' });
    bottom = Math.max(bottom, top + qr - 4 + capH);
  }
  ctx.y = bottom + 6;
  c.hline(ctx.x, ctx.y, ctx.w, COLORS.accent, 1.4);
  ctx.y += 8;
}

/** +8613857926688 → +86 138 5792 6688 (readable groups; E.164 digits unchanged). */
export function displayPhone(e164: string): string {
  const m = /^\+86(1\d{2})(\d{4})(\d{4})$/.exec(e164);
  if (m) return `+86 ${m[1]} ${m[2]} ${m[3]}`;
  const fixed = /^\+86(\d{3})(\d{4})(\d{4})$/.exec(e164);
  if (fixed) return `+86 ${fixed[1]} ${fixed[2]} ${fixed[3]}`;
  return e164;
}

function countryName(code: string, lang: DocLang): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function titleAndParties(ctx: Ctx): void {
  const { c, m, l, f, kind } = ctx;
  const titleKey = kind === 'quotation' ? 'quotation' : kind === 'proforma' ? 'proforma' : 'packing';
  const t = l.pair(titleKey);
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
  const where = [b.address, b.city, countryName(b.country, ctx.lang)].filter(Boolean).join(', ');
  if (where) by += c.drawText(where, bx, by, bw, { size: BODY, dir: 'auto', maxLines: 3 });
  const people: string[] = [];
  if (b.contactName) people.push(`${l.t('contact')}: ${b.contactName}`);
  if (b.phone) people.push(`${l.t('tel')}: ${iso(b.phone)}`);
  if (b.whatsapp && b.whatsapp !== b.phone) people.push(`${l.t('whatsapp')}: ${iso(b.whatsapp)}`);
  if (b.wechat) people.push(`${l.t('wechat')}: ${iso(b.wechat)}`);
  if (b.email) people.push(`${l.t('email')}: ${iso(b.email)}`);
  for (const p of people) by += c.drawText(p, bx, by, bw, { size: BODY, dir: 'auto' });

  const rows: Array<[LabelKey, string]> = [];
  rows.push([kind === 'quotation' ? 'quoteNo' : kind === 'proforma' ? 'piNo' : 'packingNo', iso(m.number)]);
  rows.push(['date', f.date(m.date)]);
  if (kind !== 'packing' && m.validUntil) rows.push(['validUntil', f.date(m.validUntil)]);
  if (kind !== 'packing') rows.push(['currency', iso(f.currencyLabel(m.currency))]);
  if (m.incoterm) rows.push(['incoterm', iso([m.incoterm, m.incotermPlace].filter(Boolean).join(' '))]);
  if (m.quoteNumber && kind !== 'quotation') rows.push(['refQuote', iso(m.quoteNumber)]);
  const mx = ctx.x + buyerW + gap;
  const labelW = metaW * 0.45;
  let my = top + 5;
  for (const [key, value] of rows) {
    my += Math.max(c.textHeight(l.t(key), labelW - 6, { size: BODY }), c.textHeight(value, metaW - labelW - 6, { size: BODY, bold: true, dir: 'auto' })) + 1.5;
  }
  const h = Math.max(by, my) - top + 5;
  c.rect(ctx.x, top, buyerW, h, { stroke: COLORS.border, lineWidth: 0.6 });
  c.rect(mx, top, metaW, h, { fill: COLORS.accentLight });
  my = top + 5;
  for (const [key, value] of rows) {
    const strong = key === 'validUntil' && kind === 'quotation';
    const h1 = c.drawText(l.t(key), mx + 6, my, labelW - 6, { size: BODY, color: COLORS.muted });
    const h2 = c.drawText(value, mx + labelW, my, metaW - labelW - 6, { size: BODY, bold: key.endsWith('No') || strong, color: strong ? COLORS.warn : COLORS.text, dir: 'auto' });
    my += Math.max(h1, h2) + 1.5;
  }
  ctx.y = top + h + 10;
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
      { key: 'cartons', label: 'cartons', width: 32, align: 'end' },
      { key: 'packing', label: 'packingCol', width: 56, align: 'start' },
      { key: 'qty', label: 'qty', width: 50, align: 'end' },
      { key: 'cbm', label: 'cbm', width: 36, align: 'end' },
      { key: 'nw', label: 'nw', width: 38, align: 'end' },
      { key: 'gw', label: 'gw', width: 38, align: 'end' },
    ];
  }
  return [
    { key: 'no', label: 'no', width: 21, align: 'center' },
    { key: 'photo', label: 'photo', width: 40, align: 'center' },
    { key: 'itemNo', label: 'itemNo', width: 40, align: 'start' },
    { key: 'description', label: 'description', width: 0, align: 'start' },
    { key: 'packing', label: 'packingCol', width: 56, align: 'start' },
    { key: 'qty', label: 'qty', width: 46, align: 'end' },
    { key: 'unitPrice', label: 'unitPrice', width: 48, align: 'end', currency: true },
    { key: 'amount', label: 'amount', width: 56, align: 'end', currency: true },
    { key: 'cartons', label: 'cartons', width: 30, align: 'end' },
    { key: 'cbm', label: 'cbm', width: 32, align: 'end' },
    { key: 'gw', label: 'gw', width: 40, align: 'end' },
  ];
}

function unitName(unit: string, lang: DocLang): string {
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

function cellFor(ctx: Ctx, col: Column, line: DocLine): CellContent {
  const { f, l, lang } = ctx;
  const unit = unitName(line.unit, lang);
  switch (col.key) {
    case 'no':
      return { parts: [{ text: String(line.no) }] };
    case 'itemNo':
      return { parts: [{ text: iso(line.itemNo), bold: true }] };
    case 'description': {
      const names = lineNames(line, lang, l.bilingual);
      const parts: CellContent['parts'] = names.map((n, i) => ({ text: n, bold: i === 0, dir: 'auto' as const }));
      if (line.colors) parts.push({ text: `${l.pair('colour').secondary ?? l.pair('colour').primary}: ${line.colors}`, size: SMALL, color: COLORS.muted, dir: 'auto' });
      if (line.note) parts.push({ text: `${l.pair('note').secondary ?? l.pair('note').primary}: ${line.note}`, size: SMALL, color: COLORS.muted, dir: 'auto' });
      return { parts };
    }
    case 'packing': {
      const parts: CellContent['parts'] = [];
      if (line.pcsPerCarton) parts.push({ text: l.pair('pcsPerCarton', { n: f.int(line.pcsPerCarton), unit }).secondary ?? l.pair('pcsPerCarton', { n: f.int(line.pcsPerCarton), unit }).primary });
      if (line.cartonCm) parts.push({ text: iso(`${line.cartonCm.l}×${line.cartonCm.w}×${line.cartonCm.h} cm`), size: SMALL, color: COLORS.muted });
      return { parts };
    }
    case 'qty':
      return { parts: [{ text: `${iso(f.int(line.qty))} ${unit}` }] };
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

const PAD = 3;
const PHOTO = 34;
/** Columns of figures: a figure never wraps mid-number; it is set smaller to fit its cell (down to 5 pt). */
const FIGURE_KEYS = new Set(['unitPrice', 'amount', 'cartons', 'cartonNos', 'cbm', 'gw', 'nw']);

function fitSize(c: Ctx['c'], text: string, width: number, size: number, bold: boolean): number {
  let fitted = size;
  while (fitted > 5 && c.measure(text, fitted, bold) > width) fitted -= 0.25;
  return fitted;
}

function layoutColumns(ctx: Ctx): Array<Column & { x: number; w: number }> {
  const cols = columns(ctx);
  const fixed = cols.reduce((s, col) => s + col.width, 0);
  const flex = Math.max(60, ctx.w - fixed);
  let x = ctx.x;
  return cols.map((col) => {
    const w = col.width || flex;
    const placed = { ...col, x, w };
    x += w;
    return placed;
  });
}

function headerLabel(ctx: Ctx, col: Column): { primary: string; secondary: string | null } {
  const p = ctx.l.pair(col.label);
  if (!col.currency) return p;
  return { primary: `${p.primary} (${ctx.m.currency})`, secondary: p.secondary };
}

function drawTableHeader(ctx: Ctx, cols: Array<Column & { x: number; w: number }>): void {
  const { c } = ctx;
  const size = 6.8;
  const heights = cols.map((col) => {
    const p = headerLabel(ctx, col);
    return c.textHeight(p.primary, col.w - 2 * PAD, { size, bold: true }) + (p.secondary ? c.textHeight(p.secondary, col.w - 2 * PAD, { size: size - 0.4 }) : 0);
  });
  const h = Math.max(...heights) + 2 * PAD;
  c.rect(ctx.x, ctx.y, ctx.w, h, { fill: COLORS.accent });
  for (const col of cols) {
    const p = headerLabel(ctx, col);
    const align: Align = col.align === 'end' ? 'end' : col.align === 'center' ? 'center' : 'start';
    let y = ctx.y + PAD;
    y += c.drawText(p.primary, col.x + PAD, y, col.w - 2 * PAD, { size, bold: true, color: '#ffffff', align });
    if (p.secondary) c.drawText(p.secondary, col.x + PAD, y, col.w - 2 * PAD, { size: size - 0.4, color: '#dfe7f1', align, dir: 'auto' });
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
      const size = FIGURE_KEYS.has(col.key) ? fitSize(ctx.c, part.text, col.w - 2 * PAD, part.size ?? BODY, part.bold ?? false) : (part.size ?? BODY);
      ch += ctx.c.textHeight(part.text, col.w - 2 * PAD, { size, bold: part.bold ?? false, dir: 'auto', maxLines: 14 });
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
        const size = FIGURE_KEYS.has(col.key) ? fitSize(c, part.text, col.w - 2 * PAD, part.size ?? BODY, part.bold ?? false) : (part.size ?? BODY);
        y += c.drawText(part.text, col.x + PAD, y, col.w - 2 * PAD, {
          size,
          bold: part.bold ?? false,
          color: part.color ?? COLORS.text,
          align: col.align,
          dir: part.dir ?? (col.key === 'qty' || col.key === 'packing' || col.align === 'start' ? undefined : 'ltr'),
          maxLines: 14,
        });
      }
    }
    c.hline(ctx.x, ctx.y + h, ctx.w, COLORS.rule, 0.5);
    ctx.y += h;
  });
  totalsRow(ctx, cols);
}

function totalsRow(ctx: Ctx, cols: Array<Column & { x: number; w: number }>): void {
  const { c, m, f, l, lang } = ctx;
  const t = m.totals;
  const values: Record<string, string> = {
    qty: t.quantities.map((q) => `${iso(f.int(q.qty))} ${unitName(q.unit, lang)}`).join('\n'),
    amount: f.money(t.amount),
    cartons: f.int(t.cartons),
    cbm: f.fixed(t.cbm, 3),
    gw: f.fixed(t.grossWeightKg, 2),
    nw: f.fixed(t.netWeightKg, 2),
    cartonNos: t.cartons > 0 ? `1–${t.cartons}` : '–',
  };
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
  ctx.y += h + 10;
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
    c.drawText(r.value, bx + boxW * 0.55, ry, boxW * 0.45 - 6, { size, bold: true, align: 'end', dir: 'ltr', color: r.strong ? COLORS.accent : COLORS.text });
    ry += rh + 3;
  }
  ctx.y = top + Math.max(wordsH, rowsH) + 10;
}

function section(ctx: Ctx, label: LabelKey, body: string[], options: { box?: boolean } = {}): void {
  const { c, l } = ctx;
  const lines = body.filter((b) => b.trim() !== '');
  if (lines.length === 0) return;
  const pad = options.box ? 6 : 0;
  const w = ctx.w - 2 * pad;
  const h = c.textHeight(l.t(label), w, { size: BODY, bold: true }) + lines.reduce((s, b) => s + c.textHeight(b, w, { size: BODY, dir: 'auto' }), 0) + 2 * pad + 2;
  ensure(ctx, h);
  if (options.box) c.rect(ctx.x, ctx.y, ctx.w, h, { stroke: COLORS.border, lineWidth: 0.6 });
  let y = ctx.y + pad;
  y += c.drawText(l.t(label), ctx.x + pad, y, w, { size: BODY, bold: true, color: COLORS.accent });
  for (const b of lines) y += c.drawText(b, ctx.x + pad, y, w, { size: BODY, dir: 'auto' });
  ctx.y += h + 6;
}

function terms(ctx: Ctx): void {
  const { m, l, f } = ctx;
  const t = m.totals;
  const payment = [m.paymentTerms];
  if (m.depositPercent > 0) payment.push(l.t('depositDue', { pct: m.depositPercent, amount: iso(f.moneyWithCode(t.deposit, m.currency)), balance: iso(f.moneyWithCode(t.balance, m.currency)) }));
  section(ctx, 'paymentTerms', payment);
  section(ctx, 'deliveryTime', [m.deliveryTime]);
  if (ctx.showBank) {
    const b = m.seller.bank;
    const rows: Array<[LabelKey, string]> = [
      ['beneficiary', b.beneficiary],
      ['bankName', b.bankName],
      ['account', b.account],
      ['swift', b.swift],
      ['bankAddress', b.address],
    ];
    section(ctx, 'bankDetails', rows.filter(([, v]) => v.trim() !== '').map(([k, v]) => `${l.t(k)}: ${iso(v)}`), { box: true });
  }
  section(ctx, 'remarks', [m.remarks, l.t('eoe')]);
}

function shippingMarks(ctx: Ctx): void {
  section(ctx, 'shippingMarks', [ctx.m.shippingMarks], { box: true });
  section(ctx, 'remarks', [ctx.m.remarks, ctx.l.t('eoe')]);
}

// ---- signatures and footers ------------------------------------------------------------

function signatures(ctx: Ctx): void {
  const { c, m, l } = ctx;
  const h = 86;
  ensure(ctx, h + 16);
  ctx.y += c.drawText(l.t('acceptedBy'), ctx.x, ctx.y, ctx.w, { size: BODY + 0.6, bold: true, color: COLORS.accent }) + 4;
  const gap = 20;
  const w = (ctx.w - gap) / 2;
  const top = ctx.y;
  const blocks: Array<{ x: number; who: LabelKey; name: string; chop: string | null }> = [
    { x: ctx.x, who: 'theBuyer', name: m.buyer.company, chop: null },
    { x: ctx.x + w + gap, who: 'theSeller', name: m.seller.legalName || m.seller.companyNameEn, chop: m.seller.chopFile },
  ];
  for (const b of blocks) {
    c.rect(b.x, top, w, h, { stroke: COLORS.border, lineWidth: 0.6 });
    let y = top + 5;
    y += c.drawText(l.t(b.who), b.x + 6, y, w - 12, { size: SMALL, bold: true, color: COLORS.muted });
    c.drawText(b.name, b.x + 6, y, w - 12, { size: BODY + 0.4, bold: true, dir: 'auto', maxLines: 2 });
    if (b.chop) c.image(b.chop, b.x + w - 74, top + 6, 66, 66, { placeholder: false, opacity: 0.88 });
    c.hline(b.x + 6, top + h - 18, w - 12, COLORS.border, 0.6);
    c.drawText(l.t('signDate'), b.x + 6, top + h - 15, w - 12, { size: SMALL, color: COLORS.muted });
  }
  ctx.y = top + h + 8;
}

function footers(ctx: Ctx): void {
  const { c, m, l } = ctx;
  const range = c.doc.bufferedPageRange();
  const title = l.pair(ctx.kind === 'quotation' ? 'quotation' : ctx.kind === 'proforma' ? 'proforma' : 'packing').primary;
  for (let i = range.start; i < range.start + range.count; i += 1) {
    c.doc.switchToPage(i);
    const y = c.height - FOOTER_H + 8;
    c.hline(ctx.x, y - 4, ctx.w, COLORS.rule, 0.5);
    const page = `${i - range.start + 1} / ${range.count}`;
    c.drawText(`${title} ${iso(m.number)}`, ctx.x, y, ctx.w / 2, { size: SMALL, color: COLORS.muted });
    c.drawText(page, ctx.x, y, ctx.w, { size: SMALL + 0.4, bold: true, color: COLORS.muted, align: 'center', dir: 'ltr' });
    c.drawText(m.seller.companyNameEn || m.seller.companyNameZh, ctx.x + ctx.w / 2, y, ctx.w / 2, { size: SMALL, color: COLORS.muted, align: 'end', dir: 'auto' });
  }
}
