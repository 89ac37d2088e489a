import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { registerFonts } from './fonts';
import { BASELINE, LINE_HEIGHT, TextEngine, type BaseDirection, type Line } from './text';
import type { Paper } from './model';

/** Page sizes in points. */
export const PAPER_SIZES: Record<Paper, { width: number; height: number }> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};

export const COLORS = {
  text: '#1b1f24',
  muted: '#5b6570',
  accent: '#1f3a5f',
  accentLight: '#e8eef6',
  border: '#a9b4c0',
  rule: '#d5dbe2',
  warn: '#9a3412',
  warnLight: '#fff4e5',
  placeholder: '#eef0f2',
};

/** start/end follow the page's direction; figure is the right edge in every script (so digits line up, Arabic pages too). */
export type Align = 'start' | 'end' | 'center' | 'figure';

export interface TextOptions {
  size: number;
  bold?: boolean;
  color?: string;
  align?: Align;
  /** Paragraph direction; 'auto' takes it from the first strong letter. */
  dir?: BaseDirection;
  /** Cut after this many lines, ending the last one with "…". */
  maxLines?: number;
}

export type Doc = InstanceType<typeof PDFDocument>;

/**
 * A page surface in logical coordinates: x runs from the start edge (left in
 * left-to-right documents, right in Arabic ones), so the same layout code
 * draws the mirrored page. Text goes through the text layer (text.ts).
 */
export class Canvas {
  readonly doc: Doc;
  readonly text: TextEngine;
  readonly width: number;
  readonly height: number;
  private readonly fileOk = new Map<string, boolean>();
  private readonly laidOut = new Map<string, Line[]>();
  private readonly measured = new Map<string, number>();

  constructor(
    paper: Paper,
    readonly rtl: boolean,
    info: { title: string; author: string; subject: string; lang: string },
  ) {
    const size = PAPER_SIZES[paper];
    this.width = size.width;
    this.height = size.height;
    this.doc = new PDFDocument({
      size: [size.width, size.height],
      margin: 0,
      bufferPages: true,
      autoFirstPage: true,
      compress: true,
      lang: info.lang,
      displayTitle: true,
      info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: 'Stallkeeper', Producer: 'Stallkeeper (pdfkit)' },
    });
    registerFonts(this.doc);
    this.text = new TextEngine(this.doc as never);
  }

  /** Physical x of a box that starts at logical x and is w wide. */
  px(x: number, w: number): number {
    return this.rtl ? this.width - x - w : x;
  }

  private physicalAlign(align: Align): 'left' | 'right' | 'center' {
    if (align === 'center') return 'center';
    if (align === 'figure') return 'right';
    return (align === 'start') !== this.rtl ? 'left' : 'right';
  }

  /** Lines of text for a box w wide. */
  lines(text: string, w: number, o: TextOptions): Line[] {
    const base = o.dir ?? (this.rtl ? 'rtl' : 'ltr');
    // A document prints the same dates, numbers and labels over and over (a statement of 1,000
    // payments): each is laid out once per width and style. Lines are never changed once made.
    const key = `${o.size}\u0000${o.bold ? 1 : 0}\u0000${base}\u0000${w}\u0000${text}`;
    let lines = this.laidOut.get(key);
    if (!lines) {
      lines = this.text.layout(text, { size: o.size, bold: o.bold ?? false }, Math.max(w, 1), base);
      if (this.laidOut.size > 20_000) this.laidOut.clear();
      this.laidOut.set(key, lines);
    }
    if (o.maxLines && lines.length > o.maxLines) {
      lines = lines.slice(0, o.maxLines);
      const last = lines[lines.length - 1] as Line;
      const ell = this.text.layout('…', { size: o.size, bold: o.bold ?? false }, w, base)[0] as Line;
      // Drop runs from the logical end until the ellipsis fits.
      const runs = [...last.runs];
      let width = last.width;
      while (runs.length > 0 && width + ell.width > w) {
        const removed = last.rtl ? runs.shift() : runs.pop();
        width -= removed?.width ?? 0;
      }
      lines[lines.length - 1] = { ...last, runs: last.rtl ? [...ell.runs, ...runs] : [...runs, ...ell.runs], width: width + ell.width };
    }
    return lines;
  }

  textHeight(text: string, w: number, o: TextOptions): number {
    if (text === '') return 0;
    return this.lines(text, w, o).length * o.size * LINE_HEIGHT;
  }

  /** Draws text in the box (x, y, w) in logical coordinates; returns the height used. */
  drawText(text: string, x: number, y: number, w: number, o: TextOptions): number {
    if (text === '') return 0;
    const lines = this.lines(text, w, o);
    this.drawLines(lines, x, y, w, o);
    return lines.length * o.size * LINE_HEIGHT;
  }

  drawLines(lines: Line[], x: number, y: number, w: number, o: TextOptions): void {
    const left = this.px(x, w);
    const align = this.physicalAlign(o.align ?? 'start');
    lines.forEach((line, i) => {
      const lineAlign = align;
      const lx = lineAlign === 'left' ? left : lineAlign === 'right' ? left + w - line.width : left + (w - line.width) / 2;
      this.text.drawLine(line, lx, y + i * o.size * LINE_HEIGHT + o.size * BASELINE, o.color ?? COLORS.text);
    });
  }

  /** Width of text on one line; remembered, as lines() are (a column is sized, then each figure fitted, from the same texts). */
  measure(text: string, size: number, bold = false): number {
    const key = `${size}\u0000${bold ? 1 : 0}\u0000${text}`;
    let width = this.measured.get(key);
    if (width === undefined) {
      width = this.text.measure(text, { size, bold });
      if (this.measured.size > 20_000) this.measured.clear();
      this.measured.set(key, width);
    }
    return width;
  }

  rect(x: number, y: number, w: number, h: number, style: { fill?: string; stroke?: string; lineWidth?: number }): void {
    const doc = this.doc;
    doc.save();
    doc.rect(this.px(x, w), y, w, h);
    if (style.lineWidth) doc.lineWidth(style.lineWidth);
    if (style.fill && style.stroke) doc.fillAndStroke(style.fill, style.stroke);
    else if (style.fill) doc.fill(style.fill);
    else if (style.stroke) doc.stroke(style.stroke);
    doc.restore();
  }

  hline(x: number, y: number, w: number, color = COLORS.rule, lineWidth = 0.5): void {
    const doc = this.doc;
    const left = this.px(x, w);
    doc.save().lineWidth(lineWidth).moveTo(left, y).lineTo(left + w, y).stroke(color).restore();
  }

  private usable(file: string | null): boolean {
    if (!file) return false;
    let ok = this.fileOk.get(file);
    if (ok === undefined) {
      try {
        ok = fs.statSync(file).isFile();
      } catch {
        ok = false;
      }
      this.fileOk.set(file, ok);
    }
    return ok;
  }

  /**
   * An image fitted into the box; a missing or unreadable file leaves a light
   * empty frame (the document still prints). Returns whether the image was drawn.
   */
  image(file: string | null, x: number, y: number, w: number, h: number, options: { placeholder?: boolean; opacity?: number } = {}): boolean {
    const left = this.px(x, w);
    if (this.usable(file)) {
      try {
        this.doc.save();
        if (options.opacity !== undefined) this.doc.opacity(options.opacity);
        this.doc.image(file as string, left, y, { fit: [w, h], align: 'center', valign: 'center' });
        this.doc.restore();
        return true;
      } catch {
        this.doc.restore();
        this.fileOk.set(file as string, false);
      }
    }
    if (options.placeholder !== false) this.rect(x, y, w, h, { fill: COLORS.placeholder });
    return false;
  }

  /** A QR code drawn as vector squares (crisp at any zoom, no image). */
  qr(text: string, x: number, y: number, size: number): void {
    const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const n = code.modules.size;
    const quiet = 2;
    const cell = size / (n + quiet * 2);
    const left = this.px(x, size);
    const doc = this.doc;
    doc.save();
    for (let r = 0; r < n; r += 1) {
      for (let c = 0; c < n; c += 1) {
        if (code.modules.get(r, c)) doc.rect(left + (c + quiet) * cell, y + (r + quiet) * cell, cell + 0.01, cell + 0.01);
      }
    }
    doc.fill('#000000');
    doc.restore();
  }

  addPage(): void {
    this.doc.addPage({ size: [this.width, this.height], margin: 0 });
  }

  async finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.end();
    return done;
  }
}
