import fs from 'node:fs';
import path from 'node:path';
import { findRun, LAYOUT_CACHE_FILE, openLayoutCache, saveRuns, type LayoutCacheDb } from '../../db/layoutCache';
import { getOrMake } from '../collections/getOrMake';

/**
 * What a font's parsing and shaping produced, kept on disk between
 * processes: for each (text, features, script, language, direction) the
 * glyph ids, the letters each stands for, their advances and positions, exactly as
 * fontkit's layout() returned them. A process that finds a run here does not
 * shape it again, and a font whose every run is here never parses its
 * shaping tables (GSUB/GPOS), which is most of a first document's cost.
 *
 * One SQLite file (db/layoutCache.ts), looked up run by run, so what a start
 * costs does not grow with the cache; runs are filed by the font file's name,
 * size and modification time and the fontkit version, so a changed font never
 * meets another font's runs. New runs are written in one transaction two
 * seconds later and at exit. The numbers are fontkit's own, in its order, so
 * a document is the same with or without the cache (tested). A run read from
 * the cache makes none of fontkit's glyph objects: the text layer
 * (layoutRun, text.ts) needs only these numbers.
 */

/** Runs kept per font file, the oldest going first (as format 1 kept: ≈7 MB a font). */
const MAX_RUNS = 40_000;

interface Glyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}
interface Position {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface Run {
  glyphs: Glyph[];
  positions: Position[];
}
/** The part of a fontkit font the cache uses. */
export interface LayoutFont {
  layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): Run;
}

/**
 * A shaped run as the text layer uses it, glyph by glyph in fontkit's order: the glyph id, its
 * advance in the run (kerning included) and its own advance width, its offsets, the letters it
 * stands for. From the cache it is read without making fontkit's glyph objects (and decoding each
 * glyph's box for them).
 */
export interface LaidOut {
  ids: number[];
  advances: number[];
  advanceWidths: number[];
  xOffsets: number[];
  yOffsets: number[];
  letters: number[][];
}

/** Cache ids of the fonts set up by cacheLayouts. */
const fontIds = new WeakMap<LayoutFont, string>();

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
    removeEarlierFormats(dir);
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

/** The files of earlier formats: format 1's JSON file per font, other formats' SQLite files. */
function removeEarlierFormats(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const earlier = /-fontkit[\d.]+-f1\.json(\.\d+\.tmp)?$/.test(name) || (/^layouts-f\d+\.sqlite(-wal|-shm|-journal)?$/.test(name) && !name.startsWith(LAYOUT_CACHE_FILE));
    if (earlier) fs.rmSync(path.join(dir, name), { force: true });
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

function stored(font: string, key: string): LaidOut | null {
  let text = pending.get(font)?.get(key);
  if (text === undefined && db) {
    try {
      text = findRun(db, font, key);
    } catch {
      dropCache();
    }
  }
  return text === undefined ? null : decodeRun(text);
}

/** A run as stored: JSON of [ids, advances, advance widths, x offsets, y offsets, letters]. */
export function encodeRun(run: LaidOut): string {
  return JSON.stringify([run.ids, run.advances, run.advanceWidths, run.xOffsets, run.yOffsets, run.letters]);
}

/** A stored run; null for text that is not one (it is shaped again). */
export function decodeRun(text: unknown): LaidOut | null {
  if (typeof text !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 6 || !parsed.every((column) => Array.isArray(column) && column.length === (parsed as unknown[][])[0]?.length)) return null;
  const [ids, advances, advanceWidths, xOffsets, yOffsets, letters] = parsed as [number[], number[], number[], number[], number[], number[][]];
  return { ids, advances, advanceWidths, xOffsets, yOffsets, letters };
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
 * Files the font's runs under its file (name, size, time) and the fontkit version, whether or not a
 * cache folder is set yet: a font opened before it (a warm-up) uses the cache once it is.
 */
export function cacheLayouts(font: LayoutFont, fontFile: string, fontkitVersion: string): void {
  fontIds.set(font, fontId(fontFile, fontkitVersion));
}

/**
 * The font's layout of a run (fontkit's layout(), the same arguments), from the cache where an
 * earlier process or document shaped it, else shaped now and added to the cache.
 */
export function layoutRun(font: LayoutFont, text: string, features?: unknown, script?: string, language?: string, direction?: string): LaidOut {
  const id = db ? fontIds.get(font) : undefined;
  const key = id === undefined ? '' : JSON.stringify([text, features ?? null, script ?? null, language ?? null, direction ?? null]);
  // db may be dropped by the lookup (a file that went bad): the run is then shaped and not kept.
  if (id !== undefined) {
    const hit = stored(id, key);
    if (hit) {
      stats.hits += 1;
      return hit;
    }
  }
  stats.misses += 1;
  const run = font.layout(text, features, script, language, direction);
  const laidOut: LaidOut = {
    ids: run.glyphs.map((g) => g.id),
    advances: run.positions.map((p) => p.xAdvance),
    advanceWidths: run.glyphs.map((g) => g.advanceWidth),
    xOffsets: run.positions.map((p) => p.xOffset),
    yOffsets: run.positions.map((p) => p.yOffset),
    letters: run.glyphs.map((g) => [...g.codePoints]),
  };
  if (id !== undefined && db) {
    getOrMake(pending, id, () => new Map<string, string>()).set(key, encodeRun(laidOut));
    scheduleFlush();
  }
  return laidOut;
}
