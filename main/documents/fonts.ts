import fs from 'node:fs';
import { create as openFont } from 'fontkit';
import { appPath } from '../paths/appRoot';
import { readTablesDirectly } from './fontTables';
import { cacheLayouts, type LayoutFont } from './layoutCache';

/**
 * Fonts that ship with the app (whole TTF files from npm packages, subset into
 * each PDF): Noto Sans for Latin and Cyrillic, Noto Sans SC for Chinese, and
 * IBM Plex Sans Arabic for Arabic.
 *
 * Why IBM Plex Sans Arabic and not Noto Sans Arabic: Noto's Arabic fonts draw
 * the dots as separate mark glyphs on shared dotless letter bodies (ق is ٯ plus
 * two dots, ف the same body plus one), so a PDF's glyph→Unicode map cannot tell
 * the letters apart and copied text comes out wrong (رفم for رقم). Plex has one
 * glyph per letter form; its only multi-letter glyphs are the lam-alef
 * ligatures, which the text layer (text.ts) maps letter by letter.
 */
export type Script = 'latin' | 'cjk' | 'arabic';
export type FontKey = Script | `${Script}-bold`;

function expoFont(pkg: string, family: string, weight: '400Regular' | '700Bold'): string {
  return appPath('node_modules', '@expo-google-fonts', pkg, weight, `${family}_${weight}.ttf`);
}

export const FONT_FILES: Record<Script, { regular: string; bold: string }> = {
  latin: { regular: expoFont('noto-sans', 'NotoSans', '400Regular'), bold: expoFont('noto-sans', 'NotoSans', '700Bold') },
  cjk: { regular: expoFont('noto-sans-sc', 'NotoSansSC', '400Regular'), bold: expoFont('noto-sans-sc', 'NotoSansSC', '700Bold') },
  arabic: {
    regular: expoFont('ibm-plex-sans-arabic', 'IBMPlexSansArabic', '400Regular'),
    bold: expoFont('ibm-plex-sans-arabic', 'IBMPlexSansArabic', '700Bold'),
  },
};

export const SCRIPTS: Script[] = ['latin', 'cjk', 'arabic'];

export function fontKey(script: Script, bold: boolean): FontKey {
  return bold ? `${script}-bold` : script;
}

export function fontFile(key: FontKey): string {
  const [script, weight] = key.split('-') as [Script, string | undefined];
  return weight === 'bold' ? FONT_FILES[script].bold : FONT_FILES[script].regular;
}

/** The smallest surface of pdfkit a font registration needs (keeps this file free of pdfkit types). */
interface RegistersFonts {
  registerFont(name: string, src: string): unknown;
}

const opened = new Map<FontKey, unknown>();
const FONTKIT_VERSION = '2.0.4';

/**
 * The font, parsed once per process: the Chinese font alone is 10 MB, and
 * fontkit decodes its tables lazily and keeps them, so every document after the
 * first reuses that work. pdfkit takes a fontkit font as a font source and
 * makes a fresh subset of it for each document. Its layouts come from the
 * disk cache of layoutCache.ts when the door has set one, so a new process
 * does not shape (or parse the shaping tables for) what was printed before.
 */
export function loadedFont(key: FontKey): unknown {
  let font = opened.get(key);
  if (!font) {
    const file = fontFile(key);
    font = lettersPerRequest(openFont(fs.readFileSync(file)) as unknown as GlyphSource);
    readTablesDirectly(font);
    featuresCopiedPerLayout(font as unknown as LayoutFont);
    cacheLayouts(font as unknown as LayoutFont, file, FONTKIT_VERSION);
    opened.set(key, font);
  }
  return font;
}

/**
 * fontkit writes every feature it applies into the features object a layout is given: a shared
 * object ({ kern: false } for Arabic) grew with each run shaped, left-to-right alternates and
 * fraction features included, so later runs were shaped, and looked up in the layout cache, with
 * other features than the first, by what the process had shaped before
 * (tests/integration/documents-cold.test.ts). fontkit gets a copy; the caller's object stays as it is.
 */
function featuresCopiedPerLayout(font: LayoutFont): void {
  const shape = font.layout.bind(font);
  font.layout = (text, features, ...rest) =>
    shape(text, features && typeof features === 'object' && !Array.isArray(features) ? { ...(features as object) } : features, ...rest);
}

interface GlyphLike {
  codePoints: number[];
}
interface GlyphSource {
  getGlyph(id: number, codePoints?: number[]): GlyphLike;
}

/**
 * fontkit keeps one glyph object per glyph id with the letters of the first
 * request: a glyph first made without letters (a part of a composite glyph
 * while a PDF subset is written, a presentation form looked up by its own code
 * point) keeps them for every later layout, and the PDF's ToUnicode map then
 * says that glyph stands for nothing ("حقيبة ظ ر مدرسية": the medial heh lost).
 * Each request gets the letters it asked for, on a view of the same glyph.
 */
function lettersPerRequest(font: GlyphSource): GlyphSource {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id: number, codePoints: number[] = []) => {
    const glyph = getGlyph(id, codePoints);
    if (codePoints.length === 0 || (glyph.codePoints.length === codePoints.length && glyph.codePoints.every((c, i) => c === codePoints[i]))) return glyph;
    return Object.create(glyph as object, { codePoints: { value: [...codePoints], enumerable: true } }) as GlyphLike;
  };
  return font;
}

/** Whether this process has opened the font (tests: a document opens only the fonts its scripts need). */
export function isFontLoaded(key: FontKey): boolean {
  return opened.has(key);
}

/**
 * Registers every font under `latin`, `latin-bold`, `cjk`, `cjk-bold`,
 * `arabic`, `arabic-bold`; each is read and parsed only when the document
 * first uses it (an English PI never opens the Arabic fonts).
 */
export function registerFonts(doc: RegistersFonts): void {
  const registered = (doc as unknown as { _registeredFonts?: Record<string, { src: unknown }> })._registeredFonts;
  for (const script of SCRIPTS) {
    for (const bold of [false, true]) {
      const key = fontKey(script, bold);
      doc.registerFont(key, key);
      // pdfkit 0.20 (pinned) keeps { src, family } per name and reads src when the font is first chosen.
      const entry = registered?.[key];
      if (entry) Object.defineProperty(entry, 'src', { get: () => loadedFont(key), enumerable: true, configurable: true });
      else doc.registerFont(key, loadedFont(key) as string);
    }
  }
}

/** Arabic letters (all Arabic blocks and presentation forms). */
export function isArabic(cp: number): boolean {
  return (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x08a0 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff);
}

/** CJK ideographs, kana, CJK punctuation and full-width forms. */
export function isCjk(cp: number): boolean {
  return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x2fa1f);
}

/**
 * Which font a character asks for: Arabic, CJK, or Latin/Cyrillic; null for
 * neutral characters (spaces, digits, common punctuation), which take the font
 * of their neighbours so that a run is not cut at every space.
 */
export function scriptOf(char: string): Script | null {
  const cp = char.codePointAt(0) ?? 0;
  if (isArabic(cp)) return 'arabic';
  if (isCjk(cp)) return 'cjk';
  if (cp <= 0x40 || (cp >= 0x5b && cp <= 0x60) || (cp >= 0x7b && cp <= 0xbf) || (cp >= 0x2000 && cp <= 0x206f)) return null;
  return 'latin';
}
