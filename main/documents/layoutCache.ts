import fs from 'node:fs';
import path from 'node:path';
import { findRun, LAYOUT_CACHE_FILE, openLayoutCache, saveRuns, type LayoutCacheDb } from '../../db/layoutCache';

/**
 * What a font's parsing and shaping produced, kept on disk between
 * processes: for each (text, features, script, language, direction) the
 * glyph ids, the letters each stands for and their positions, exactly as
 * fontkit's layout() returned them. A process that finds a run here does not
 * shape it again, and a font whose every run is here never parses its
 * shaping tables (GSUB/GPOS), which is most of a first document's cost.
 *
 * One SQLite file (db/layoutCache.ts), looked up run by run, so what a start
 * costs does not grow with the cache; runs are filed by the font file's name,
 * size and modification time and the fontkit version, so a changed font never
 * meets another font's runs. New runs are written in one transaction two
 * seconds later and at exit. The results are fontkit's own, replayed through
 * font.getGlyph(id, letters) in the same order, so a document is the same with
 * or without the cache (tested).
 */

/** Runs kept per font file (the oldest go first). */
const MAX_RUNS = 100_000;

interface Glyph {
  id: number;
  codePoints: number[];
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface Run {
  glyphs: Glyph[];
  positions: Position[];
}
/** The part of a fontkit font the cache wraps. */
export interface LayoutFont {
  layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): Run;
  getGlyph(id: number, codePoints?: number[]): Glyph;
}

/** [glyph ids, letters per glyph, positions as 4 numbers per glyph]. */
type Stored = [number[], number[][], number[]];

let cacheDir: string | null = null;
/** The open cache file; null without a folder, or where it cannot be used (then layouts are shaped, no more). */
let db: LayoutCacheDb | null = null;
const stats = { hits: 0, misses: 0 };

/** Runs found in the cache and shaped anew since the process started (tests, the benchmark). */
export function layoutCacheStats(): { hits: number; misses: number } {
  return { ...stats };
}
/** Runs shaped since the last flush, by font: read from here first, written by flushLayoutCache. */
const pending = new Map<string, Map<string, string>>();
let flushTimer: NodeJS.Timeout | null = null;
let exitHook = false;

/**
 * Where layouts are kept (the data folder's cache/layouts); null: in memory only (tests, unless
 * they set one). The file is opened here, as the process starts, not by its first document.
 */
export function setLayoutCacheDir(dir: string | null): void {
  flushLayoutCache();
  db?.close();
  db = null;
  cacheDir = dir;
  if (dir) db = openCacheIn(dir);
}

/** The cache file in a folder, made again when it is not a database; null where none can be opened. */
function openCacheIn(dir: string): LayoutCacheDb | null {
  const file = path.join(dir, LAYOUT_CACHE_FILE);
  try {
    fs.mkdirSync(dir, { recursive: true });
    removeFormatOneFiles(dir);
  } catch {
    return null;
  }
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      return openLayoutCache(file);
    } catch {
      // Not a database (damaged, or something else by that name): a cache can start again.
      for (const part of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(part, { force: true });
    }
  }
  return null;
}

/** The JSON files of format 1, which this format replaces. */
function removeFormatOneFiles(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (/-fontkit[\d.]+-f1\.json(\.\d+\.tmp)?$/.test(name)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** The layout cache of a data folder: <data>/cache/layouts (not part of backups; safe to delete). */
export function layoutCacheDirIn(dataDir: string): string {
  return path.join(dataDir, 'cache', 'layouts');
}

export function layoutCacheDir(): string | null {
  return cacheDir;
}

/** What the runs of a font file are filed under: a changed font never meets another font's runs. */
function fontId(fontFile: string, fontkitVersion: string): string {
  const stat = fs.statSync(fontFile);
  return `${path.basename(fontFile, path.extname(fontFile))}-${stat.size}-${Math.round(stat.mtimeMs)}-fontkit${fontkitVersion}`;
}

/** A cache that cannot be read or written only costs time: it is dropped for this process. */
function dropCache(): void {
  try {
    db?.close();
  } catch {
    // already unusable
  }
  db = null;
}

function stored(font: string, key: string): Stored | null {
  const fresh = pending.get(font)?.get(key);
  let text = fresh;
  if (text === undefined && db) {
    try {
      text = findRun(db, font, key);
    } catch {
      dropCache();
    }
  }
  if (text === undefined) return null;
  try {
    return JSON.parse(text) as Stored;
  } catch {
    return null;
  }
}

/** Writes the runs shaped since the last flush; called on a timer, at exit, and by tests. */
export function flushLayoutCache(): void {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  if (db) {
    for (const [font, runs] of pending) {
      if (runs.size === 0) continue;
      try {
        saveRuns(db, font, runs, MAX_RUNS);
      } catch {
        // Locked by another process past the timeout, or the disk is full: these runs are shaped again next time.
      }
    }
  }
  pending.clear();
}

function scheduleFlush(): void {
  if (!exitHook) {
    exitHook = true;
    process.once('exit', flushLayoutCache);
  }
  if (flushTimer) return;
  flushTimer = setTimeout(flushLayoutCache, 2000);
  flushTimer.unref();
}

/**
 * Makes font.layout() read from and add to the cache of this font file.
 * Without a cache folder it is left as it is.
 */
export function cacheLayouts(font: LayoutFont, fontFile: string, fontkitVersion: string): void {
  if (!db) return;
  const id = fontId(fontFile, fontkitVersion);
  const shape = font.layout.bind(font);
  font.layout = (text, features, script, language, direction) => {
    const key = JSON.stringify([text, features ?? null, script ?? null, language ?? null, direction ?? null]);
    const hit = stored(id, key);
    if (hit) {
      stats.hits += 1;
      const [ids, letters, pos] = hit;
      return {
        glyphs: ids.map((glyph, i) => font.getGlyph(glyph, letters[i] ?? [])),
        positions: ids.map((_glyph, i) => ({ xAdvance: pos[i * 4] as number, yAdvance: pos[i * 4 + 1] as number, xOffset: pos[i * 4 + 2] as number, yOffset: pos[i * 4 + 3] as number })),
      };
    }
    stats.misses += 1;
    const run = shape(text, features, script, language, direction);
    if (db) {
      let runs = pending.get(id);
      if (!runs) {
        runs = new Map();
        pending.set(id, runs);
      }
      runs.set(key, JSON.stringify([run.glyphs.map((g) => g.id), run.glyphs.map((g) => [...g.codePoints]), run.positions.flatMap((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset])] satisfies Stored));
      scheduleFlush();
    }
    return run;
  };
}
