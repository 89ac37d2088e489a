import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core';
import { AppError, invalid, m, type Message } from '../errors/apiError';
import { ensureDataDir, type DataPaths } from '../paths/dataDir';
import { openDatabase, quickCheck, type Db } from '../../db/open';
import { foreignKeyProblems, imageFiles, integrityProblems, rowCounts } from '../../db/backup';
import { loadMigrations, migrate, schemaVersion } from '../../db/migrate';
import { schemaDifferences, schemaItems, type SchemaDifference, type SchemaItem } from '../../db/schema';
import { readSecurityState, writeSecurityState, type SecurityState } from '../../db/auth';
import { imageFile } from '../files/imageStore';
import { ARCHIVE_DB, checkRoom, extractArchive } from './archive';
import { copyFileDurably, fsyncDir, fsyncFile, sha256File, tmpTag } from './fsutil';
import { readLiveLock } from './lock';
import { copyNewPhotos } from './photos';
import { copyNewDocuments } from './documents';
import { takeSnapshot } from './service';
import { documentPoolDir, parseSnapshotName, photoPoolDir, removeStaleTemps, snapshotsDir } from './snapshots';

/**
 * Restoring a backup, in four steps:
 *  1. verify, trusting nothing in the backup: unpack the archive (within the
 *     limits of archive.ts and the free disk space, every file checked
 *     against its manifest checksum, every photo against its name) or copy
 *     the snapshot into a staging folder; open it (trusted_schema off), run
 *     the full integrity_check and foreign_key_check, refuse a newer schema,
 *     migrate an older one, and refuse any structure (table, column, index,
 *     trigger, view) the migrations do not make on an empty database;
 *  2. keep the present: a "pre-restore" backup of the current database
 *     (with the online backup API; a damaged database that cannot be read
 *     is copied file by file into backups/damaged-<time>/);
 *  3. carry over what a restore must not undo: the owner PIN and the paired
 *     devices (a revoked tablet stays revoked), and add the backup's photos;
 *  4. swap: one rename of the staged file over stallkeeper.db (atomic), with
 *     no connection open. The running app closes its connection and opens
 *     the new file (restoreIntoCore); the command line needs the app closed
 *     (restoreDataFolder).
 */

export interface RestoreResult {
  restoredFrom: string;
  kind: 'archive' | 'snapshot';
  /** When the backup was made. */
  backupTakenAt: string | null;
  schema: { from: number; to: number };
  counts: Record<string, number>;
  /** The backup of the state just before the restore (in backups/snapshots). */
  preRestoreBackup: string | null;
  /** Where the files of a damaged database were kept, when it could not be backed up normally. */
  damagedCopy: string | null;
  photosAdded: number;
  /** Photos the restored database refers to that neither the backup nor the data folder has. */
  missingPhotos: number;
}

interface Staged {
  dir: string;
  dbFile: string;
  photosDir: string | null;
  documentsDir: string | null;
  kind: 'archive' | 'snapshot';
  takenAt: string | null;
  schema: { from: number; to: number };
  counts: Record<string, number>;
  hashes: Set<string>;
  images: Array<{ hash: string; mime: string }>;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function sourceKind(file: string): 'archive' | 'snapshot' {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return 'archive';
  if (head.equals(SQLITE_MAGIC)) return 'snapshot';
  throw invalid('file', m('backup.neitherStallkeeperBackupArchive'));
}

/** A snapshot of backups/snapshots by its name (no paths: nothing outside that folder). */
export function snapshotFile(paths: DataPaths, name: string): string {
  if (!parseSnapshotName(name)) throw invalid('snapshot', m('backup.notNameBackupBackups'));
  const file = path.join(snapshotsDir(paths), name);
  if (!fs.existsSync(file)) throw invalid('snapshot', m('backup.noBackupNoLonger'));
  return file;
}

function checkSource(file: string): string {
  if (file.includes('\0') || !path.isAbsolute(file)) throw invalid('file', m('backup.giveFullPathBackup'));
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw invalid('file', m('backup.fileDoesNotExist'));
  }
  if (!stat.isFile()) throw invalid('file', m('backup.notFile'));
  return path.resolve(file);
}

let expected: { version: number; items: SchemaItem[] } | null = null;

/** What the migrations make on an empty database (computed once per app version). */
function expectedSchema(): SchemaItem[] {
  const version = loadMigrations().length;
  if (expected?.version !== version) {
    const db = openDatabase(':memory:');
    try {
      expected = { version, items: schemaItems(db) };
    } finally {
      db.close();
    }
  }
  return expected.items;
}

const KIND_NAMES = {
  table: m('backup.schema.table'),
  index: m('backup.schema.index'),
  trigger: m('backup.schema.trigger'),
  view: m('backup.schema.view'),
  column: m('backup.schema.column'),
} as const;

function describeDifference(d: SchemaDifference): Message {
  const { type, name, table } = d.item;
  const kind = KIND_NAMES[type];
  if (d.kind === 'extra') return type === 'index' || type === 'trigger' ? m('backup.schema.extraOn', { kind, name, table }) : m('backup.schema.extra', { kind, name });
  if (d.kind === 'missing') return m('backup.schema.missing', { kind, name });
  return m('backup.schema.different', { kind, name });
}

/** Refuses a database whose structure is not exactly what the migrations make (a trigger, table or view added by hand, a column changed). */
function checkSchema(db: Db): void {
  const differences = schemaDifferences(expectedSchema(), schemaItems(db));
  if (differences.length === 0) return;
  const shown = differences.slice(0, 3).map(describeDifference);
  const more = differences.length > 3 ? differences.length - 3 : 0;
  throw invalid(
    'file',
    m('backup.schema.notOurs', { differences: more ? [...shown, m('backup.schema.more', { more })] : shown }),
  );
}

/** Bytes of the present database (the backup of it a restore makes first needs as much room). */
function presentBytes(paths: DataPaths): number {
  try {
    return fs.statSync(paths.database).size;
  } catch {
    return 0;
  }
}

/** Photos a snapshot restore would add must be the photos their SHA-256 names say. */
async function checkPhotos(photosDir: string, images: Array<{ hash: string; mime: string }>, paths: DataPaths): Promise<void> {
  for (const image of images) {
    if (fs.existsSync(imageFile(paths.photos, image.hash, image.mime))) continue;
    const source = imageFile(photosDir, image.hash, image.mime);
    if (!fs.existsSync(source)) continue;
    if ((await sha256File(source)) !== image.hash) {
      throw invalid('file', m('backup.photoDoesNotMatch', { hash: image.hash.slice(0, 12) }));
    }
  }
}

async function stage(paths: DataPaths, file: string): Promise<Staged> {
  const source = checkSource(file);
  const kind = sourceKind(source);
  removeStaleTemps(paths);
  if (kind === 'snapshot') {
    const wal = fs.existsSync(`${source}-wal`) ? fs.statSync(`${source}-wal`).size : 0;
    checkRoom(source, paths.backups, fs.statSync(source).size + wal + presentBytes(paths));
  }
  const dir = path.join(paths.backups, `.tmp-${tmpTag()}-restore`);
  fs.mkdirSync(dir, { recursive: true });
  try {
    const dbFile = path.join(dir, ARCHIVE_DB);
    let photosDir: string | null = null;
    let documentsDir: string | null = null;
    let takenAt: string | null = null;
    if (kind === 'archive') {
      const manifest = await extractArchive(source, dir, { extraBytes: presentBytes(paths) });
      photosDir = path.join(dir, 'photos');
      documentsDir = path.join(dir, 'documents');
      takenAt = manifest.createdAt;
    } else {
      fs.copyFileSync(source, dbFile);
      if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${dbFile}-wal`);
      takenAt = parseSnapshotName(path.basename(source))?.takenAt ?? null;
      const besideIt = path.join(path.dirname(source), 'photos');
      photosDir = path.dirname(source) === snapshotsDir(paths) ? photoPoolDir(paths) : fs.existsSync(besideIt) ? besideIt : null;
      documentsDir = path.dirname(source) === snapshotsDir(paths) ? documentPoolDir(paths) : null;
    }
    let db: Db;
    try {
      db = openDatabase(dbFile, { migrate: false });
    } catch (error) {
      throw invalid('file', m('backup.cannotOpenedDatabase', { reason: (error as Error).message }));
    }
    try {
      let problems: string[];
      try {
        problems = [...integrityProblems(db), ...foreignKeyProblems(db)];
      } catch (error) {
        problems = [(error as Error).message];
      }
      if (problems.length > 0) {
        throw invalid('file', m('backup.damagedNotRestored', { problems: problems.slice(0, 3) }));
      }
      const from = schemaVersion(db);
      const known = loadMigrations().length;
      if (from > known) {
        throw invalid('file', m('backup.madeNewerStallkeeperSchema', { from }));
      }
      const to = migrate(db);
      checkSchema(db);
      const images = imageFiles(db);
      if (kind === 'snapshot' && photosDir) await checkPhotos(photosDir, images, paths);
      return { dir, dbFile, photosDir, documentsDir, kind, takenAt, schema: { from, to }, counts: rowCounts(db), hashes: new Set(images.map((i) => i.hash)), images };
    } finally {
      db.close();
    }
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * What a restore keeps from the present: the owner PIN (the backup's PIN
 * only when none is set now, e.g. on a new PC), the network switch and the
 * paired devices with their revocations.
 */
function carrySecurity(stagedDb: string, current: SecurityState | null): void {
  const db = openDatabase(stagedDb, { migrate: false });
  try {
    const fromBackup = readSecurityState(db);
    const settings = current ? { ...current.settings } : { ...fromBackup.settings, lan_enabled: 0 };
    if (!settings.owner_pin_hash) {
      settings.owner_pin_hash = fromBackup.settings.owner_pin_hash;
      settings.owner_idle_minutes = fromBackup.settings.owner_idle_minutes;
    }
    writeSecurityState(db, { settings, devices: current?.devices ?? [] });
  } finally {
    db.close();
  }
}

function mergePhotos(staged: Staged, paths: DataPaths): { added: number; missing: number } {
  // Stored PDFs of issued PIs come back with the photos; their folders are named
  // by number and creation time, so a later PI with the same number never meets them.
  if (staged.documentsDir && fs.existsSync(staged.documentsDir)) copyNewDocuments(staged.documentsDir, paths.documents);
  const added = staged.photosDir ? copyNewPhotos(staged.photosDir, paths.photos, staged.hashes).copied : 0;
  const missing = staged.images.filter((i) => !fs.existsSync(imageFile(paths.photos, i.hash, i.mime))).length;
  return { added, missing };
}

/** The one rename that makes the restore happen; nothing may have the database open. */
function swapIn(paths: DataPaths, staged: Staged): void {
  for (const suffix of ['-wal', '-journal']) {
    const side = `${paths.database}${suffix}`;
    if (fs.existsSync(side) && fs.statSync(side).size > 0) {
      throw new AppError('conflict', m('backup.anotherProgramStillDatabase'));
    }
  }
  fs.rmSync(`${paths.database}-shm`, { force: true });
  fs.rmSync(`${paths.database}-wal`, { force: true });
  fsyncFile(staged.dbFile);
  fs.renameSync(staged.dbFile, paths.database);
  fsyncDir(paths.root);
}

function result(source: string, staged: Staged, pre: string | null, damaged: string | null, photos: { added: number; missing: number }): RestoreResult {
  return {
    restoredFrom: source,
    kind: staged.kind,
    backupTakenAt: staged.takenAt,
    schema: staged.schema,
    counts: staged.counts,
    preRestoreBackup: pre,
    damagedCopy: damaged,
    photosAdded: photos.added,
    missingPhotos: photos.missing,
  };
}

/**
 * Restores into the running app: the core's connection is closed for the
 * swap and a new one opened on the restored file; every door keeps using
 * the same core object, so the next call sees the restored data.
 */
export function restoreIntoCore(core: Core, file: string): Promise<RestoreResult> {
  return core.backups.exclusive('restore', async () => {
    const staged = await stage(core.paths, file);
    try {
      const pre = await takeSnapshot(core.db, core.paths, core.now(), 'pre-restore');
      carrySecurity(staged.dbFile, readSecurityState(core.db));
      const photos = mergePhotos(staged, core.paths);
      core.db.close();
      try {
        swapIn(core.paths, staged);
      } finally {
        core.db = openDatabase(core.paths.database);
      }
      const problems = quickCheck(core.db);
      if (problems.length > 0) {
        // Should never happen (the file was checked); put the pre-restore state back.
        core.db.close();
        copyFileDurably(path.join(snapshotsDir(core.paths), pre.snapshot.name), core.paths.database);
        core.db = openDatabase(core.paths.database);
        throw new AppError('internal', m('backup.restoredDatabaseFailedCheck', { problem: problems[0] ?? '' }));
      }
      core.security.pairing = null;
      core.door.afterRestore?.();
      return result(file, staged, pre.snapshot.name, null, photos);
    } finally {
      fs.rmSync(staged.dir, { recursive: true, force: true });
    }
  });
}

/** Restores a data folder with the app closed (the command line). */
export async function restoreDataFolder(dataDir: string, file: string): Promise<RestoreResult> {
  const paths = ensureDataDir(dataDir);
  const holder = readLiveLock(paths);
  if (holder) {
    throw new AppError(
      'conflict',
      m('backup.stallkeeperRunningDataFolder', { pid: holder.pid }),
    );
  }
  const staged = await stage(paths, file);
  try {
    let pre: string | null = null;
    let damaged: string | null = null;
    let security: SecurityState | null = null;
    const exists = fs.existsSync(paths.database) && fs.statSync(paths.database).size > 0;
    if (exists) {
      let current: Db | null = null;
      try {
        current = openDatabase(paths.database, { migrate: false });
        if (quickCheck(current).length > 0) throw new Error('quick_check failed');
        pre = (await takeSnapshot(current, paths, new Date(), 'pre-restore')).snapshot.name;
        security = readSecurityStateSafely(current);
      } catch {
        damaged = keepDamagedFiles(paths);
      } finally {
        current?.close();
      }
    }
    carrySecurity(staged.dbFile, security);
    const photos = mergePhotos(staged, paths);
    if (damaged) {
      for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${paths.database}${suffix}`, { force: true });
    }
    swapIn(paths, staged);
    const check = openDatabase(paths.database);
    try {
      const problems = quickCheck(check);
      if (problems.length > 0) throw new Error(`the restored database failed its check: ${problems[0]}`);
    } finally {
      check.close();
    }
    return result(file, staged, pre, damaged, photos);
  } finally {
    fs.rmSync(staged.dir, { recursive: true, force: true });
  }
}

function readSecurityStateSafely(db: Db): SecurityState | null {
  try {
    return readSecurityState(db);
  } catch {
    return null; // a database from before the security tables existed
  }
}

/** Copies the files of a database that cannot be read normally (the app is closed, so a file copy is faithful). */
function keepDamagedFiles(paths: DataPaths): string {
  const dir = path.join(paths.backups, `damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const file = `${paths.database}${suffix}`;
    if (fs.existsSync(file)) copyFileDurably(file, path.join(dir, `stallkeeper.db${suffix}`));
  }
  return dir;
}
