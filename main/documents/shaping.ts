import { fontKey, loadedFont, SCRIPTS, type Script } from './fonts';
import type { FkFont, PlacedGlyph } from './textTypes';

/** Shaped runs by font, direction and text, shared by all documents (fonts are shared too, fonts.ts). */
export const shapeCache = new Map<string, { glyphs: PlacedGlyph[]; advance: number }>();
export const SHAPE_CACHE_MAX = 50_000;

/**
 * IBM Plex Sans Arabic kerns some letters by moving them (ر after ي): text
 * extractors read such a gap as a space between letters of one word. Frozen:
 * fontkit gets a copy of it (fonts.ts, featuresCopiedPerLayout).
 */
export const NO_ARABIC_KERN = Object.freeze({ kern: false }) as unknown as string[];

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
