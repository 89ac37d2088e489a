import { COLORS, type Align, type TextOptions } from '../canvas';
import { LINE_HEIGHT, type BaseDirection, type Line } from '../text';
import { BODY, newPage, PAD, type PageCtx } from './page';

/**
 * A table for the documents after the PI: fixed columns and one flexible one, the header
 * repeated on every page the rows run onto, rows printed whole (wrapping, never cut), figures
 * set smaller to fit their cell rather than wrapping mid-number, an optional photo column and a
 * totals row.
 */
export interface GridColumn {
  key: string;
  label: { primary: string; secondary: string | null };
  /** Points; 0 for the flexible column (takes what is left). */
  width: number;
  align: Align;
  /** A figure: never wraps, set smaller to fit. */
  figure?: boolean;
  /** Holds a photo (the cell's `photo`). */
  photo?: boolean;
}

export interface GridPart {
  text: string;
  bold?: boolean;
  size?: number;
  color?: string;
  dir?: BaseDirection;
}

export interface GridCell {
  parts: GridPart[];
  photo?: string | null;
}

export type GridRow = Record<string, GridCell>;

export const PHOTO = 34;
const HEADER_SIZE = 6.8;

type Placed = GridColumn & { x: number; w: number };

export function cell(text: string, options: Omit<GridPart, 'text'> = {}): GridCell {
  return { parts: text === '' ? [] : [{ text, ...options }] };
}

function place(ctx: PageCtx, cols: GridColumn[]): Placed[] {
  const fixed = cols.reduce((s, c) => s + c.width, 0);
  const flexCount = cols.filter((c) => c.width === 0).length || 1;
  const flex = Math.max(50, (ctx.w - fixed) / flexCount);
  let x = ctx.x;
  return cols.map((col) => {
    const w = col.width || flex;
    const out = { ...col, x, w };
    x += w;
    return out;
  });
}

function fitSize(ctx: PageCtx, text: string, width: number, size: number, bold: boolean): number {
  let fitted = size;
  const widest = (sz: number) => Math.max(...text.split('\n').map((piece) => ctx.c.measure(piece, sz, bold)));
  while (fitted > 5 && widest(fitted) > width) fitted -= 0.25;
  return fitted;
}

function partSize(ctx: PageCtx, col: Placed, part: GridPart): number {
  const size = part.size ?? BODY;
  return col.figure ? fitSize(ctx, part.text, col.w - 2 * PAD, size, part.bold ?? false) : size;
}

/** A row laid out once: the lines of every part of every cell, measured and then drawn from the same layout. */
interface LaidPart {
  lines: Line[];
  options: TextOptions;
}
type LaidRow = Array<{ col: Placed; content: GridCell | undefined; parts: LaidPart[]; height: number }>;

function layRow(ctx: PageCtx, cols: Placed[], row: GridRow): LaidRow {
  return cols.map((col) => {
    const content = row[col.key];
    if (!content || col.photo) return { col, content, parts: [], height: content ? PHOTO : 0 };
    const parts = content.parts.map((part): LaidPart => {
      const options: TextOptions = {
        size: partSize(ctx, col, part),
        bold: part.bold ?? false,
        color: part.color ?? COLORS.text,
        align: col.align,
        dir: part.dir ?? (col.figure ? 'ltr' : 'auto'),
      };
      return { lines: part.text === '' ? [] : ctx.c.lines(part.text, col.w - 2 * PAD, options), options };
    });
    return { col, content, parts, height: parts.reduce((h, p) => h + p.lines.length * p.options.size * LINE_HEIGHT, 0) };
  });
}

function drawHeader(ctx: PageCtx, cols: Placed[]): void {
  const { c } = ctx;
  const parts = (col: Placed) => [
    { text: col.label.primary, size: HEADER_SIZE, bold: true, color: '#ffffff' },
    ...(col.label.secondary ? [{ text: col.label.secondary, size: HEADER_SIZE - 0.6, bold: false, color: '#dfe7f1' }] : []),
  ];
  const h = Math.max(...cols.map((col) => parts(col).reduce((s, p) => s + c.textHeight(p.text, col.w - 2 * PAD, { size: p.size, bold: p.bold, dir: 'auto' }), 0))) + 2 * PAD;
  c.rect(ctx.x, ctx.y, ctx.w, h, { fill: COLORS.accent });
  for (const col of cols) {
    let y = ctx.y + PAD;
    for (const p of parts(col)) y += c.drawText(p.text, col.x + PAD, y, col.w - 2 * PAD, { size: p.size, bold: p.bold, color: p.color, align: col.align, dir: 'auto' });
  }
  ctx.y += h;
}

function drawRow(ctx: PageCtx, laid: LaidRow, h: number): void {
  const { c } = ctx;
  for (const { col, content, parts } of laid) {
    if (!content) continue;
    if (col.photo) {
      c.image(content.photo ?? null, col.x + (col.w - PHOTO) / 2, ctx.y + PAD, PHOTO, PHOTO);
      continue;
    }
    let y = ctx.y + PAD;
    for (const part of parts) {
      c.drawLines(part.lines, col.x + PAD, y, col.w - 2 * PAD, part.options);
      y += part.lines.length * part.options.size * LINE_HEIGHT;
    }
  }
  c.hline(ctx.x, ctx.y + h, ctx.w, COLORS.rule, 0.5);
}

/**
 * Draws the table from ctx.y. `before` rows (an opening balance) and `after` rows (totals) are
 * set on a tinted band; every row starting on a new page gets the header again.
 */
export function drawGrid(ctx: PageCtx, columns: GridColumn[], rows: GridRow[], options: { before?: GridRow[]; after?: GridRow[]; minRow?: number } = {}): void {
  const cols = place(ctx, columns);
  const minRow = options.minRow ?? 0;
  const heightOf = (laid: LaidRow, min = 0) => Math.max(min, ...laid.map((cell) => cell.height)) + 2 * PAD;
  const first = [...(options.before ?? []), ...rows, ...(options.after ?? [])][0];
  // The header never sits alone at the foot of a page.
  if (ctx.y + 24 + (first ? heightOf(layRow(ctx, cols, first)) : 0) > ctx.bottom) newPage(ctx);
  drawHeader(ctx, cols);
  const put = (row: GridRow, band: 'plain' | 'zebra' | 'total') => {
    const laid = layRow(ctx, cols, row);
    const h = heightOf(laid, band === 'total' ? 0 : minRow);
    if (ctx.y + h > ctx.bottom) {
      newPage(ctx);
      drawHeader(ctx, cols);
    }
    if (band === 'zebra') ctx.c.rect(ctx.x, ctx.y, ctx.w, h, { fill: '#f7f9fb' });
    if (band === 'total') {
      ctx.c.rect(ctx.x, ctx.y, ctx.w, h, { fill: COLORS.accentLight });
      ctx.c.hline(ctx.x, ctx.y, ctx.w, COLORS.accent, 0.8);
    }
    drawRow(ctx, laid, h);
    ctx.y += h;
  };
  for (const row of options.before ?? []) put(row, 'total');
  rows.forEach((row, i) => put(row, i % 2 === 1 ? 'zebra' : 'plain'));
  for (const row of options.after ?? []) put(row, 'total');
  ctx.y += 8;
}
