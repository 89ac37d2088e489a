import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bidi, embeddingLevels } from '../../main/documents/bidi';

/** Characters a document's text is made of: Latin, digits and signs, Chinese, Cyrillic, Arabic and Hebrew, marks, isolates, separators. */
const PIECES = ['a', 'Z', 'é', ' ', '\u00a0', '1', '0', '9', '+', '-', '−', '.', ',', ':', '%', '×', '(', ')', '[', '/', '#', '车', '水', '杯', 'Д', 'ж', '—', '€', '$',
  'ب', 'م', '١', '٪', 'ש', '\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\n', '\u2029', '\u0085', '\ud802\udc00', '😀'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));
const latinText = fc.array(fc.constantFrom(...PIECES.slice(0, 29)), { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''));
const base = fc.constantFrom('ltr' as const, 'rtl' as const, 'auto' as const);
/** Left-to-right isolates (item numbers, figures) in Latin, Chinese and Cyrillic text, with every kind of space and the characters the algorithm sets aside. */
const ISOLATED = [...PIECES.slice(0, 29), '\u2066', '\u2068', '\u2069', '\u2066', '\u2069', '\t', '\u2003', '\u3000', '\u000c', '\u200b', '\u00ad', '\u200d', '\u0001', '\u2067'];
const isolatedText = fc.array(fc.constantFrom(...ISOLATED), { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''));
const deepIsolates = fc.integer({ min: 55, max: 70 }).map((n) => `${'\u2066a '.repeat(n)}1${'\u2069'.repeat(n - 3)}`);

const plain = (levels: ReturnType<typeof embeddingLevels>) => ({ levels: [...levels.levels], paragraphs: levels.paragraphs.map((p) => ({ ...p })) });

describe('embedding levels', () => {
  it('are the same as bidi-js gives for any mix of scripts, digits, controls and separators', () => {
    fc.assert(fc.property(text, base, (t, b) => {
      expect(plain(embeddingLevels(t, b))).toEqual(plain(bidi.getEmbeddingLevels(t, b)));
    }), { numRuns: 3000 });
  });

  it('are the same as bidi-js gives for left-to-right and first-strong isolates in Latin, Chinese and Cyrillic text (the quick answer with isolates)', () => {
    fc.assert(fc.property(isolatedText, fc.constantFrom('ltr' as const, 'auto' as const, 'rtl' as const), (t, b) => {
      expect(plain(embeddingLevels(t, b))).toEqual(plain(bidi.getEmbeddingLevels(t, b)));
    }), { numRuns: 4000 });
  });

  it('are the same as bidi-js gives for isolates nested deeper than the quick answer goes', () => {
    fc.assert(fc.property(deepIsolates, fc.constantFrom('ltr' as const, 'auto' as const), (t, b) => {
      expect(plain(embeddingLevels(t, b))).toEqual(plain(bidi.getEmbeddingLevels(t, b)));
    }), { numRuns: 30 });
  });

  it('are the same as bidi-js gives for Latin, Chinese and Cyrillic text with digits and signs (the quick answer)', () => {
    fc.assert(fc.property(latinText, fc.constantFrom('ltr' as const, 'auto' as const), (t, b) => {
      expect(plain(embeddingLevels(t, b))).toEqual(plain(bidi.getEmbeddingLevels(t, b)));
    }), { numRuns: 3000 });
  });
});
