import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRun, openLayoutCache, saveRuns } from '../../db/layoutCache';
import { tempDir } from '../helpers/tempCore';

/** The layout cache's SQLite file (db/layoutCache.ts), on a real file in a temp folder. */
const work = tempDir('sk-layout-db-');
afterAll(() => work.remove());

describe('the layout cache file', () => {
  it('finds a run by its font and key, and nothing under another font', () => {
    const db = openLayoutCache(path.join(work.dir, 'a.sqlite'));
    saveRuns(db, 'NotoSans-1-2-fontkit2.0.4', [['["Toy car",null,null,null,null]', '[[1,2],[[84],[111]],[600,0,0,0,500,0,0,0]]']], 100);
    expect(findRun(db, 'NotoSans-1-2-fontkit2.0.4', '["Toy car",null,null,null,null]')).toBe('[[1,2],[[84],[111]],[600,0,0,0,500,0,0,0]]');
    expect(findRun(db, 'NotoSans-1-3-fontkit2.0.4', '["Toy car",null,null,null,null]')).toBeUndefined();
    db.close();
  });

  it('keeps the newest runs of a font past its limit, and the runs of other fonts', () => {
    const db = openLayoutCache(path.join(work.dir, 'b.sqlite'));
    saveRuns(db, 'other', [['x', '[]']], 3);
    saveRuns(db, 'latin', ['a', 'b', 'c'].map((k) => [k, `"${k}"`] as [string, string]), 3);
    saveRuns(db, 'latin', ['d', 'e'].map((k) => [k, `"${k}"`] as [string, string]), 3);
    expect(['a', 'b', 'c', 'd', 'e'].map((k) => findRun(db, 'latin', k) ?? null)).toEqual([null, null, '"c"', '"d"', '"e"']);
    expect(findRun(db, 'other', 'x')).toBe('[]');
    db.close();
  });

  it('keeps a run another process wrote first, and is read by a second connection while one is open', () => {
    const file = path.join(work.dir, 'c.sqlite');
    const core = openLayoutCache(file);
    const cli = openLayoutCache(file);
    saveRuns(cli, 'latin', [['k', '"from the command line"']], 10);
    saveRuns(core, 'latin', [['k', '"from the core"'], ['j', '"j"']], 10);
    expect(findRun(core, 'latin', 'k')).toBe('"from the command line"');
    expect(findRun(cli, 'latin', 'j')).toBe('"j"');
    core.close();
    cli.close();
  });
});
