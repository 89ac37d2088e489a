import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import { invalid, m } from '../errors/apiError';
import { registerFonts } from '../documents/fonts';
import { BASELINE, TextEngine, type Line, type TextStyle } from '../documents/text';
import { fromScaled } from '../money/decimal';

/**
 * Sample tags: stickers for the samples on the stall's shelves, several per A4
 * label sheet. Each has the item no, a short name in one or two languages,
 * the price (or a price code only staff can read), the MOQ and packing, and a
 * barcode (the product's EAN/UPC) or a QR code of the item no. Barcodes are
 * drawn as vectors (bwip-js SVG paths), so they print sharp at any size.
 */

export interface TagProduct {
  itemNo: string;
  names: Record<string, string>;
  unit: string;
  moq: number;
  /** First tier price, CNY ×10⁴; null when the product has no price. */
  priceCnyE4: number | null;
  pcsPerCarton: number | null;
  barcode: string;
}

export type TagLayout = '3x8' | '2x5';
export type PriceMode = 'price' | 'code' | 'none';
export type CodeMode = 'auto' | 'qr' | 'barcode' | 'none';

export interface TagOptions {
  layout: TagLayout;
  /** Languages of the name lines, in order (one or two). */
  nameLangs: string[];
  priceMode: PriceMode;
  /** Ten different letters standing for 1 2 3 4 5 6 7 8 9 0 (price code). */
  priceCodeKey: string;
  code: CodeMode;
  /** Label positions to leave empty at the start of the first sheet (a sheet already partly used). */
  skip: number;
  /** Shown small at the foot of every tag (the stall number). */
  footer: string;
}

export const DEFAULT_PRICE_CODE_KEY = 'BLACKHORSE';

const MM = 72 / 25.4;
const A4 = { w: 210 * MM, h: 297 * MM };
/** Label sheets: columns × rows filling A4 (70 × 37.1 mm, 105 × 59.4 mm), with a small inner padding. */
const LAYOUTS: Record<TagLayout, { cols: number; rows: number; pad: number; scale: number }> = {
  '3x8': { cols: 3, rows: 8, pad: 2.5 * MM, scale: 1 },
  '2x5': { cols: 2, rows: 5, pad: 4 * MM, scale: 1.45 },
};

export function tagsPerPage(layout: TagLayout): number {
  const l = LAYOUTS[layout];
  return l.cols * l.rows;
}

/** The price written with the key's letters: with BLACKHORSE, 2.35 → "L.AK". */
export function priceCode(priceE4: number, key: string): string {
  const digits = fromScaled(priceE4, 4, 2);
  return [...digits].map((d) => (d === '.' ? '.' : (key[(Number(d) + 9) % 10] as string))).join('');
}

export function checkPriceCodeKey(key: string, field: string): string {
  const k = key.trim().toUpperCase();
  if (!/^[A-Z]{10}$/.test(k) || new Set(k).size !== 10) {
    throw invalid(field, m('labels.needsTenDifferentLetters'));
  }
  return k;
}

const BARCODE_TYPES: Record<number, string> = { 8: 'ean8', 12: 'upca', 13: 'ean13', 14: 'itf14' };

interface SvgPath {
  d: string;
  stroke?: number;
}

/** The paths of a bwip-js SVG and its size. */
function svgPaths(svg: string): { w: number; h: number; paths: SvgPath[] } {
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  const paths: SvgPath[] = [];
  for (const m of svg.matchAll(/<path([^>]*)\/>/g)) {
    const attrs = m[1] as string;
    const d = /\sd="([^"]+)"/.exec(attrs)?.[1];
    if (!d) continue;
    const stroke = /stroke-width="([\d.]+)"/.exec(attrs)?.[1];
    paths.push(stroke ? { d, stroke: Number(stroke) } : { d });
  }
  return { w: Number(box?.[1] ?? 1), h: Number(box?.[2] ?? 1), paths };
}

function codeSvg(p: TagProduct, mode: CodeMode): { svg: ReturnType<typeof svgPaths>; square: boolean } | null {
  if (mode === 'none') return null;
  const bcid = BARCODE_TYPES[p.barcode.length];
  if ((mode === 'auto' || mode === 'barcode') && p.barcode && bcid) {
    return { svg: svgPaths(bwipjs.toSVG({ bcid, text: p.barcode, includetext: true, height: 9, scale: 1 })), square: false };
  }
  if (mode === 'barcode') return null;
  return { svg: svgPaths(bwipjs.toSVG({ bcid: 'qrcode', text: p.itemNo, scale: 1 })), square: true };
}

type Doc = InstanceType<typeof PDFDocument>;

/**
 * One line of text, cut with an ellipsis to fit the width, laid out by the
 * documents' text engine (so Arabic is shaped and right to left, Chinese and
 * Cyrillic take their fonts).
 */
function fitLine(engine: TextEngine, text: string, style: TextStyle, width: number): Line | null {
  const one = (t: string) => engine.layout(t, style, Number.MAX_SAFE_INTEGER, 'auto')[0] ?? null;
  const whole = one(text);
  if (!whole || whole.width <= width) return whole;
  const chars = [...text];
  // The longest start that fits with "…" (binary search: names can be 300 characters).
  let lo = 1;
  let hi = chars.length - 1;
  let best = one(`${chars[0] ?? ''}…`);
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const line = one(`${chars.slice(0, mid).join('').trimEnd()}…`);
    if (line && line.width <= width) {
      best = line;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Draws a line with its top at y: left-aligned, or right-aligned when it reads right to left. */
function drawLine(engine: TextEngine, line: Line | null, x: number, y: number, width: number, color: string): void {
  if (!line) return;
  engine.drawLine(line, line.rtl ? x + width - line.width : x, y + line.size * BASELINE, color);
}

function drawCode(doc: Doc, code: NonNullable<ReturnType<typeof codeSvg>>, x: number, y: number, w: number, h: number): void {
  const { svg } = code;
  const scale = Math.min(w / svg.w, h / svg.h);
  const dx = x + (w - svg.w * scale) / 2;
  const dy = y + (h - svg.h * scale) / 2;
  doc.save();
  doc.translate(dx, dy).scale(scale);
  for (const p of svg.paths) {
    if (p.stroke !== undefined) doc.path(p.d).lineWidth(p.stroke).strokeColor('#000').stroke();
    else doc.path(p.d).fillColor('#000').fill();
  }
  doc.restore();
}

function drawTag(doc: Doc, engine: TextEngine, p: TagProduct, o: TagOptions, x: number, y: number, w: number, h: number): void {
  const l = LAYOUTS[o.layout];
  const s = l.scale;
  const inner = { x: x + l.pad, y: y + l.pad, w: w - 2 * l.pad, h: h - 2 * l.pad };
  const code = codeSvg(p, o.code);
  const codeW = code ? (code.square ? Math.min(inner.h * 0.72, inner.w * 0.34) : inner.w * 0.44) : 0;
  const textW = inner.w - (code ? codeW + 2 * MM : 0);
  let cy = inner.y;

  drawLine(engine, fitLine(engine, p.itemNo, { size: 13 * s, bold: true }, textW), inner.x, cy, textW, '#000000');
  cy += 15 * s;
  for (const lang of o.nameLangs) {
    const name = (p.names[lang] ?? '').replace(/\s+/g, ' ').trim();
    if (!name) continue;
    drawLine(engine, fitLine(engine, name, { size: 7.5 * s }, textW), inner.x, cy, textW, '#222222');
    cy += 9.5 * s;
  }
  const price =
    o.priceMode === 'none' || p.priceCnyE4 === null
      ? ''
      : o.priceMode === 'code'
        ? priceCode(p.priceCnyE4, o.priceCodeKey)
        : `¥${fromScaled(p.priceCnyE4, 4, 2)}/${p.unit}`;
  if (price) {
    drawLine(engine, fitLine(engine, price, { size: 10 * s, bold: true }, textW), inner.x, cy, textW, '#000000');
    cy += 12 * s;
  }
  const packing = [`MOQ ${p.moq} ${p.unit}`, p.pcsPerCarton ? `${p.pcsPerCarton} ${p.unit}/ctn` : ''].filter(Boolean).join(' · ');
  drawLine(engine, fitLine(engine, packing, { size: 6.5 * s }, textW), inner.x, cy, textW, '#333333');
  if (o.footer) {
    const footY = inner.y + inner.h - 7 * s;
    drawLine(engine, fitLine(engine, o.footer, { size: 5.5 * s }, textW), inner.x, footY, textW, '#666666');
  }
  if (code) {
    const codeH = code.square ? codeW : inner.h * 0.8;
    drawCode(doc, code, inner.x + inner.w - codeW, inner.y + (inner.h - codeH) / 2, codeW, codeH);
  }
}

/** A PDF of sample tags, one per product (repeat a product for copies). */
export function sampleTagsPdf(products: TagProduct[], options: TagOptions): Promise<{ pdf: Buffer; pages: number }> {
  const layout = LAYOUTS[options.layout];
  const perPage = layout.cols * layout.rows;
  const cellW = A4.w / layout.cols;
  const cellH = A4.h / layout.rows;
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: 'Sample tags', Creator: 'Stallkeeper' } });
  registerFonts(doc);
  const engine = new TextEngine(doc as never);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  let pages = 0;
  const slots = options.skip + products.length;
  for (let slot = 0; slot < Math.max(slots, 1); slot += 1) {
    if (slot % perPage === 0) {
      doc.addPage();
      pages += 1;
    }
    const p = products[slot - options.skip];
    if (!p) continue;
    const index = slot % perPage;
    const x = (index % layout.cols) * cellW;
    const y = Math.floor(index / layout.cols) * cellH;
    // A faint cutting guide, for plain paper.
    doc.save().rect(x + 0.5, y + 0.5, cellW - 1, cellH - 1).lineWidth(0.3).dash(2, { space: 2 }).strokeColor('#bbbbbb').stroke().restore();
    drawTag(doc, engine, p, options, x, y, cellW, cellH);
  }
  doc.end();
  return done.then((pdf) => ({ pdf, pages }));
}
