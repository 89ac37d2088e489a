import { describe, expect, it } from 'vitest';
import { bilingualFormatter, formatter } from '../../main/documents/format';
import { label } from '../../main/documents/catalog';
import { DOC_LANGS } from '../../main/documents/model';
import { unitName } from '../../main/documents/render';

describe('numbers, units and dates of the documents', () => {
  it('groups thousands from four digits in Spanish and Portuguese, as in the other languages', () => {
    expect(formatter('es').money('6783.50')).toBe('6.783,50');
    expect(formatter('pt').money('6783.50')).toBe('6\u00a0783,50');
    expect(formatter('es').int(1200)).toBe('1.200');
    expect(formatter('en').money('6783.50')).toBe('6,783.50');
    expect(formatter('ru').money('6783.50')).toBe('6\u00a0783,50');
    expect(formatter('es').money('783.50')).toBe('783,50');
  });

  it.each(DOC_LANGS)('%s: a box (the unit) and a carton (the outer packing) are different words', (lang) => {
    const box = unitName('box', lang).toLowerCase();
    const stem = (w: string) => w.toLowerCase().replace(/[^\p{L}]/gu, '').slice(0, 3);
    for (const carton of [label('trade', lang, 'cartons'), label('trade', lang, 'pcsPerCarton').split('/')[1] ?? '']) {
      expect(stem(carton), `${box} / ${carton}`).not.toBe(stem(box));
    }
  });

  it('a bilingual document writes figures as English does and dates in both languages', () => {
    const f = bilingualFormatter('es');
    expect(f.money('6783.50')).toBe('6,783.50');
    expect(f.date('2026-11-29')).toBe('29 November 2026 / \u206829 de noviembre de 2026\u2069');
  });
});
