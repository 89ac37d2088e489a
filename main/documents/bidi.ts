import bidiFactory, { type EmbeddingLevels } from 'bidi-js';
import type { BaseDirection, Line, PlacedGlyph, Run } from './textTypes';

/** The bidi side of the text layer: the algorithm (bidi-js), isolates, mirrored brackets, and marks for text extractors. */
export const bidi = bidiFactory();

/** Explicit bidi formatting characters (embeddings, overrides, isolates, marks). */
export const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

export const BIDI_CONTROLS_ALL = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

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

export const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * What can give a character of a paragraph a level other than 0: right-to-left letters and Arabic
 * digits (RTL_LETTER, and the supplementary planes' right-to-left blocks), bidi controls
 * (BIDI_CONTROLS), paragraph separators. Text with none of them (item names, figures, English and
 * Chinese labels: most of a document) is all at level 0 in a left-to-right or auto paragraph, by
 * the algorithm's own rules (W7 turns European digits after sos L into L).
 */
const MAY_NEED_BIDI = new RegExp(`${RTL_LETTER.source}|${BIDI_CONTROLS.source}|[\\n\\r\\x1c-\\x1e\\x85\\u2029\\u{10800}-\\u{10fff}\\u{1e800}-\\u{1efff}]`, 'u');

/**
 * Beyond MAY_NEED_BIDI, what the left-to-right isolates' quick answer (ltrIsolateLevels) does not
 * cover: a right-to-left isolate, segment separators (tab) and the characters the algorithm sets
 * aside (X9: zero-width spaces and joiners, soft hyphens, C0 and C1 controls).
 */
const NOT_LTR_ISOLATES = new RegExp(`${RTL_LETTER.source}|[\u200e\u200f\u061c\u202a-\u202e\u2067]|[\n\r\x1c-\x1e\x85\u2029\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]|[\t\x0b\x1f]|[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u180e\u200b-\u200d\u2060-\u2064\u206a-\u206f\ufeff]`, 'u');
const LTR_ISOLATES = /[\u2066\u2068\u2069]/;
/** Bidi class WS, and the isolate controls: what rule L1 sets back to the paragraph's level at its end. */
const TRAILING_RESET = /[ \f\u1680\u2000-\u200a\u2028\u205f\u3000\u2066-\u2069]/;

/**
 * Levels of a left-to-right paragraph with no right-to-left letter whose only controls are
 * left-to-right or first-strong isolates (ltrIsolate around item numbers and figures: most cells of
 * a PI). With nothing right to left, a first-strong isolate is a left-to-right one and every
 * character is at twice its isolate depth; an initiator and its PDI stay outside; L1 sets
 * whitespace and isolate controls at the end back to 0. Null where the nesting is deeper than this
 * answer goes.
 */
function ltrIsolateLevels(text: string): Uint8Array | null {
  const levels = new Uint8Array(text.length);
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit === 0x2066 || unit === 0x2068) {
      levels[i] = depth * 2;
      depth += 1;
      if (depth > 60) return null;
    } else {
      if (unit === 0x2069 && depth > 0) depth -= 1;
      levels[i] = depth * 2;
    }
  }
  for (let i = text.length - 1; i >= 0 && TRAILING_RESET.test(text[i] as string); i -= 1) levels[i] = 0;
  return levels;
}

/**
 * The embedding levels of a paragraph, as bidi-js gives them; at once for left-to-right text with
 * no right-to-left letter: all 0, or set by its left-to-right isolates (the algorithm cost ≈40 ms of
 * a cold 100-line PI, nearly all on such text). tests/unit/bidi-levels.test.ts holds the quick
 * answers to bidi-js's.
 */
export function embeddingLevels(text: string, base: BaseDirection): EmbeddingLevels {
  if (text !== '' && base !== 'rtl') {
    const whole = { start: 0, end: text.length - 1, level: 0 };
    if (!MAY_NEED_BIDI.test(text)) return { levels: new Uint8Array(text.length), paragraphs: [whole] };
    if (LTR_ISOLATES.test(text) && !NOT_LTR_ISOLATES.test(text)) {
      const levels = ltrIsolateLevels(text);
      if (levels) return { levels, paragraphs: [whole] };
    }
  }
  return bidi.getEmbeddingLevels(text, base);
}

/**
 * Runs that read left to right whatever surrounds them: a number with its sign, separators and
 * percent ("+4.0", "1:18", "10,000", "62×40×45", "30%", "+86 138 5792 6688"), and a bracketed
 * Latin abbreviation ("(E.&O.E.)", "(USD)"). Not inside a word ("A5", "HW-2301" stay as they are).
 */
export const LTR_RUN = /\((?=[^()\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]*\p{Script=Latin})[^()\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u2066-\u2069]*\)|(?<![\p{L}\p{N}.,/-])[+\-−±]?\d+(?:[.,:/×x\-–]\d+)*(?: \d+(?:[.,:/×\-–]\d+)*)*[%٪]?/gu;

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
export function unmirror(cp: number): number {
  const twin = MIRRORS.get(String.fromCodePoint(cp));
  return twin ? (twin.codePointAt(0) ?? cp) : cp;
}
export const MIRRORS = new Map<string, string>([
  ['(', ')'], [')', '('], ['[', ']'], [']', '['], ['{', '}'], ['}', '{'], ['<', '>'], ['>', '<'],
  ['«', '»'], ['»', '«'], ['（', '）'], ['）', '（'], ['‹', '›'], ['›', '‹'],
]);

export type Hint = 'rlm-around' | 'rlm-after' | 'lrm-after' | 'lrm-before';

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
export function directionHints(line: Line): Map<string, Hint> {
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

export function isNeutralGlyph(g: PlacedGlyph): boolean {
  return g.codePoints.length > 0 && /^[\p{White_Space}\p{P}\p{S}]+$/u.test(String.fromCodePoint(...g.codePoints));
}

export function isSpaceGlyph(g: PlacedGlyph): boolean {
  return g.codePoints.length > 0 && /^\p{White_Space}+$/u.test(String.fromCodePoint(...g.codePoints));
}
