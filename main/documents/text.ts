import type { EmbeddingLevels } from 'bidi-js';
import { BIDI_CONTROLS, BIDI_CONTROLS_ALL, directionHints, embeddingLevels, isolateRuns, MIRRORS, unmirror } from './bidi';
import { breakAtoms, isSpace, trimEnd } from './lineBreak';
import { layoutRun } from './layoutCache';
import { getOrMake } from '../collections/getOrMake';
import { NO_ARABIC_KERN, SHAPE_CACHE_MAX, shapeCache } from './shaping';
import type { BaseDirection, Line, PdfFont, PlacedGlyph, Run, TextDoc, TextStyle } from './textTypes';
import { fontKey, isArabic, scriptOf, SCRIPTS, type FontKey, type Script } from './fonts';

/**
 * The text layer of the documents: our own layout on top of fontkit (which
 * pdfkit ships) instead of pdfkit's text(), because pdfkit lays out word by
 * word in one font and draws right-to-left words in the wrong order.
 *
 * For each paragraph:
 *  1. the Unicode bidi algorithm (bidi-js) gives every character its level;
 *  2. every character gets a font (Arabic, CJK, Latin/Cyrillic; neutral
 *     characters take their neighbour's font, and a font without the glyph
 *     falls back to the next one);
 *  3. lines are broken greedily at break opportunities: after spaces, between
 *     Chinese characters (not before closing or after opening punctuation),
 *     after "-" and "/" followed by two letters, and inside a word only when the word alone is too wide;
 *  4. each line is cut into runs of one level and one font, the runs are put in
 *     visual order (rule L2), and each run is shaped by fontkit as a whole
 *     (Arabic letters join across the run), right-to-left runs with mirrored
 *     brackets and reversed glyph order;
 *  5. everything is drawn on one alphabetic baseline, whatever the font.
 *
 * Copying text out of the PDF: each glyph carries the letters it stands for
 * (the font's ToUnicode map). A right-to-left ligature (lam-alef, لا) would be
 * read backwards by extractors that read glyphs by position, so it is mapped to
 * its first letter and the other letters are laid on it as invisible text (text
 * render mode 3) at the ligature's left edge, where a reader that goes right to
 * left finds them next.
 *
 * The parts: textTypes.ts (the fontkit and pdfkit surfaces, lines and runs), bidi.ts (levels,
 * isolates, mirrors, marks for extractors), lineBreak.ts (break opportunities), shaping.ts (the
 * shape cache, font warm-up), and here the engine: fonts per character, lines, runs, drawing.
 */

export { autoIsolate, isolateRuns, ltrIsolate, noBreak } from './bidi';
export { breakAtoms } from './lineBreak';
export { warmUpFonts, warmUpFontsSoon } from './shaping';
export { BASELINE, LINE_HEIGHT, type BaseDirection, type FkFont, type FkGlyph, type Line, type PdfFont, type Run, type TextDoc, type TextStyle } from './textTypes';

/** Which characters each font has a glyph for, as asked (a font file never changes while the app runs). */
const glyphPresence = new Map<FontKey, Map<number, boolean>>();
const unitsPerEmOf = new Map<FontKey, number>();

/**
 * Lays out and draws text in one pdfkit document. Fonts are registered under
 * the names of fonts.ts; the engine keeps pdfkit's font objects for them.
 */
export class TextEngine {
  private readonly fonts = new Map<FontKey, PdfFont>();
  private readonly clones = new Map<PdfFont, Map<string, number>>();

  constructor(private readonly doc: TextDoc) {}

  pdfFont(key: FontKey): PdfFont {
    let f = this.fonts.get(key);
    if (!f) {
      this.doc.font(key);
      f = (this.doc as unknown as { _font: PdfFont })._font;
      this.fonts.set(key, f);
    }
    return f;
  }

  /** Which font draws each UTF-16 unit of `text` (the low half of a surrogate pair copies the high half). */
  assignFonts(text: string, bold: boolean): FontKey[] {
    const scripts: Array<Script | null> = new Array(text.length).fill(null);
    for (let i = 0; i < text.length; i += 1) {
      const cp = text.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(cp);
      scripts[i] = scriptOf(ch);
      if (cp > 0xffff) {
        scripts[i + 1] = scripts[i] ?? null;
        i += 1;
      }
    }
    // Neutral characters take the previous script, or the next one at the start.
    let prev: Script | null = null;
    for (let i = 0; i < text.length; i += 1) {
      if (scripts[i] === null) scripts[i] = prev;
      else prev = scripts[i] ?? null;
    }
    let next: Script | null = null;
    for (let i = text.length - 1; i >= 0; i -= 1) {
      if (scripts[i] === null) scripts[i] = next;
      else next = scripts[i] ?? null;
    }
    const keys: FontKey[] = [];
    for (let i = 0; i < text.length; i += 1) {
      const cp = text.codePointAt(i) ?? 0;
      let script: Script = scripts[i] ?? 'latin';
      if (!this.hasGlyph(fontKey(script, bold), cp) && !isSpace(String.fromCodePoint(cp)) && !BIDI_CONTROLS.test(String.fromCodePoint(cp))) {
        script = SCRIPTS.find((s) => this.hasGlyph(fontKey(s, bold), cp)) ?? script;
      }
      keys.push(fontKey(script, bold));
      if (cp > 0xffff) {
        keys.push(fontKey(script, bold));
        i += 1;
      }
    }
    return keys;
  }

  /** Whether the font draws the character (remembered per font for the process: the fonts are shared, fonts.ts). */
  private hasGlyph(key: FontKey, cp: number): boolean {
    const known = getOrMake(glyphPresence, key, () => new Map<number, boolean>());
    return getOrMake(known, cp, () => this.pdfFont(key).font.hasGlyphForCodePoint(cp));
  }

  /** Shapes one run of one font and one direction (cached); glyphs come back in visual order. */
  private shape(key: FontKey, text: string, rtl: boolean): { glyphs: PlacedGlyph[]; advance: number } {
    const cacheKey = `${key}\u0000${rtl ? 1 : 0}\u0000${text}`;
    const cached = shapeCache.get(cacheKey);
    if (cached) return cached;
    const font = this.pdfFont(key).font;
    const script = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]/.test(text) ? 'arab' : undefined;
    const run = layoutRun(font, text, script === 'arab' ? NO_ARABIC_KERN : undefined, script, undefined, rtl ? 'rtl' : 'ltr');
    let advance = 0;
    const glyphs = run.ids.map((id, i): PlacedGlyph => {
      const glyphAdvance = run.advances[i] as number;
      advance += glyphAdvance;
      return { id, advance: glyphAdvance, advanceWidth: run.advanceWidths[i] as number, xOffset: run.xOffsets[i] as number, yOffset: run.yOffsets[i] as number, codePoints: run.letters[i] as number[] };
    });
    const shaped = { glyphs, advance };
    if (shapeCache.size > SHAPE_CACHE_MAX) shapeCache.clear();
    shapeCache.set(cacheKey, shaped);
    return shaped;
  }

  /** The font's units per em (fontkit reads it from the head table on every call). */
  private unitsPerEm(key: FontKey): number {
    return getOrMake(unitsPerEmOf, key, () => this.pdfFont(key).font.unitsPerEm);
  }

  /** Width in points of a piece of a paragraph, shaped run by run in logical order. */
  private widthOf(text: string, keys: FontKey[], start: number, end: number, size: number): number {
    let width = 0;
    let runStart = start;
    for (let i = start + 1; i <= end; i += 1) {
      if (i === end || keys[i] !== keys[runStart]) {
        const key = keys[runStart] as FontKey;
        // Bidi controls are not drawn: they take no room (a font would give them its .notdef width).
        const piece = text.slice(runStart, i).replace(BIDI_CONTROLS_ALL, '');
        if (piece !== '') width += (this.shape(key, piece, isArabicText(piece)).advance * size) / this.unitsPerEm(key);
        runStart = i;
      }
    }
    return width;
  }

  /** Width of one line of text, unwrapped. */
  measure(text: string, style: TextStyle): number {
    const clean = text.replace(/[\r\n]+/g, ' ');
    return this.widthOf(clean, this.assignFonts(clean, style.bold ?? false), 0, clean.length, style.size);
  }

  /** Breaks text into lines no wider than maxWidth (explicit newlines start new paragraphs). */
  layout(text: string, style: TextStyle, maxWidth: number, base: BaseDirection = 'auto'): Line[] {
    const lines: Line[] = [];
    for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
      lines.push(...this.layoutParagraph(paragraph, style, maxWidth, base));
    }
    return lines;
  }

  private layoutParagraph(raw: string, style: TextStyle, maxWidth: number, base: BaseDirection): Line[] {
    const bold = style.bold ?? false;
    const text = isolateRuns(raw);
    const embedding = embeddingLevels(text, base);
    const rtl = ((embedding.paragraphs[0]?.level ?? (base === 'rtl' ? 1 : 0)) & 1) === 1;
    if (text.trim() === '') return [{ runs: [], width: 0, size: style.size, rtl }];
    const keys = this.assignFonts(text, bold);
    const atoms = breakAtoms(text);
    const ranges: Array<[number, number]> = [];
    let lineStart = -1;
    let lineEnd = -1;
    let lineWidth = 0;
    const close = () => {
      if (lineStart >= 0) ranges.push([lineStart, lineEnd]);
      lineStart = -1;
      lineWidth = 0;
    };
    for (const [aStart, aEnd] of atoms) {
      const contentEnd = trimEnd(text, aStart, aEnd);
      const w = this.widthOf(text, keys, aStart, contentEnd, style.size);
      const full = contentEnd === aEnd ? w : w + this.widthOf(text, keys, contentEnd, aEnd, style.size);
      if (lineStart >= 0 && lineWidth + w > maxWidth) close();
      if (lineStart < 0 && w > maxWidth) {
        // A word wider than the line: cut it between characters.
        let pieceStart = aStart;
        let pieceWidth = 0;
        for (let i = aStart; i < contentEnd; ) {
          const step = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
          const cw = this.widthOf(text, keys, i, i + step, style.size);
          if (pieceWidth + cw > maxWidth && i > pieceStart) {
            ranges.push([pieceStart, i]);
            pieceStart = i;
            pieceWidth = 0;
          }
          pieceWidth += cw;
          i += step;
        }
        lineStart = pieceStart;
        lineEnd = aEnd;
        lineWidth = pieceWidth + (full - w);
        continue;
      }
      if (lineStart < 0) lineStart = aStart;
      lineEnd = aEnd;
      lineWidth += full;
    }
    close();
    return ranges.map(([s, e]) => this.buildLine(text, keys, embedding, s, trimEnd(text, s, e), style.size, rtl));
  }

  private buildLine(text: string, keys: FontKey[], embedding: EmbeddingLevels, start: number, end: number, size: number, rtl: boolean): Line {
    const levels = embedding.levels;
    // Runs of one level and one font, in logical order.
    // Bidi controls (isolates around phone numbers…) have done their work in the levels; they are not drawn.
    const segments: Array<{ text: string; level: number; key: FontKey }> = [];
    for (let i = start; i < end; i += 1) {
      const ch = text[i] as string;
      if (BIDI_CONTROLS.test(ch)) continue;
      const level = levels[i] ?? 0;
      const key = keys[i] as FontKey;
      const shown = level % 2 === 1 ? (MIRRORS.get(ch) ?? ch) : ch;
      const last = segments[segments.length - 1];
      if (last && last.level === level && last.key === key) last.text += shown;
      else segments.push({ text: shown, level, key });
    }
    // Rule L2: from the highest level down to the lowest odd one, reverse every
    // sequence of runs at that level or higher.
    const maxLevel = Math.max(0, ...segments.map((s) => s.level));
    const minOdd = Math.min(...segments.map((s) => (s.level % 2 === 1 ? s.level : s.level + 1)));
    for (let level = maxLevel; level >= minOdd && level > 0; level -= 1) {
      for (let i = 0; i < segments.length; ) {
        if ((segments[i]?.level ?? 0) >= level) {
          let j = i;
          while (j < segments.length && (segments[j]?.level ?? 0) >= level) j += 1;
          const reversed = segments.slice(i, j).reverse();
          segments.splice(i, j - i, ...reversed);
          i = j;
        } else i += 1;
      }
    }
    const runs: Run[] = segments.map((s) => {
      const runRtl = s.level % 2 === 1;
      const shaped = this.shape(s.key, s.text, runRtl);
      return { font: s.key, glyphs: shaped.glyphs, rtl: runRtl, width: (shaped.advance * size) / this.unitsPerEm(s.key) };
    });
    return { runs, width: runs.reduce((sum, r) => sum + r.width, 0), size, rtl };
  }

  /**
   * The glyph's number in the font subset, with the letters it stands for in
   * the ToUnicode map. pdfkit keeps one entry per glyph, so a glyph that must
   * stand for other letters here (a mirrored bracket, a space that is a
   * no-break space) is added to the subset a second time under a new number.
   */
  private glyphFor(font: PdfFont, glyphId: number, advanceWidth: number, letters: number[]): number {
    const gid = font.subset.includeGlyph(glyphId);
    const known = font.unicode[gid];
    if (known == null) {
      font.unicode[gid] = letters;
      font.widths[gid] = advanceWidth * font.scale;
      return gid;
    }
    if (known.length === letters.length && known.every((c, i) => c === letters[i])) return gid;
    let clones = this.clones.get(font);
    if (!clones) {
      clones = new Map();
      this.clones.set(font, clones);
    }
    const key = `${glyphId}:${letters.join(',')}`;
    let clone = clones.get(key);
    if (clone === undefined) {
      const subset = font.subset as unknown as { glyphs: number[] };
      subset.glyphs.push(glyphId);
      clone = subset.glyphs.length - 1;
      font.unicode[clone] = letters;
      font.widths[clone] = advanceWidth * font.scale;
      clones.set(key, clone);
    }
    return clone;
  }

  /** Draws a line with its left end at x and its baseline at y (pdfkit's top-down coordinates). */
  drawLine(line: Line, x: number, baseline: number, color = '#000000'): void {
    if (line.runs.length === 0) return;
    const doc = this.doc;
    // One write to the page for the whole line: the colour, q, the flip to PDF's bottom-up
    // coordinates, the text, Q; the same operators pdfkit's fillColor, save, transform and restore
    // write, each of which would be a write of its own (a PI draws some 2,000 lines).
    const fill = fillOperators(color);
    if (!fill) doc.fillColor(color);
    const y = doc.page.height - baseline;
    const ops: string[] = [...(fill ? [fill] : []), 'q', `1 0 0 -1 0 ${pdfNumber(doc.page.height)} cm`, 'BT'];
    const page = (doc as unknown as { page: { fonts: Record<string, unknown> } }).page;
    const hints = directionHints(line);
    let penX = x;
    line.runs.forEach((run, r) => {
      const hinted = (g: PlacedGlyph, i: number, letters: number[]): number[] => {
        const hint = hints.get(`${r}:${i}`);
        if (hint === 'rlm-around') return [0x200f, ...letters, 0x200f];
        if (hint === 'rlm-after') return [...letters, 0x200f];
        if (hint === 'lrm-after') return [...letters, 0x200e];
        if (hint === 'lrm-before') return [0x200e, ...letters];
        return letters;
      };
      const font = this.pdfFont(run.font);
      if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
      const upem = this.unitsPerEm(run.font);
      const scale = line.size / upem;
      ops.push(`/${font.id} ${num(line.size)} Tf`);
      // Glyphs that need their own position: marks, offsets, ligatures standing for several letters.
      const special = run.glyphs.some((g) => g.xOffset !== 0 || g.yOffset !== 0 || (run.rtl && g.codePoints.length > 1));
      if (!special) {
        const tj: string[] = [];
        run.glyphs.forEach((g, i) => {
          tj.push(`<${hex4(this.glyphFor(font, g.id, g.advanceWidth, hinted(g, i, run.rtl ? g.codePoints.map(unmirror) : g.codePoints)))}>`);
          const kern = g.advance - g.advanceWidth;
          if (kern !== 0) tj.push(num((-kern * 1000) / upem));
        });
        ops.push(`1 0 0 1 ${num(penX)} ${num(y)} Tm [${tj.join(' ')}] TJ`);
        penX += run.width;
        return;
      }
      // One glyph at a time, marks in fontkit's order (before their base in a
      // right-to-left run, where readers look for them).
      run.glyphs.forEach((g, i) => {
        const extras = run.rtl && g.codePoints.length > 1 && g.codePoints.some(isArabic) ? g.codePoints.slice(1) : [];
        const letters = hinted(g, i, extras.length > 0 ? g.codePoints.slice(0, 1) : run.rtl ? g.codePoints.map(unmirror) : g.codePoints);
        // The other letters of a right-to-left ligature, as invisible and
        // nearly zero-width text at its left edge (where a right-to-left
        // reader comes to them last), so copy gives every letter in order.
        extras.forEach((cp, k) => {
          const eg = font.font.glyphForCodePoint(cp);
          const ex = penX + (g.advance * scale * (extras.length - 1 - k)) / (extras.length + 1);
          ops.push(`3 Tr 1 Tz 1 0 0 1 ${num(ex)} ${num(y)} Tm <${hex4(this.glyphFor(font, eg.id, eg.advanceWidth, [cp]))}> Tj 100 Tz 0 Tr`);
        });
        ops.push(`1 0 0 1 ${num(penX + g.xOffset * scale)} ${num(y + g.yOffset * scale)} Tm <${hex4(this.glyphFor(font, g.id, g.advanceWidth, letters))}> Tj`);
        penX += g.advance * scale;
      });
    });
    ops.push('ET', 'Q');
    doc.addContent(ops.join('\n'));
  }

}

const fillOps = new Map<string, string>();

/** pdfkit's fill operators for a #rrggbb colour ("/DeviceRGB cs", "r g b scn", as it writes them); null for other colours. */
function fillOperators(color: string): string | null {
  let ops = fillOps.get(color);
  if (ops === undefined) {
    if (!/^#[0-9a-f]{6}$/i.test(color)) return null;
    const hex = parseInt(color.slice(1), 16);
    ops = `/DeviceRGB cs\n${[hex >> 16, (hex >> 8) & 0xff, hex & 0xff].map((part) => part / 255).join(' ')} scn`;
    fillOps.set(color, ops);
  }
  return ops;
}

/** A number as pdfkit writes one (PDFObject.number: six decimals at most). */
function pdfNumber(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function hex4(gid: number): string {
  return gid.toString(16).padStart(4, '0');
}

function num(n: number): string {
  return (Math.round(n * 1000) / 1000).toString();
}

function isArabicText(text: string): boolean {
  return /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]/.test(text);
}
