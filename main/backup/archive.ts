import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { openDatabase } from '../../db/open';
import { imageFiles, rowCounts } from '../../db/backup';
import { schemaVersion } from '../../db/migrate';
import { imageFile, thumbFile } from '../files/imageStore';
import { AppError, invalid, m, type Message } from '../errors/apiError';
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

/** The archive named by `file` has a problem: "file: backup.tar.gz is damaged…". */
function bad(file: string, problem: Message): AppError {
  return invalid('file', m('backup.archiveProblem', { name: path.basename(file), problem }));
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

function limitOf(rel: string): { bytes: number; what: Message } {
  if (rel === ARCHIVE_DB) return { bytes: ARCHIVE_LIMITS.totalBytes, what: m('backup.entry.backup') };
  if (rel.startsWith('photos/thumbs/')) return { bytes: ARCHIVE_LIMITS.thumbBytes, what: m('backup.entry.thumbnail') };
  if (rel.startsWith('photos/')) return { bytes: ARCHIVE_LIMITS.photoBytes, what: m('backup.entry.photo') };
  return { bytes: ARCHIVE_LIMITS.documentBytes, what: m('backup.entry.document') };
}

function checkManifest(file: string, value: unknown): Manifest {
  const manifest = value as Partial<Manifest> | null;
  if (!manifest || typeof manifest !== 'object' || manifest.format !== ARCHIVE_FORMAT || !Array.isArray(manifest.files)) throw bad(file, m('backup.notStallkeeperBackup'));
  if (typeof manifest.formatVersion !== 'number' || manifest.formatVersion > ARCHIVE_FORMAT_VERSION) {
    throw bad(file, m('backup.madeNewerStallkeeperUpdate'));
  }
  const paths = new Set<string>();
  let total = 0;
  for (const f of manifest.files as unknown[]) {
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
      throw bad(file, m('backup.damagedManifestJsonFile'));
    }
    if (paths.has(entry.path)) throw bad(file, m('backup.damagedManifestJsonListed', { path: entry.path }));
    paths.add(entry.path);
    const limit = limitOf(entry.path);
    if ((entry.bytes as number) > limit.bytes) {
      throw bad(file, m('backup.entryOverLimit', { path: entry.path, size: bytesText(entry.bytes as number), what: limit.what, limit: bytesText(limit.bytes) }));
    }
    total += entry.bytes as number;
  }
  if (!paths.has(ARCHIVE_DB)) throw bad(file, m('backup.noDatabase'));
  if (total > ARCHIVE_LIMITS.totalBytes) {
    throw bad(file, m('backup.notRestoredWouldUnpack', { size: bytesText(total), limit: bytesText(ARCHIVE_LIMITS.totalBytes) }));
  }
  return manifest as Manifest;
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
      m('backup.notRestoredNeedsFree', { needed: bytesText(needed + FREE_SPACE_RESERVE), free: bytesText(free) }),
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
  const fail = (problem: Message) => {
    failure ??= bad(file, problem);
  };
  let budget = ARCHIVE_LIMITS.manifestBytes + 64 * 1024;
  /** Files being written (closed at their end, or when the scan stops early). */
  const open = new Set<number>();

  const parser = new tar.Parser({ strict: true, brotli: false, zstd: false });
  parser.on('error', () => fail(m('backup.cannotReadDamagedNot')));
  parser.on('entry', (entry: ReadEntry) => {
    const name = entry.path;
    if (failure || entry.type === 'Directory') {
      entry.resume();
      return;
    }
    if (entry.type !== 'File' || !ENTRY.test(name)) {
      entry.resume();
      fail(m('backup.containsFilesBackupDoes', { name }));
      return;
    }
    if (seen.has(name)) {
      entry.resume();
      fail(m('backup.containsTwice', { name }));
      return;
    }
    seen.add(name);
    const isManifest = name === MANIFEST;
    if (!manifest && !isManifest) {
      entry.resume();
      fail(m('backup.notStallkeeperBackupManifest'));
      return;
    }
    const expected = isManifest ? null : (listed.get(name) ?? null);
    const declared = entry.size;
    if (isManifest ? declared > ARCHIVE_LIMITS.manifestBytes : !expected) {
      entry.resume();
      if (isManifest) fail(m('backup.manifestJsonTooLarge'));
      else fail(m('backup.containsFileManifestDoes', { name }));
      return;
    }
    if (expected && declared !== expected.bytes) {
      entry.resume();
      fail(m('backup.damagedManifestSays', { name, size: bytesText(declared), listed: bytesText(expected.bytes) }));
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
        fail(m('backup.damagedLargerManifestSays', { name }));
        return;
      }
      if (name === ARCHIVE_DB && head.length < 100) {
        head = Buffer.concat([head, chunk.subarray(0, 100 - head.length)]);
        if (head.length >= Math.min(100, declared)) {
          const own = sqliteHeaderBytes(head);
          if (own === null) return fail(m('backup.damagedNotSqliteDatabase', { name }));
          if (own !== declared) return fail(m('backup.damagedButSays', { name, size: bytesText(declared), own: bytesText(own) }));
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
      if (bytes !== declared) return fail(m('backup.incompleteCutShort', { name }));
      const digest = hash.digest('hex');
      if (isManifest) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(Buffer.concat(parts).toString('utf8'));
        } catch {
          return fail(m('backup.damagedManifestJson'));
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
      if (digest !== expected?.sha256) return fail(m('backup.damagedDoesNotMatch', { name }));
      const photo = PHOTO.exec(name);
      if (photo && (photo[1] !== photo[2]?.slice(0, 2) || photo[2] !== digest)) {
        return fail(m('backup.damagedPhotoDoesNot', { name }));
      }
      const thumb = THUMB.exec(name);
      if (thumb && thumb[1] !== thumb[2]?.slice(0, 2)) return fail(m('backup.containsFilesBackupDoes', { name }));
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
        fail(m('backup.notRestoredUnpacksMore', { size: bytesText(total) }));
        break;
      }
      if (first) {
        first = false;
        // A tar stream starts with a ustar header (never another compressed stream inside).
        if (chunk.length < 512 || chunk.subarray(257, 262).toString('latin1') !== 'ustar') {
          fail(m('backup.notStallkeeperBackupArchive'));
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
    fail(m('backup.cannotReadDamagedNot'));
  } finally {
    input.destroy();
    gunzip.destroy();
    for (const fd of open) fs.closeSync(fd);
  }
  if (failure) throw failure;
  if (!manifest) throw bad(file, m('backup.notStallkeeperBackupNoManifest'));
  for (const expected of (manifest as Manifest).files) {
    if (!seen.has(expected.path)) throw bad(file, m('backup.incompleteMissing', { path: expected.path }));
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
