import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedCount } from '../../renderer/src/firstView/count';
import { isFirstViewLanguage } from '../../renderer/src/firstView/catalog';

describe('the first view\'s product count', () => {
  it('is written as toLocaleString writes it in each first-view language', () => {
    for (const language of ['en', 'zh-CN']) {
      expect(isFirstViewLanguage(language)).toBe(true);
      fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (n) => groupedCount(n) === n.toLocaleString(language)));
      for (const n of [0, 7, 999, 1000, 100_000, 1_234_567]) expect(groupedCount(n)).toBe(n.toLocaleString(language));
    }
  });
});
