import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Poppler's command-line tools (poppler-utils) on a PDF held in memory. */
function withFile<T>(pdf: Buffer, fn: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Bidi embedding marks pdftotext puts around right-to-left lines. */
const MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text pdftotext gives back (reading order), without its bidi marks. */
export function pdfText(pdf: Buffer, options: { first?: number; last?: number; layout?: boolean } = {}): string {
  return withFile(pdf, (file) => {
    const args = ['-enc', 'UTF-8'];
    // -layout keeps each table row on one line (columns side by side, as printed).
    if (options.layout) args.push('-layout');
    if (options.first) args.push('-f', String(options.first));
    if (options.last) args.push('-l', String(options.last));
    return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' }).replace(MARKS, '');
  });
}

/** Text with every run of white space made one space (lines joined). */
export function flat(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** Text with no white space at all: compares letter order where line breaks and spacing may differ. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, '');
}

export interface PdfFontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdfFonts(pdf: Buffer): PdfFontRow[] {
  return withFile(pdf, (file) => {
    const out = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    return out.map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type(2 words) encoding emb sub uni object ID
      const [emb, sub, uni] = cols.slice(-5, -2);
      return { name: cols[0] ?? '', type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
    });
  });
}

export interface PdfImageRow {
  page: number;
  type: string;
  width: number;
  height: number;
}

export function pdfImages(pdf: Buffer): PdfImageRow[] {
  return withFile(pdf, (file) =>
    execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '')
      .map((line) => {
        const cols = line.trim().split(/\s+/);
        return { page: Number(cols[0]), type: cols[2] ?? '', width: Number(cols[3]), height: Number(cols[4]) };
      }),
  );
}

export function pdfInfo(pdf: Buffer): Record<string, string> {
  return withFile(pdf, (file) =>
    Object.fromEntries(
      execFileSync('pdfinfo', [file], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => l.includes(':'))
        .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
    ),
  );
}

/** Renders pages to PNG files with pdftoppm; returns their paths. */
export function pdfToPng(pdf: Buffer, outPrefix: string, options: { dpi?: number; first?: number; last?: number } = {}): string[] {
  const dir = path.dirname(outPrefix);
  fs.mkdirSync(dir, { recursive: true });
  withFile(pdf, (file) => {
    const args = ['-png', '-r', String(options.dpi ?? 80)];
    if (options.first) args.push('-f', String(options.first));
    if (options.last) args.push('-l', String(options.last));
    execFileSync('pdftoppm', [...args, file, outPrefix]);
  });
  const base = path.basename(outPrefix);
  return fs.readdirSync(dir).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png')).sort().map((f) => path.join(dir, f));
}

export interface PdfWord {
  text: string;
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Every word pdftotext finds, with its box in points (pdftotext -bbox), bidi marks removed. */
export function pdfWords(pdf: Buffer): PdfWord[] {
  return withFile(pdf, (file) => {
    const html = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', file, '-'], { encoding: 'utf8' });
    const words: PdfWord[] = [];
    let page = 0;
    for (const m of html.matchAll(/<page [^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      if (m[0].startsWith('<page')) {
        page += 1;
        continue;
      }
      const text = (m[5] ?? '').replace(MARKS, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
      words.push({ text, page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
    }
    return words;
  });
}

/** A PDF file without its creation date and file ID, which differ every time. */
function comparablePdf(file: string): Buffer {
  const text = fs.readFileSync(file).toString('latin1').replace(/\(D:\d{14}Z\)/g, '').replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '');
  return Buffer.from(text, 'latin1');
}

/** Where two buffers first differ, with some bytes around it, for a failure's message. */
function firstByteDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  const around = (x: Buffer) => JSON.stringify(x.subarray(Math.max(0, i - 120), i + 60).toString('latin1'));
  return `at byte ${i} of ${a.length} / ${b.length}: ${around(a)} against ${around(b)}`;
}

/**
 * '' when two PDF files are the same document, else what differs. The same document is the same
 * bytes once the creation date and file ID are stripped; or, where the bytes differ, the same words
 * at the same places, the same fonts and images, and every page the same pixel for pixel at 100 dpi.
 * pdfkit writes a PNG with transparency (a logo, the chop) when the thread pool has inflated it, so
 * with two of them the objects come out in the order those finished: the same document in another
 * byte order (seen under CI load).
 */
export function pdfDifference(fileA: string, fileB: string): string {
  const [a, b] = [comparablePdf(fileA), comparablePdf(fileB)];
  if (a.equals(b)) return '';
  const bytes = firstByteDifference(a, b);
  const [pdfA, pdfB] = [fs.readFileSync(fileA), fs.readFileSync(fileB)];
  const fonts = (pdf: Buffer) => JSON.stringify(pdfFonts(pdf).map((f) => ({ ...f, name: f.name.replace(/^[A-Z]{6}\+/, '') })).sort((x, y) => x.name.localeCompare(y.name)));
  const images = (pdf: Buffer) => JSON.stringify(pdfImages(pdf).map((i) => `${i.page} ${i.type} ${i.width}x${i.height}`).sort());
  for (const [what, read] of [['words and their places', (pdf: Buffer) => JSON.stringify(pdfWords(pdf))], ['fonts', fonts], ['images', images]] as const) {
    if (read(pdfA) !== read(pdfB)) return `the ${what} differ (and the bytes ${bytes})`;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-pdfdiff-'));
  try {
    const [pagesA, pagesB] = [pdfToPng(pdfA, path.join(dir, 'a'), { dpi: 100 }), pdfToPng(pdfB, path.join(dir, 'b'), { dpi: 100 })];
    if (pagesA.length !== pagesB.length) return `${pagesA.length} pages against ${pagesB.length}`;
    const page = pagesA.findIndex((file, i) => !fs.readFileSync(file).equals(fs.readFileSync(pagesB[i] as string)));
    return page === -1 ? '' : `page ${page + 1} differs at 100 dpi (and the bytes ${bytes})`;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
