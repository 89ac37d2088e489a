import fs from 'node:fs';
import path from 'node:path';

/**
 * What a font's parsing and shaping produced, kept on disk between
 * processes: for each (text, features, script, language, direction) the
 * glyph ids, the letters each stands for and their positions, exactly as
 * fontkit's layout() returned them. A process that finds a run here does not
 * shape it again, and a font whose every run is here never parses its
 * shaping tables (GSUB/GPOS), which is most of a first document's cost.
 *
 * One file per font file, named by the font and its size and modification
 * time, so a changed font never meets another font's runs; the fontkit
 * version and the format are in the name too. The results are fontkit's
 * own, replayed through font.getGlyph(id, letters) in the same order, so a
 * document is the same with or without the cache (tested).
 */
export const LAYOUT_CACHE_FORMAT = 1;
/** Runs kept per font file. */
const MAX_RUNS = 40_000;

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

interface CacheFile {
  format: number;
  runs: Record<string, Stored>;
}

let cacheDir: string | null = null;
const stats = { hits: 0, misses: 0 };

/** Runs found in the cache and shaped anew since the process started (tests, the benchmark). */
export function layoutCacheStats(): { hits: number; misses: number } {
  return { ...stats };
}
const open = new Map<string, { file: string; runs: Map<string, Stored>; dirty: boolean }>();
let flushTimer: NodeJS.Timeout | null = null;
let exitHook = false;

/** Where layouts are kept (the data folder's cache/fonts); null: in memory only (tests, unless they set one). */
export function setLayoutCacheDir(dir: string | null): void {
  flushLayoutCache();
  cacheDir = dir;
  open.clear();
}

/** The layout cache of a data folder: <data>/cache/layouts (not part of backups; safe to delete). */
export function layoutCacheDirIn(dataDir: string): string {
  return path.join(dataDir, 'cache', 'layouts');
}

export function layoutCacheDir(): string | null {
  return cacheDir;
}

function cacheFileFor(fontFile: string, fontkitVersion: string): string | null {
  if (!cacheDir) return null;
  const stat = fs.statSync(fontFile);
  const name = `${path.basename(fontFile, path.extname(fontFile))}-${stat.size}-${Math.round(stat.mtimeMs)}-fontkit${fontkitVersion}-f${LAYOUT_CACHE_FORMAT}.json`;
  return path.join(cacheDir, name);
}

function load(file: string): Map<string, Stored> {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
    if (parsed.format !== LAYOUT_CACHE_FORMAT || typeof parsed.runs !== 'object') return new Map();
    return new Map(Object.entries(parsed.runs));
  } catch {
    return new Map();
  }
}

/** Writes every changed cache file (atomically); called on a timer, at exit, and by tests. */
export function flushLayoutCache(): void {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  for (const entry of open.values()) {
    if (!entry.dirty) continue;
    entry.dirty = false;
    try {
      fs.mkdirSync(path.dirname(entry.file), { recursive: true });
      const tmp = `${entry.file}.${process.pid}.tmp`;
      const runs: Record<string, Stored> = {};
      for (const [k, v] of entry.runs) runs[k] = v;
      fs.writeFileSync(tmp, JSON.stringify({ format: LAYOUT_CACHE_FORMAT, runs } satisfies CacheFile));
      fs.renameSync(tmp, entry.file);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
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
  const file = cacheFileFor(fontFile, fontkitVersion);
  if (!file) return;
  let entry = open.get(file);
  if (!entry) {
    entry = { file, runs: load(file), dirty: false };
    open.set(file, entry);
  }
  const cache = entry;
  const shape = font.layout.bind(font);
  font.layout = (text, features, script, language, direction) => {
    const key = JSON.stringify([text, features ?? null, script ?? null, language ?? null, direction ?? null]);
    const hit = cache.runs.get(key);
    if (hit) {
      stats.hits += 1;
      const [ids, letters, pos] = hit;
      return {
        glyphs: ids.map((id, i) => font.getGlyph(id, letters[i] ?? [])),
        positions: ids.map((_id, i) => ({ xAdvance: pos[i * 4] as number, yAdvance: pos[i * 4 + 1] as number, xOffset: pos[i * 4 + 2] as number, yOffset: pos[i * 4 + 3] as number })),
      };
    }
    stats.misses += 1;
    const run = shape(text, features, script, language, direction);
    if (cache.runs.size < MAX_RUNS) {
      cache.runs.set(key, [
        run.glyphs.map((g) => g.id),
        run.glyphs.map((g) => [...g.codePoints]),
        run.positions.flatMap((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
      ]);
      cache.dirty = true;
      scheduleFlush();
    }
    return run;
  };
}
