import type { FontKey } from './fonts';

/** The parts of fontkit and pdfkit the text layer (text.ts) uses, and the lines it lays out. */
export interface FkGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
export interface FkPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}
export interface FkRun {
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

export interface PlacedGlyph {
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
