import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { cached } from './statements';

/**
 * The documents' layout cache on disk (main/documents/layoutCache.ts): one SQLite file in the data
 * folder's cache/layouts, not the stall's database and not in backups. A run is looked up by its
 * key, so the first document after a start reads the runs it prints and no more: the JSON files of
 * format 1 were read whole, and a cache grown to 40,000 runs per font made a cold PI twice as slow.
 *
 * A cache has no migrations: its format is in the file name (layouts-f4.sqlite); another format is
 * another file, and a file that is not a cache database is deleted and made again.
 */
export type LayoutCacheDb = SqliteDatabase;

export const LAYOUT_CACHE_FILE = 'layouts-f4.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  font   TEXT NOT NULL,  -- the font file's name, size and time, and the fontkit version
  key    TEXT NOT NULL,  -- JSON of [text, features, script, language, direction]
  glyphs TEXT NOT NULL,  -- JSON of the run (main/documents/layoutCache.ts, encodeRun)
  PRIMARY KEY (font, key)
)`;

/**
 * Opens (or makes) the cache file. WAL, so the CLI and the core process read while the other
 * writes; synchronous NORMAL: a power cut can lose the last runs written, never the file.
 */
export function openLayoutCache(file: string): LayoutCacheDb {
  const nativeBinding = process.env.STALLKEEPER_SQLITE_BINDING;
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    db.pragma('busy_timeout = 250');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The fonts the cache holds runs of (the benchmark grows each). */
export function cachedFonts(db: LayoutCacheDb): string[] {
  return cached<[], string>(db, 'SELECT DISTINCT font FROM runs ORDER BY font').pluck().all();
}

/** The stored glyphs of one run of one font, if the cache has it. */
export function findRun(db: LayoutCacheDb, font: string, key: string): string | undefined {
  return cached<[string, string], string>(db, 'SELECT glyphs FROM runs WHERE font = ? AND key = ?').pluck().get(font, key);
}

/**
 * Adds runs of one font in one transaction (a run another process added meanwhile is kept), then
 * keeps the font's newest `maxRuns`.
 */
export function saveRuns(db: LayoutCacheDb, font: string, runs: Iterable<[key: string, glyphs: string]>, maxRuns: number): void {
  const insert = cached<[string, string, string]>(db, 'INSERT OR IGNORE INTO runs (font, key, glyphs) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const [key, glyphs] of runs) insert.run(font, key, glyphs);
    const count = cached<[string], number>(db, 'SELECT count(*) FROM runs WHERE font = ?').pluck().get(font) ?? 0;
    if (count > maxRuns) {
      cached<[string, string, number]>(db,
        `DELETE FROM runs WHERE font = ? AND rowid IN (
           SELECT rowid FROM runs WHERE font = ? ORDER BY rowid LIMIT ?)`,
      ).run(font, font, count - maxRuns);
    }
  })();
}
