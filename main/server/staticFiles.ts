import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function mimeOf(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticResult =
  | { kind: 'file'; file: string }
  | { kind: 'bad_path' }
  | { kind: 'not_found' };

/**
 * Maps a URL path to a file inside `root`, never outside it: the path is
 * decoded once, must not contain NUL, backslashes or dot segments, and the
 * resolved file must still be under root (symlinks included). Paths without
 * an extension fall back to index.html (the single-page app's routes).
 */
export function resolveStatic(root: string, urlPath: string): StaticResult {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad_path' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad_path' };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'bad_path' };
  const relative = segments.filter((s) => s !== '').join('/');
  const rootReal = fs.realpathSync(root);
  const candidate = path.resolve(rootReal, relative === '' ? 'index.html' : relative);
  if (candidate !== rootReal && !candidate.startsWith(rootReal + path.sep)) return { kind: 'bad_path' };
  let file = candidate;
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    if (path.extname(relative) !== '') return { kind: 'not_found' };
    file = path.join(rootReal, 'index.html');
    if (!fs.existsSync(file)) return { kind: 'not_found' };
  }
  const real = fs.realpathSync(file);
  if (!real.startsWith(rootReal + path.sep)) return { kind: 'bad_path' };
  return { kind: 'file', file: real };
}

const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;
const gzipCache = new Map<string, { mtimeMs: number; size: number; body: Buffer }>();

/**
 * A static file's body, gzip-compressed when the client accepts it and the type
 * is text (the renderer's JavaScript shrinks to a third: it matters to a tablet
 * on the market's Wi-Fi). Compressed bodies are cached by file, mtime and size, so
 * a cached one is sent without reading the file again (antd's stylesheet is 1 MB).
 */
export function staticBody(file: string, acceptEncoding: string | undefined): { body: Buffer; encoding: 'gzip' | null } {
  const gzip = COMPRESSIBLE.test(mimeOf(file)) && /\bgzip\b/.test(acceptEncoding ?? '');
  const { mtimeMs, size } = fs.statSync(file);
  const cached = gzip ? gzipCache.get(file) : undefined;
  if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return { body: cached.body, encoding: 'gzip' };
  const raw = fs.readFileSync(file);
  if (!gzip || raw.length < 1024) return { body: raw, encoding: null };
  const body = zlib.gzipSync(raw, { level: 9 });
  gzipCache.set(file, { mtimeMs, size, body });
  return { body, encoding: 'gzip' };
}
