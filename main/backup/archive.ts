import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { openDatabase } from '../../db/open';
import { imageFiles, rowCounts } from '../../db/backup';
import { schemaVersion } from '../../db/migrate';
import { imageFile, thumbFile } from '../files/imageStore';
import { AppError, msg } from '../errors/apiError';
import { fsyncDir, fsyncFile, sha256File } from './fsutil';
import { storedDocuments } from './documents';
import type { ReadEntry } from 'tar';

/**
 * The one-file backup for a USB stick: a gzip-compressed tar archive
 * (stallkeeper-backup-<date>.tar.gz, opened by 7-Zip or `tar -xzf` too):
 *
 *   manifest.json     format, date, schema version, row counts, and the size and
 *                     SHA-256 of every other file in the archive
 *   stallkeeper.db    the database, a consistent copy made with SQLite's backup API
 *   photos/…          the photos and thumbnails the database refers to, laid out
 *                     as in the data folder (photos/<aa>/<hash>.jpg, photos/thumbs/…)
 *   documents/…       the stored PDFs of issued PIs (documents/<key>/<variant>.pdf)
 *
 * node-tar is imported when an archive is made or read, not at every start.
 */
export const ARCHIVE_FORMAT = 'stallkeeper-backup';
export const ARCHIVE_FORMAT_VERSION = 1;
export const ARCHIVE_DB = 'stallkeeper.db';

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  createdAt: string;
  schemaVersion: number;
  counts: Record<string, number>;
  photos: number;
  files: ManifestFile[];
}

const ENTRY = /^(manifest\.json|stallkeeper\.db|photos\/(?:thumbs\/)?[0-9a-f]{2}\/[0-9a-f]{64}\.(?:jpg|png)|documents\/[A-Za-z0-9._@-]+\/[a-z]+-[a-z]{2}(?:-bi)?-(?:a4|letter)\.pdf)$/;

function bad(file: string, en: string, zh: string): AppError {
  return new AppError('invalid_input', msg(`file: ${path.basename(file)} ${en}`, `file：${path.basename(file)} ${zh}`), 'file');
}

function linkOrCopy(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

/**
 * Builds the archive from a staging folder that already holds a finished
 * database copy (stallkeeper.db): links in its photos, writes the manifest,
 * packs everything into `<outFile>.partial`, flushes it and renames it into
 * place, then reads it back and checks every checksum.
 */
export async function buildArchive(
  staging: string,
  photosDir: string,
  outFile: string,
  createdAt: Date,
  documentsDir?: string,
): Promise<{ file: string; bytes: number; manifest: Manifest }> {
  const dbFile = path.join(staging, ARCHIVE_DB);
  const db = openDatabase(dbFile, { readonly: true, migrate: false });
  let images: Array<{ hash: string; mime: string }>;
  let version: number;
  let counts: Record<string, number>;
  try {
    images = imageFiles(db);
    version = schemaVersion(db);
    counts = rowCounts(db);
  } finally {
    db.close();
  }
  const rels: string[] = [];
  for (const image of images) {
    for (const source of [imageFile(photosDir, image.hash, image.mime), thumbFile(photosDir, image.hash)]) {
      if (!fs.existsSync(source)) continue;
      const rel = `photos/${path.relative(photosDir, source).split(path.sep).join('/')}`;
      linkOrCopy(source, path.join(staging, ...rel.split('/')));
      rels.push(rel);
    }
  }
  for (const rel of documentsDir ? storedDocuments(documentsDir) : []) {
    linkOrCopy(path.join(documentsDir as string, ...rel.split('/')), path.join(staging, 'documents', ...rel.split('/')));
    rels.push(`documents/${rel}`);
  }
  const files: ManifestFile[] = [];
  for (const rel of [ARCHIVE_DB, ...rels]) {
    const file = path.join(staging, ...rel.split('/'));
    files.push({ path: rel, bytes: fs.statSync(file).size, sha256: await sha256File(file) });
  }
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    createdAt: createdAt.toISOString(),
    schemaVersion: version,
    counts,
    photos: images.length,
    files,
  };
  fs.writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const partial = `${outFile}.partial`;
  try {
    const tar = await import('tar');
    await tar.c({ gzip: true, file: partial, cwd: staging, portable: true }, ['manifest.json', ARCHIVE_DB, ...rels]);
    fsyncFile(partial);
    fs.renameSync(partial, outFile);
    fsyncDir(path.dirname(outFile));
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  await verifyArchive(outFile);
  return { file: outFile, bytes: fs.statSync(outFile).size, manifest };
}

// ---------------------------------------------------------------- reading an archive

/**
 * What an archive may unpack to. A backup is refused when its manifest says
 * more (before any other file is read), or when a file turns out bigger than
 * its manifest says (as soon as the extra byte arrives): a crafted archive of
 * a few megabytes cannot fill the disk with gigabytes of zeros.
 */
export const ARCHIVE_LIMITS = {
  manifestBytes: 4 * 1024 ** 2,
  /** A stored photo or logo (at most 2000 px a side, see main/files/imageStore.ts). */
  photoBytes: 64 * 1024 ** 2,
  thumbBytes: 4 * 1024 ** 2,
  documentBytes: 256 * 1024 ** 2,
  /** Everything together, the database included. */
  totalBytes: 1024 ** 4,
};

/** Free space kept on the disk beyond what a restore needs. */
export const FREE_SPACE_RESERVE = 64 * 1024 ** 2;

const MANIFEST = 'manifest.json';
const PHOTO = /^photos\/([0-9a-f]{2})\/([0-9a-f]{64})\.(jpg|png)$/;
const THUMB = /^photos\/thumbs\/([0-9a-f]{2})\/([0-9a-f]{64})\.jpg$/;

/** A size for people: 1.0 GiB, 64 MiB, 2 KiB, 12 bytes. */
export function bytesText(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${n} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

function limitOf(rel: string): { bytes: number; en: string; zh: string } {
  if (rel === ARCHIVE_DB) return { bytes: ARCHIVE_LIMITS.totalBytes, en: 'a backup', zh: '备份' };
  if (rel.startsWith('photos/thumbs/')) return { bytes: ARCHIVE_LIMITS.thumbBytes, en: 'a thumbnail', zh: '缩略图' };
  if (rel.startsWith('photos/')) return { bytes: ARCHIVE_LIMITS.photoBytes, en: 'a photo', zh: '照片' };
  return { bytes: ARCHIVE_LIMITS.documentBytes, en: 'a stored PDF', zh: '已保存的 PDF' };
}

function checkManifest(file: string, value: unknown): Manifest {
  const m = value as Partial<Manifest> | null;
  if (!m || typeof m !== 'object' || m.format !== ARCHIVE_FORMAT || !Array.isArray(m.files)) throw bad(file, 'is not a Stallkeeper backup', '不是 Stallkeeper 备份文件');
  if (typeof m.formatVersion !== 'number' || m.formatVersion > ARCHIVE_FORMAT_VERSION) {
    throw bad(file, 'was made by a newer Stallkeeper; update the app to restore it', '由更新版本的 Stallkeeper 制作，请先更新软件');
  }
  const paths = new Set<string>();
  let total = 0;
  for (const f of m.files as unknown[]) {
    const entry = f as Partial<ManifestFile> | null;
    if (
      !entry ||
      typeof entry.path !== 'string' ||
      entry.path === MANIFEST ||
      !ENTRY.test(entry.path) ||
      !Number.isSafeInteger(entry.bytes) ||
      (entry.bytes as number) < 0 ||
      typeof entry.sha256 !== 'string' ||
      !/^[0-9a-f]{64}$/.test(entry.sha256)
    ) {
      throw bad(file, 'has a damaged manifest.json (a file entry is not valid)', '的 manifest.json 已损坏（文件条目无效）');
    }
    if (paths.has(entry.path)) throw bad(file, `has a damaged manifest.json (${entry.path} is listed twice)`, `的 manifest.json 已损坏（${entry.path} 出现两次）`);
    paths.add(entry.path);
    const limit = limitOf(entry.path);
    if ((entry.bytes as number) > limit.bytes) {
      throw bad(
        file,
        `was not restored: ${entry.path} would unpack to ${bytesText(entry.bytes as number)}, more than ${limit.en} can be (${bytesText(limit.bytes)})`,
        `未恢复：${entry.path} 解包后为 ${bytesText(entry.bytes as number)}，超过${limit.zh}的上限（${bytesText(limit.bytes)}）`,
      );
    }
    total += entry.bytes as number;
  }
  if (!paths.has(ARCHIVE_DB)) throw bad(file, 'has no database in it', '其中没有数据库');
  if (total > ARCHIVE_LIMITS.totalBytes) {
    throw bad(file, `was not restored: it would unpack to ${bytesText(total)}, more than a backup can be (${bytesText(ARCHIVE_LIMITS.totalBytes)})`, `未恢复：解包后为 ${bytesText(total)}，超过备份的上限（${bytesText(ARCHIVE_LIMITS.totalBytes)}）`);
  }
  return m as Manifest;
}

/** The bytes every file of the manifest unpacks to. */
export function unpackedBytes(manifest: Manifest): number {
  return manifest.files.reduce((sum, f) => sum + f.bytes, 0);
}

/** Free bytes for this process on the disk that holds `dir` (null when the system cannot say). */
export function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

/** Refuses when the disk of `dir` has less free space than `needed` (plus a reserve): nothing is written first. */
export function checkRoom(file: string, dir: string, needed: number): void {
  const free = freeBytes(dir);
  if (free !== null && free < needed + FREE_SPACE_RESERVE) {
    throw bad(
      file,
      `was not restored: it needs ${bytesText(needed + FREE_SPACE_RESERVE)} of free disk space and the disk has ${bytesText(free)}; free some space first`,
      `未恢复：需要 ${bytesText(needed + FREE_SPACE_RESERVE)} 可用磁盘空间，磁盘只有 ${bytesText(free)}；请先清理空间`,
    );
  }
}

/** The database file's own idea of its size (SQLite header: page size × page count), or null when the header is not SQLite's. */
function sqliteHeaderBytes(head: Buffer): number | null {
  if (head.length < 100 || head.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') return null;
  const rawPageSize = head.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
  // The page count in the header is valid when "version-valid-for" equals the change counter.
  if (head.readUInt32BE(92) !== head.readUInt32BE(24)) return null;
  return pageSize * head.readUInt32BE(28);
}

interface ScanOptions {
  /** Unpack into this (empty) folder, each file checked as it is written. */
  into?: string;
  /** Runs once the manifest is read and checked, before any other file is read (the free-space check). */
  beforeFiles?: (manifest: Manifest) => void;
}

/**
 * Reads the archive in one stream (gunzip in small chunks, then tar), never
 * trusting it: manifest.json must come first and is checked against the
 * limits before anything else is read; every other file must be listed in it
 * with the same size, is cut off the moment it grows past that size, must
 * match its SHA-256, and a photo must match the SHA-256 it is named after;
 * the database must be an SQLite file of exactly the size its header states.
 * Anything else (links, devices, unknown names, a second copy of a name)
 * refuses the archive. With `into`, files are written while they are checked.
 */
async function scanArchive(file: string, options: ScanOptions = {}): Promise<Manifest> {
  const tar = await import('tar');
  let failure: AppError | null = null;
  let manifest: Manifest | null = null;
  const listed = new Map<string, ManifestFile>();
  const seen = new Set<string>();
  const fail = (en: string, zh: string) => {
    failure ??= bad(file, en, zh);
  };
  let budget = ARCHIVE_LIMITS.manifestBytes + 64 * 1024;
  /** Files being written (closed at their end, or when the scan stops early). */
  const open = new Set<number>();

  const parser = new tar.Parser({ strict: true, brotli: false, zstd: false });
  parser.on('error', () => fail('cannot be read: it is damaged or not a backup archive', '无法读取：文件已损坏或不是备份文件'));
  parser.on('entry', (entry: ReadEntry) => {
    const name = entry.path;
    if (failure || entry.type === 'Directory') {
      entry.resume();
      return;
    }
    if (entry.type !== 'File' || !ENTRY.test(name)) {
      entry.resume();
      fail(`contains files a backup does not have (${name})`, `包含备份中不应有的文件（${name}）`);
      return;
    }
    if (seen.has(name)) {
      entry.resume();
      fail(`contains ${name} twice`, `包含两个 ${name}`);
      return;
    }
    seen.add(name);
    const isManifest = name === MANIFEST;
    if (!manifest && !isManifest) {
      entry.resume();
      fail('is not a Stallkeeper backup (manifest.json is not its first file)', '不是 Stallkeeper 备份文件（第一个文件不是 manifest.json）');
      return;
    }
    const expected = isManifest ? null : (listed.get(name) ?? null);
    const declared = entry.size;
    if (isManifest ? declared > ARCHIVE_LIMITS.manifestBytes : !expected) {
      entry.resume();
      if (isManifest) fail('has a manifest.json that is too large', '的 manifest.json 过大');
      else fail(`contains a file its manifest does not list (${name})`, `包含清单中没有的文件（${name}）`);
      return;
    }
    if (expected && declared !== expected.bytes) {
      entry.resume();
      fail(`is damaged: ${name} is ${bytesText(declared)}, its manifest says ${bytesText(expected.bytes)}`, `已损坏：${name} 为 ${bytesText(declared)}，清单中为 ${bytesText(expected.bytes)}`);
      return;
    }
    const hash = crypto.createHash('sha256');
    const parts: Buffer[] = [];
    let head = Buffer.alloc(0);
    let bytes = 0;
    let fd: number | null = null;
    if (options.into && !isManifest) {
      const target = path.join(options.into, ...name.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fd = fs.openSync(target, 'wx');
      open.add(fd);
    }
    entry.on('data', (chunk: Buffer) => {
      if (failure) return;
      bytes += chunk.length;
      if (bytes > declared) {
        fail(`is damaged: ${name} is larger than its manifest says`, `已损坏：${name} 比清单中的大`);
        return;
      }
      if (name === ARCHIVE_DB && head.length < 100) {
        head = Buffer.concat([head, chunk.subarray(0, 100 - head.length)]);
        if (head.length >= Math.min(100, declared)) {
          const own = sqliteHeaderBytes(head);
          if (own === null) return fail(`is damaged: ${name} is not an SQLite database`, `已损坏：${name} 不是 SQLite 数据库`);
          if (own !== declared) return fail(`is damaged: ${name} is ${bytesText(declared)} but says it is ${bytesText(own)}`, `已损坏：${name} 为 ${bytesText(declared)}，但其自身记录为 ${bytesText(own)}`);
        }
      }
      hash.update(chunk);
      if (isManifest) parts.push(chunk);
      if (fd !== null) fs.writeSync(fd, chunk);
    });
    entry.on('end', () => {
      if (fd !== null) {
        open.delete(fd);
        fs.closeSync(fd);
      }
      if (failure) return;
      if (bytes !== declared) return fail(`is incomplete: ${name} is cut short`, `不完整：${name} 被截断`);
      const digest = hash.digest('hex');
      if (isManifest) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(Buffer.concat(parts).toString('utf8'));
        } catch {
          return fail('has a damaged manifest.json', '的 manifest.json 已损坏');
        }
        try {
          manifest = checkManifest(file, parsed);
          for (const f of manifest.files) listed.set(f.path, f);
          // From here on the stream may hold the listed files and tar's own headers and padding, no more.
          budget = 2 * 1024 ** 2 + manifest.files.reduce((sum, f) => sum + Math.ceil(f.bytes / 512) * 512 + 4096, 0);
          options.beforeFiles?.(manifest);
        } catch (error) {
          if (error instanceof AppError) failure ??= error;
          else throw error;
        }
        return;
      }
      if (digest !== expected?.sha256) return fail(`is damaged: ${name} does not match its checksum`, `已损坏：${name} 校验不符`);
      const photo = PHOTO.exec(name);
      if (photo && (photo[1] !== photo[2]?.slice(0, 2) || photo[2] !== digest)) {
        return fail(`is damaged: the photo ${name} does not match the SHA-256 it is named after`, `已损坏：照片 ${name} 与其文件名中的 SHA-256 不符`);
      }
      const thumb = THUMB.exec(name);
      if (thumb && thumb[1] !== thumb[2]?.slice(0, 2)) return fail(`contains files a backup does not have (${name})`, `包含备份中不应有的文件（${name}）`);
    });
  });

  const input = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
  const gunzip = zlib.createGunzip({ chunkSize: 64 * 1024 });
  input.on('error', (error) => gunzip.destroy(error));
  let total = 0;
  let first = true;
  try {
    for await (const chunk of input.pipe(gunzip) as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > budget) {
        fail(`was not restored: it unpacks to more than its manifest says (${bytesText(total)} so far)`, `未恢复：解包后的大小超过清单所述（已达 ${bytesText(total)}）`);
        break;
      }
      if (first) {
        first = false;
        // A tar stream starts with a ustar header (never another compressed stream inside).
        if (chunk.length < 512 || chunk.subarray(257, 262).toString('latin1') !== 'ustar') {
          fail('is not a Stallkeeper backup archive', '不是 Stallkeeper 备份文件');
          break;
        }
      }
      parser.write(chunk);
      if (failure) break;
    }
    if (!failure) {
      await new Promise<void>((resolve) => {
        parser.on('end', resolve);
        parser.on('abort', resolve);
        parser.end();
      });
    }
  } catch {
    fail('cannot be read: it is damaged or not a backup archive', '无法读取：文件已损坏或不是备份文件');
  } finally {
    input.destroy();
    gunzip.destroy();
    for (const fd of open) fs.closeSync(fd);
  }
  if (failure) throw failure;
  if (!manifest) throw bad(file, 'is not a Stallkeeper backup (no manifest.json)', '不是 Stallkeeper 备份文件（缺少 manifest.json）');
  for (const expected of (manifest as Manifest).files) {
    if (!seen.has(expected.path)) throw bad(file, `is incomplete: ${expected.path} is missing`, `不完整：缺少 ${expected.path}`);
  }
  return manifest;
}

/**
 * Reads the whole archive and compares every file with the size and SHA-256
 * in its manifest (writing nothing). Throws an invalid_input error naming the file.
 */
export function verifyArchive(file: string): Promise<Manifest> {
  return scanArchive(file);
}

/**
 * Verifies the archive, checks the disk has room for what it unpacks to (plus
 * `extraBytes`, e.g. the backup of the present state a restore makes first),
 * then unpacks it into `dir` (an empty folder), every file checked again as it
 * is written.
 */
export async function extractArchive(file: string, dir: string, options: { extraBytes?: number } = {}): Promise<Manifest> {
  await scanArchive(file, { beforeFiles: (manifest) => checkRoom(file, dir, unpackedBytes(manifest) + (options.extraBytes ?? 0)) });
  return scanArchive(file, { into: dir });
}
