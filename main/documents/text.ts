import bidiFactory, { type EmbeddingLevels } from 'bidi-js';
import { fontKey, isArabic, isCjk, loadedFont, scriptOf, SCRIPTS, type FontKey, type Script } from './fonts';

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
 */

// ---- the parts of fontkit and pdfkit this layer uses --------------------------

export interface FkGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface FkPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface FkRun {
  glyphs: FkGlyph[];
  positions: FkPosition[];
}
export interface FkFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  layout(text: string, features?: string[], script?: string, language?: string, direction?: 'ltr' | 'rtl'): FkRun;
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): FkGlyph;
}
/** pdfkit's EmbeddedFont (pdfkit 0.20, pinned): the subset, widths and ToUnicode entries it writes at the end. */
export interface PdfFont {
  id: string;
  font: FkFont;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
  ref(): unknown;
}
/** The surface of a pdfkit document this layer draws with. */
export interface TextDoc {
  font(name: string): unknown;
  save(): unknown;
  restore(): unknown;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): unknown;
  fillColor(color: string): unknown;
  addContent(data: string): unknown;
  page: { height: number };
}

// ---- shaped text ----------------------------------------------------------------

export interface TextStyle {
  size: number;
  bold?: boolean;
}

export type BaseDirection = 'ltr' | 'rtl' | 'auto';

interface PlacedGlyph {
  id: number;
  /** Advance in font units. */
  advance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
  codePoints: number[];
}

export interface Run {
  font: FontKey;
  glyphs: PlacedGlyph[];
  rtl: boolean;
  /** Width in points at the line's size. */
  width: number;
}

export interface Line {
  runs: Run[];
  width: number;
  size: number;
  /** The paragraph's resolved direction. */
  rtl: boolean;
}

export const LINE_HEIGHT = 1.28;
/** Baseline below the top of a line, as a fraction of the size. */
export const BASELINE = 0.98;

const NO_LINE_START = new Set([...'，。、；：？！）」』】〉》〕…％‰·,.;:!?)]}%']);
const NO_LINE_END = new Set([...'（「『【〈《〔([{']);

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000';
}

const bidi = bidiFactory();

/** Shaped runs by font, direction and text, shared by all documents (fonts are shared too, fonts.ts). */
const shapeCache = new Map<string, { glyphs: PlacedGlyph[]; advance: number }>();
const SHAPE_CACHE_MAX = 50_000;

/**
 * Parses the fonts and the shaping tables documents use, so that the first
 * document printed after the app starts is as fast as the next ones. Call it
 * once, when the app is idle after start.
 */
/** Warms the fonts up once the app has started and is idle (does not keep the process alive). */
export function warmUpFontsSoon(delayMs = 4000): void {
  const timer = setTimeout(() => {
    try {
      warmUpFonts();
    } catch (error) {
      console.error('[documents] font warm-up failed:', error);
    }
  }, delayMs);
  timer.unref();
}

export function warmUpFonts(): void {
  const samples: Record<Script, string> = {
    latin: 'Proforma Invoice 1,234.56 Ёё Щщ àéç ñ õ',
    cjk: '形式发票单价金额数量箱数毛重净重颜色备注',
    arabic: 'فاتورة مبدئية سعر الوحدة الكمية لا إلى',
  };
  for (const script of SCRIPTS) {
    for (const bold of [false, true]) {
      const font = loadedFont(fontKey(script, bold)) as FkFont;
      font.layout(samples[script], script === 'arabic' ? NO_ARABIC_KERN : undefined, script === 'arabic' ? 'arab' : undefined, undefined, script === 'arabic' ? 'rtl' : 'ltr');
    }
  }
}

/** Explicit bidi formatting characters (embeddings, overrides, isolates, marks). */
const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

const BIDI_CONTROLS_ALL = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/** Wraps text in a left-to-right isolate: phone numbers, sizes and codes keep their order inside Arabic text. */
export function ltrIsolate(text: string): string {
  return text === '' ? '' : `\u2066${text}\u2069`;
}

/** A short label never breaks across lines ("وي تشات", "Account No."): its spaces become no-break spaces. */
export function noBreak(label: string): string {
  return label.replace(/ /g, '\u00a0');
}

/** Wraps text in a first-strong isolate: an Arabic address inside an English line keeps its own order, and the reverse. */
export function autoIsolate(text: string): string {
  return text === '' ? '' : `\u2068${text}\u2069`;
}

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
/**
 * Runs that read left to right whatever surrounds them: a number with its sign, separators and
 * percent ("+4.0", "1:18", "10,000", "62×40×45", "30%", "+86 138 5792 6688"), and a bracketed
 * Latin abbreviation ("(E.&O.E.)", "(USD)"). Not inside a word ("A5", "HW-2301" stay as they are).
 */
const LTR_RUN = /\((?=[^()\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]*\p{Script=Latin})[^()\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u2066-\u2069]*\)|(?<![\p{L}\p{N}.,/-])[+\-−±]?\d+(?:[.,:/×x\-–]\d+)*(?: \d+(?:[.,:/×\-–]\d+)*)*[%٪]?/gu;

/**
 * In a paragraph with right-to-left letters, every number run and bracketed Latin abbreviation
 * becomes a left-to-right isolate, so a sign stays in front of its number ("+4.0", not "4.0+") and
 * "(E.&O.E.)" keeps its brackets and dots where they were typed. Text already inside an isolate is
 * left alone.
 */
export function isolateRuns(text: string): string {
  if (!RTL_LETTER.test(text)) return text;
  let out = '';
  let depth = 0;
  let last = 0;
  // Only the parts outside explicit isolates are touched.
  const flush = (end: number) => {
    const piece = text.slice(last, end);
    out += depth > 0 ? piece : piece.replace(LTR_RUN, (run) => ltrIsolate(run));
    last = end;
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '\u2066' || ch === '\u2067' || ch === '\u2068') {
      flush(i);
      depth += 1;
    } else if (ch === '\u2069' && depth > 0) {
      flush(i);
      depth -= 1;
    }
  }
  flush(text.length);
  return out;
}
function unmirror(cp: number): number {
  const twin = MIRRORS.get(String.fromCodePoint(cp));
  return twin ? (twin.codePointAt(0) ?? cp) : cp;
}
const MIRRORS = new Map<string, string>([
  ['(', ')'], [')', '('], ['[', ']'], [']', '['], ['{', '}'], ['}', '{'], ['<', '>'], ['>', '<'],
  ['«', '»'], ['»', '«'], ['（', '）'], ['）', '（'], ['‹', '›'], ['›', '‹'],
]);

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
      if (!this.pdfFont(fontKey(script, bold)).font.hasGlyphForCodePoint(cp) && !isSpace(String.fromCodePoint(cp)) && !BIDI_CONTROLS.test(String.fromCodePoint(cp))) {
        script = SCRIPTS.find((s) => this.pdfFont(fontKey(s, bold)).font.hasGlyphForCodePoint(cp)) ?? script;
      }
      keys.push(fontKey(script, bold));
      if (cp > 0xffff) {
        keys.push(fontKey(script, bold));
        i += 1;
      }
    }
    return keys;
  }

  /** Shapes one run of one font and one direction (cached); glyphs come back in visual order. */
  private shape(key: FontKey, text: string, rtl: boolean): { glyphs: PlacedGlyph[]; advance: number } {
    const cacheKey = `${key}\u0000${rtl ? 1 : 0}\u0000${text}`;
    const cached = shapeCache.get(cacheKey);
    if (cached) return cached;
    const font = this.pdfFont(key).font;
    const script = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]/.test(text) ? 'arab' : undefined;
    const run = font.layout(text, script === 'arab' ? NO_ARABIC_KERN : undefined, script, undefined, rtl ? 'rtl' : 'ltr');
    let advance = 0;
    const glyphs = run.glyphs.map((g, i) => {
      const p = run.positions[i] as FkPosition;
      advance += p.xAdvance;
      return { id: g.id, advance: p.xAdvance, advanceWidth: g.advanceWidth, xOffset: p.xOffset, yOffset: p.yOffset, codePoints: g.codePoints };
    });
    const shaped = { glyphs, advance };
    if (shapeCache.size > SHAPE_CACHE_MAX) shapeCache.clear();
    shapeCache.set(cacheKey, shaped);
    return shaped;
  }

  private unitsPerEm(key: FontKey): number {
    return this.pdfFont(key).font.unitsPerEm;
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
    const embedding = bidi.getEmbeddingLevels(text, base);
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
    doc.fillColor(color);
    doc.save();
    doc.transform(1, 0, 0, -1, 0, doc.page.height);
    const y = doc.page.height - baseline;
    const ops: string[] = ['BT'];
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
      const upem = font.font.unitsPerEm;
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
    ops.push('ET');
    doc.addContent(ops.join('\n'));
    doc.restore();
  }

}

type Hint = 'rlm-around' | 'rlm-after' | 'lrm-after' | 'lrm-before';

/**
 * Text extractors that rebuild the reading order from positions (pdftotext) give every character a
 * direction of their own: spaces and punctuation where two directions meet go to the wrong side
 * ("قطيفة 30 سم" came back "قطيفة  30سم", "(E.&O.E.)" as ")(E.&O.E.", "هاتف: +86…" as "هاتف+86… :"),
 * and Arabic punctuation or a colon inside Arabic is taken for left-to-right. Such a glyph's letters
 * carry invisible marks of its own direction (RLM, LRM), which copy as nothing visible:
 * punctuation inside a right-to-left run is wrapped in RLMs; a space at the right edge of a
 * right-to-left run before a left-to-right one gets an RLM; the right edge of a left-to-right run
 * before a right-to-left one an LRM; in a left-to-right line, the first neutral after a right-to-left
 * run an LRM in front. Keys are "run:glyph" in visual order.
 */
function directionHints(line: Line): Map<string, Hint> {
  const hints = new Map<string, Hint>();
  line.runs.forEach((run, r) => {
    if (!run.rtl) return;
    run.glyphs.forEach((g, i) => {
      if (isNeutralGlyph(g) && !isSpaceGlyph(g)) hints.set(`${r}:${i}`, 'rlm-around');
    });
  });
  for (let r = 0; r + 1 < line.runs.length; r += 1) {
    const left = line.runs[r] as Run;
    const right = line.runs[r + 1] as Run;
    if (left.rtl === right.rtl) continue;
    if (line.rtl && left.rtl) {
      const i = left.glyphs.length - 1;
      const g = left.glyphs[i];
      if (g && isSpaceGlyph(g)) hints.set(`${r}:${i}`, 'rlm-after');
    } else if (line.rtl && !left.rtl) {
      const i = left.glyphs.length - 1;
      const g = left.glyphs[i];
      if (g && isNeutralGlyph(g)) hints.set(`${r}:${i}`, 'lrm-after');
    } else if (!line.rtl && left.rtl) {
      const g = right.glyphs[0];
      if (g && isNeutralGlyph(g)) hints.set(`${r + 1}:0`, 'lrm-before');
    }
  }
  return hints;
}

function isNeutralGlyph(g: PlacedGlyph): boolean {
  return g.codePoints.length > 0 && /^[\p{White_Space}\p{P}\p{S}]+$/u.test(String.fromCodePoint(...g.codePoints));
}

function isSpaceGlyph(g: PlacedGlyph): boolean {
  return g.codePoints.length > 0 && /^\p{White_Space}+$/u.test(String.fromCodePoint(...g.codePoints));
}

/**
 * IBM Plex Sans Arabic kerns some letters by moving them (ر after ي): text
 * extractors read such a gap as a space between letters of one word.
 */
const NO_ARABIC_KERN = { kern: false } as unknown as string[];
function hex4(gid: number): string {
  return gid.toString(16).padStart(4, '0');
}

function num(n: number): string {
  return (Math.round(n * 1000) / 1000).toString();
}

function isArabicText(text: string): boolean {
  return /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]/.test(text);
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(text[e - 1] as string)) e -= 1;
  return e;
}

/**
 * Splits a paragraph into unbreakable pieces ("atoms"), each keeping its
 * trailing spaces: a line may break only between atoms.
 */
export function breakAtoms(text: string): Array<[number, number]> {
  const atoms: Array<[number, number]> = [];
  let start = 0;
  let prev = '';
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    if (i > start && canBreakBetween(prev, ch, text.codePointAt(i + ch.length))) {
      atoms.push([start, i]);
      start = i;
    }
    prev = ch;
    i += ch.length;
  }
  if (start < text.length) atoms.push([start, text.length]);
  return atoms;
}

function canBreakBetween(a: string, b: string, after: number | undefined): boolean {
  if (isSpace(b)) return false;
  if (NO_LINE_START.has(b) || NO_LINE_END.has(a)) return false;
  if (isSpace(a)) return true;
  const ca = a.codePointAt(0) ?? 0;
  const cb = b.codePointAt(0) ?? 0;
  if (isCjk(ca) || isCjk(cb)) return true;
  // After a hyphen or slash inside a word ("pull-|back"), not inside a short code ("B/L", "L/C", "USB-C").
  if ((a === '-' || a === '/') && /\p{L}/u.test(b) && after !== undefined && /\p{L}/u.test(String.fromCodePoint(after))) return true;
  return false;
}
