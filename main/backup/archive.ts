import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/open';
import { imageFiles, rowCounts } from '../../db/backup';
import { schemaVersion } from '../../db/migrate';
import { imageFile, thumbFile } from '../files/imageStore';
import { AppError, msg } from '../api/errors';
import { fsyncDir, fsyncFile, sha256File } from './fsutil';
import { storedDocuments } from './documents';

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

function checkManifest(file: string, value: unknown): Manifest {
  const m = value as Partial<Manifest> | null;
  if (!m || m.format !== ARCHIVE_FORMAT || !Array.isArray(m.files)) throw bad(file, 'is not a Stallkeeper backup', '不是 Stallkeeper 备份文件');
  if (typeof m.formatVersion !== 'number' || m.formatVersion > ARCHIVE_FORMAT_VERSION) {
    throw bad(file, 'was made by a newer Stallkeeper; update the app to restore it', '由更新版本的 Stallkeeper 制作，请先更新软件');
  }
  if (!m.files.some((f) => f.path === ARCHIVE_DB)) throw bad(file, 'has no database in it', '其中没有数据库');
  return m as Manifest;
}

/**
 * Reads the whole archive and compares every file with the size and SHA-256
 * in its manifest. Throws a plain error naming what is wrong.
 */
export async function verifyArchive(file: string): Promise<Manifest> {
  const seen = new Map<string, { bytes: number; sha256: string }>();
  let manifestText = '';
  const unexpected: string[] = [];
  const tar = await import('tar');
  try {
    await tar.t({
      file,
      strict: true,
      onReadEntry: (entry) => {
        const name = entry.path;
        if (entry.type !== 'File' || !ENTRY.test(name)) {
          if (entry.type !== 'Directory') unexpected.push(name);
          return;
        }
        const hash = crypto.createHash('sha256');
        let bytes = 0;
        entry.on('data', (chunk: Buffer) => {
          hash.update(chunk);
          bytes += chunk.length;
          if (name === 'manifest.json' && manifestText.length < 50 * 1024 * 1024) manifestText += chunk.toString('utf8');
        });
        entry.on('end', () => seen.set(name, { bytes, sha256: hash.digest('hex') }));
      },
    });
  } catch {
    throw bad(file, 'cannot be read: it is damaged or not a backup archive', '无法读取：文件已损坏或不是备份文件');
  }
  if (unexpected.length > 0) throw bad(file, `contains files a backup does not have (${unexpected[0]})`, `包含备份中不应有的文件（${unexpected[0]}）`);
  if (!manifestText) throw bad(file, 'is not a Stallkeeper backup (no manifest.json)', '不是 Stallkeeper 备份文件（缺少 manifest.json）');
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestText);
  } catch {
    throw bad(file, 'has a damaged manifest.json', '的 manifest.json 已损坏');
  }
  const manifest = checkManifest(file, parsed);
  for (const expected of manifest.files) {
    const got = seen.get(expected.path);
    if (!got) throw bad(file, `is incomplete: ${expected.path} is missing`, `不完整：缺少 ${expected.path}`);
    if (got.bytes !== expected.bytes || got.sha256 !== expected.sha256) {
      throw bad(file, `is damaged: ${expected.path} does not match its checksum`, `已损坏：${expected.path} 校验不符`);
    }
  }
  return manifest;
}

/** Verifies the archive, then unpacks it into `dir` (an empty folder) and checks the unpacked files again. */
export async function extractArchive(file: string, dir: string): Promise<Manifest> {
  const manifest = await verifyArchive(file);
  const tar = await import('tar');
  await tar.x({
    file,
    cwd: dir,
    strict: true,
    filter: (name, entry) => ('type' in entry ? entry.type === 'File' : true) && ENTRY.test(name),
  });
  for (const expected of manifest.files) {
    const unpacked = path.join(dir, ...expected.path.split('/'));
    if (!fs.existsSync(unpacked) || (await sha256File(unpacked)) !== expected.sha256) {
      throw bad(file, `could not be unpacked: ${expected.path}`, `无法解包：${expected.path}`);
    }
  }
  return manifest;
}
