import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { findRun, openLayoutCache, saveRuns } from '../../db/layoutCache';
import { decodeRun, encodeRun, flushLayoutCache, layoutCacheStats, layoutRun, setLayoutCacheDir, type LaidOut, type LayoutFont } from '../../main/documents/layoutCache';
import { loadedFont } from '../../main/documents/fonts';
import { tempDir } from '../helpers/tempCore';

/** The layout cache's SQLite file (db/layoutCache.ts) on a real file in a temp folder, and the runs as stored. */
const work = tempDir('sk-layout-db-');
afterAll(() => work.remove());

const bytes = (text: string) => text;
const read = (value: string | undefined) => value ?? null;

describe('the layout cache file', () => {
  it('finds a run by its font and key, and nothing under another font', () => {
    const db = openLayoutCache(path.join(work.dir, 'a.sqlite'));
    saveRuns(db, 'NotoSans-1-2-fontkit2.0.4', [['["Toy car",null,null,null,null]', bytes('run')]], 100);
    expect(read(findRun(db, 'NotoSans-1-2-fontkit2.0.4', '["Toy car",null,null,null,null]'))).toBe('run');
    expect(findRun(db, 'NotoSans-1-3-fontkit2.0.4', '["Toy car",null,null,null,null]')).toBeUndefined();
    db.close();
  });

  it('keeps the newest runs of a font past its limit, and the runs of other fonts', () => {
    const db = openLayoutCache(path.join(work.dir, 'b.sqlite'));
    saveRuns(db, 'other', [['x', bytes('x')]], 3);
    saveRuns(db, 'latin', ['a', 'b', 'c'].map((k) => [k, bytes(k)] as [string, string]), 3);
    saveRuns(db, 'latin', ['d', 'e'].map((k) => [k, bytes(k)] as [string, string]), 3);
    expect(['a', 'b', 'c', 'd', 'e'].map((k) => read(findRun(db, 'latin', k)))).toEqual([null, null, 'c', 'd', 'e']);
    expect(read(findRun(db, 'other', 'x'))).toBe('x');
    db.close();
  });

  it('keeps a run another process wrote first, and is read by a second connection while one is open', () => {
    const file = path.join(work.dir, 'c.sqlite');
    const core = openLayoutCache(file);
    const cli = openLayoutCache(file);
    saveRuns(cli, 'latin', [['k', bytes('from the command line')]], 10);
    saveRuns(core, 'latin', [['k', bytes('from the core')], ['j', bytes('j')]], 10);
    expect(read(findRun(core, 'latin', 'k'))).toBe('from the command line');
    expect(read(findRun(cli, 'latin', 'j'))).toBe('j');
    core.close();
    cli.close();
  });
});

describe('a font opened before the cache folder is set', () => {
  it('has its runs kept in the cache, and found there, once the folder is set', () => {
    setLayoutCacheDir(null);
    const font = loadedFont('latin') as LayoutFont;
    setLayoutCacheDir(path.join(work.dir, 'late'));
    try {
      const before = layoutCacheStats();
      layoutRun(font, 'Sunglasses UV400 late-set', undefined, undefined, undefined, 'ltr');
      flushLayoutCache();
      const again = layoutRun(font, 'Sunglasses UV400 late-set', undefined, undefined, undefined, 'ltr');
      expect(layoutCacheStats()).toEqual({ hits: before.hits + 1, misses: before.misses + 1 });
      expect(again.letters.flat().length).toBe('Sunglasses UV400 late-set'.length);
    } finally {
      setLayoutCacheDir(null);
    }
  });
});

const glyph = fc.record({
  id: fc.integer({ min: 0, max: 65_535 }),
  advance: fc.integer({ min: -2000, max: 4000 }),
  advanceWidth: fc.integer({ min: 0, max: 4000 }),
  // JSON writes -0 as 0 (drawn the same): offsets are generated without it.
  xOffset: fc.oneof(fc.integer({ min: -500, max: 500 }), fc.double({ min: -500, max: 500, noNaN: true }).map((v) => v + 0)),
  yOffset: fc.integer({ min: -500, max: 500 }),
  letters: fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 4 }),
});
const run = fc.array(glyph, { maxLength: 40 }).map((glyphs): LaidOut => ({
  ids: glyphs.map((g) => g.id),
  advances: glyphs.map((g) => g.advance),
  advanceWidths: glyphs.map((g) => g.advanceWidth),
  xOffsets: glyphs.map((g) => g.xOffset),
  yOffsets: glyphs.map((g) => g.yOffset),
  letters: glyphs.map((g) => g.letters),
}));

describe('a run as stored', () => {
  it('reads back as the run it was (ids, advances, offsets, letters), through the cache file too', () => {
    const db = openLayoutCache(path.join(work.dir, 'd.sqlite'));
    fc.assert(fc.property(run, (r) => {
      expect(decodeRun(encodeRun(r))).toEqual(r);
      saveRuns(db, 'f', [['k', encodeRun(r)]], 10);
      db.prepare('DELETE FROM runs').run();
      saveRuns(db, 'f', [['k', encodeRun(r)]], 10);
      expect(decodeRun(findRun(db, 'f', 'k'))).toEqual(r);
    }), { numRuns: 300 });
    db.close();
  });

  it('is not taken for a run when it is cut, has a column of another length, or is not text', () => {
    const whole = encodeRun({ ids: [1, 2], advances: [500, 600], advanceWidths: [500, 600], xOffsets: [0, 0], yOffsets: [0, 0], letters: [[84], [111, 121]] });
    expect(decodeRun(whole)?.letters).toEqual([[84], [111, 121]]);
    expect(decodeRun(whole.slice(0, -3))).toBeNull();
    expect(decodeRun(whole.replace('[500,600]', '[500]'))).toBeNull();
    expect(decodeRun('[[1],[2],[3]]')).toBeNull();
    expect(decodeRun(Buffer.from(whole))).toBeNull();
  });
});
