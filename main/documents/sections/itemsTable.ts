import { getOrMake } from '../../collections/getOrMake';
import { COLORS, type Align } from '../canvas';
import { label, unitName, type LabelKey } from '../catalog';
import type { DocLang, DocLine } from '../model';
import { ltrIsolate as iso } from '../text';
import { countryName } from './header';
import { BODY, newPage, PAD, SMALL, ensure, type DocCtx } from './page';

/**
 * The items table of the quotation, PI and packing list: columns sized from what they hold,
 * the header repeated on every page, every cell printed whole, the totals row.
 */
type Ctx = DocCtx;

interface Column {
  key: string;
  label: LabelKey;
  /** Fixed width in points, or 0 for the flexible description column. */
  width: number;
  align: Align;
  /** With the currency after the label ("Unit Price (USD)"). */
  currency?: boolean;
}


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
  return `${label('trade', 'en', 'originOf', { country: countryName(code, 'en') })} / ${label('trade', lang, 'originOf', { country: countryName(code, lang) })}`;
}

/**
 * What each cell holds, made once per document: the columns are sized from it, then every row's
 * height, then the row is drawn. Keyed by the document's line objects, which nothing changes while it is drawn.
 */
const cells = new WeakMap<Ctx, WeakMap<DocLine, Map<string, CellContent>>>();

function cellFor(ctx: Ctx, col: Column, line: DocLine): CellContent {
  const byLine = getOrMake(cells, ctx, () => new WeakMap<DocLine, Map<string, CellContent>>());
  const byColumn = getOrMake(byLine, line, () => new Map<string, CellContent>());
  return getOrMake(byColumn, col.key, () => cellContent(ctx, col, line));
}

function cellContent(ctx: Ctx, col: Column, line: DocLine): CellContent {
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
        if (p.secondary) parts.push({ text: label('trade', lang, 'pcsPerCarton', { n, unit }), size: SMALL, color: COLORS.muted, dir: 'auto' });
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

export function itemsTable(ctx: Ctx): void {
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
