import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core';
import { AppError, DISK_FULL, invalid, isDiskFull, m, translate, type Locale } from '../errors/apiError';
import { finishSnapshot, imageFiles, onlineBackup } from '../../db/backup';
import { openDatabase, type Db } from '../../db/open';
import type { DataPaths } from '../paths/dataDir';
import { ARCHIVE_DB, buildArchive, type Manifest } from './archive';
import { removableFolders } from './drives';
import { fsyncDir, fsyncFile, tmpTag } from './fsutil';
import { copyNewPhotos, prunePhotoPool } from './photos';
import { copyNewDocuments } from './documents';
import { backupsToKeep, DEFAULT_POLICY, type RotationPolicy } from './rotation';
import type { LastRun } from './runtime';
import {
  listSnapshots,
  documentPoolDir,
  photoPoolDir,
  removeStaleTemps,
  snapshotName,
  snapshotsDir,
  type SnapshotInfo,
  type SnapshotKind,
} from './snapshots';

/** Older than this, the newest backup in the data folder is shown as a warning. */
export const BACKUP_OLD_MS = 26 * 3600_000;
/** Older than this (or never), the last copy to a USB stick is shown as a warning. */
export const EXPORT_OLD_MS = 7 * 86_400_000;
/** Pre-restore backups kept, newest first (they are outside the daily/weekly/monthly rotation). */
export const PRE_RESTORE_KEPT = 5;

export interface SnapshotResult {
  snapshot: Omit<SnapshotInfo, 'file'>;
  photosCopied: number;
  removed: string[];
}

function describe(s: SnapshotInfo): Omit<SnapshotInfo, 'file'> {
  const { file: _file, ...rest } = s;
  return rest;
}

/**
 * Copies a database into backups/snapshots with SQLite's online backup API,
 * checks the copy (integrity_check), flushes it and renames it into place
 * (so a snapshot is whole or absent), copies new photos, and rotates.
 */
export async function takeSnapshot(db: Db, paths: DataPaths, at: Date, kind: SnapshotKind, policy: RotationPolicy = DEFAULT_POLICY): Promise<SnapshotResult> {
  removeStaleTemps(paths);
  const dir = snapshotsDir(paths);
  fs.mkdirSync(dir, { recursive: true });
  let when = at;
  while (fs.existsSync(path.join(dir, snapshotName(when, kind)))) when = new Date(when.getTime() + 1);
  const name = snapshotName(when, kind);
  const final = path.join(dir, name);
  const tmp = path.join(dir, `.tmp-${tmpTag()}-${name}`);
  try {
    await onlineBackup(db, tmp);
    const { problems } = finishSnapshot(tmp);
    if (problems.length > 0) {
      throw new AppError('internal', m('backup.backupCopyFailedIntegrity', { problem: problems[0] ?? '' }));
    }
    fsyncFile(tmp);
    fs.renameSync(tmp, final);
    fsyncDir(dir);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}-journal`, { force: true });
    throw error;
  }
  // Photo files are written before the transaction that refers to them
  // commits, so every photo the copy refers to is on disk by now.
  const photos = copyNewPhotos(paths.photos, photoPoolDir(paths));
  copyNewDocuments(paths.documents, documentPoolDir(paths));
  const removed = rotateBackups(paths, policy);
  const info = listSnapshots(paths).find((s) => s.name === name) as SnapshotInfo;
  return { snapshot: describe(info), photosCopied: photos.copied, removed };
}

/** A snapshot of the open core; callers hold core.backups.exclusive. */
export function snapshotUnlocked(core: Core, kind: SnapshotKind, policy: RotationPolicy = DEFAULT_POLICY): Promise<SnapshotResult> {
  return takeSnapshot(core.db, core.paths, core.now(), kind, policy);
}

/** Takes a backup now (queued behind any running backup, export or restore). */
export function backupNow(core: Core, kind: SnapshotKind = 'manual'): Promise<SnapshotResult> {
  return core.backups.exclusive('backup', () => snapshotUnlocked(core, kind));
}

/** The automatic backup: like backupNow, and its outcome is remembered for the Backup card. */
export async function automaticBackup(core: Core): Promise<SnapshotResult | null> {
  try {
    const result = await core.backups.exclusive('backup', () => snapshotUnlocked(core, 'auto'));
    core.backups.lastAutomatic = { at: core.now().toISOString(), ok: true, error: null, message: null };
    return result;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const message = isDiskFull(error) ? DISK_FULL : error instanceof AppError ? error.content : m('errors.text', { text: detail });
    core.backups.lastAutomatic = { at: core.now().toISOString(), ok: false, error: translate(message, 'en'), message };
    return null;
  }
}

/**
 * Deletes the snapshots the rotation does not keep (7 daily, 4 weekly,
 * 12 monthly; pre-restore ones: the newest five), then the photos of the
 * backup pool no kept snapshot refers to.
 */
export function rotateBackups(paths: DataPaths, policy: RotationPolicy = DEFAULT_POLICY): string[] {
  const all = listSnapshots(paths);
  const regular = all.filter((s) => s.kind !== 'pre-restore');
  const keepRegular = backupsToKeep(regular.map((s) => new Date(s.takenAt)), policy);
  const doomed = [
    ...regular.filter((_, i) => !keepRegular.has(i)),
    ...all.filter((s) => s.kind === 'pre-restore').slice(PRE_RESTORE_KEPT),
  ];
  for (const s of doomed) fs.rmSync(s.file, { force: true });
  const kept = listSnapshots(paths);
  const hashes = new Set<string>();
  for (const s of kept) {
    try {
      const db = openDatabase(s.file, { readonly: true, migrate: false });
      try {
        for (const image of imageFiles(db)) hashes.add(image.hash);
      } finally {
        db.close();
      }
    } catch {
      // A snapshot that cannot be read: keep every photo rather than guess.
      return doomed.map((s) => s.name);
    }
  }
  prunePhotoPool(photoPoolDir(paths), hashes);
  return doomed.map((s) => s.name);
}

// ---------------------------------------------------------------- exports (USB stick)

export interface ExportRecord {
  at: string;
  file: string;
  bytes: number;
}

function exportsLog(core: Core): string {
  return path.join(core.paths.backups, 'exports.json');
}

export function readExports(core: Core): ExportRecord[] {
  try {
    const list = JSON.parse(fs.readFileSync(exportsLog(core), 'utf8')) as unknown;
    return Array.isArray(list) ? (list as ExportRecord[]) : [];
  } catch {
    return [];
  }
}

function recordExport(core: Core, record: ExportRecord): void {
  const list = [record, ...readExports(core)].slice(0, 20);
  const file = exportsLog(core);
  const tmp = `${file}.${tmpTag()}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(list, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

/** A folder the archive may be written to: absolute, existing, writable, and not the data folder or the system root. */
export function checkExportFolder(core: Core, folder: string): string {
  const field = 'folder';
  if (folder.includes('\0') || !path.isAbsolute(folder)) throw invalid(field, m('backup.giveFullPathFolder'));
  const resolved = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw invalid(field, m('backup.folderDoesNotExist'));
  }
  if (!stat.isDirectory()) throw invalid(field, m('backup.fileNotFolder'));
  if (path.parse(resolved).root === resolved && (process.platform !== 'win32' || resolved.toUpperCase().startsWith((process.env.SystemDrive ?? 'C:').toUpperCase()))) {
    throw invalid(field, m('backup.chooseUsbStickFolder'));
  }
  const rel = path.relative(core.paths.root, resolved);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    throw invalid(field, m('backup.insideDataFolderBackup'));
  }
  try {
    fs.accessSync(resolved, fs.constants.W_OK);
  } catch {
    throw invalid(field, m('backup.cannotWrittenUsbStick'));
  }
  return resolved;
}

/** Where removable drives are mounted, as the running door sees them. */
export function removableRoots(core: Core): string[] {
  return core.door.removableFolders?.() ?? removableFolders();
}

function realOrResolved(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The HTTP door's rule for paths a call names (a script on this PC must not
 * read or write backups anywhere it likes): a restore reads from the data
 * folder (backups/ included) or a removable drive, an export writes to a
 * removable drive. Links are followed first, so none leads elsewhere.
 */
export function withinAllowedFolders(core: Core, target: string, field: 'file' | 'folder', dataFolderToo: boolean): void {
  const real = realOrResolved(target);
  const drives = removableRoots(core);
  const roots = [...(dataFolderToo ? [core.paths.root] : []), ...drives].map(realOrResolved);
  if (roots.some((root) => isInside(real, root))) return;
  const where = drives.length > 0 ? drives.join(', ') : null;
  throw new AppError(
    'forbidden',
    field === 'file'
      ? m('backup.browserRestoreOutside', { root: core.paths.root, drives: where ? m('backup.drivesPlugged', { where }) : m('backup.noDrivePlugged'), target })
      : m('backup.browserBackupOutside', { drives: where ? m('backup.drivesPlugged', { where }) : m('backup.noDrivePlugged'), target }),
    field,
  );
}

function lastRunIn(last: LastRun | null, locale: Locale): Omit<LastRun, 'message'> | null {
  if (!last) return null;
  return { at: last.at, ok: last.ok, error: last.message ? translate(last.message, locale) : last.error };
}

function archiveName(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `stallkeeper-backup-${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}.tar.gz`;
}

export interface ExportResult {
  file: string;
  bytes: number;
  createdAt: string;
  photos: number;
  counts: Manifest['counts'];
}

/**
 * Writes one archive (database + photos, see archive.ts) into `target`: a
 * folder (the file is named by the date) or a file path ending in .tar.gz.
 * The archive is read back and checked before this returns.
 */
export async function exportArchiveTo(core: Core, target: string, options: { targetIsFile?: boolean } = {}): Promise<ExportResult> {
  return core.backups.exclusive('export', async () => {
    const at = core.now();
    const outFile = options.targetIsFile ? path.resolve(target) : path.join(target, archiveName(at));
    const staging = path.join(core.paths.backups, `.tmp-${tmpTag()}-export`);
    fs.mkdirSync(staging, { recursive: true });
    try {
      removeStaleTemps(core.paths);
      const dbCopy = path.join(staging, ARCHIVE_DB);
      await onlineBackup(core.db, dbCopy);
      const { problems } = finishSnapshot(dbCopy);
      if (problems.length > 0) throw new AppError('internal', m('backup.databaseCopyFailedIntegrity', { problem: problems[0] ?? '' }));
      const built = await buildArchive(staging, core.paths.photos, outFile, at, core.paths.documents);
      recordExport(core, { at: at.toISOString(), file: built.file, bytes: built.bytes });
      return { file: built.file, bytes: built.bytes, createdAt: built.manifest.createdAt, photos: built.manifest.photos, counts: built.manifest.counts };
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
  });
}

// ---------------------------------------------------------------- status

export interface BackupStatus {
  /** backups/ in the data folder. */
  folder: string;
  snapshots: Array<Omit<SnapshotInfo, 'file'>>;
  lastBackupAt: string | null;
  backupIsOld: boolean;
  lastExport: ExportRecord | null;
  exportIsOld: boolean;
  /** The last automatic backup; `error` says why it failed, in the caller's language. */
  lastAutomatic: Omit<LastRun, 'message'> | null;
  busy: 'backup' | 'export' | 'restore' | null;
  /** The desktop app can show a folder picker; the browser cannot. */
  canChooseFolder: boolean;
  /** Where a USB stick seems to be mounted. */
  suggestedFolders: string[];
}

export function backupStatus(core: Core, locale: Locale = 'en'): BackupStatus {
  const snapshots = listSnapshots(core.paths);
  const now = core.now().getTime();
  const newest = snapshots.find((s) => s.kind !== 'pre-restore') ?? null;
  const lastExport = readExports(core)[0] ?? null;
  return {
    folder: core.paths.backups,
    snapshots: snapshots.map(describe),
    lastBackupAt: newest?.takenAt ?? null,
    backupIsOld: !newest || now - Date.parse(newest.takenAt) > BACKUP_OLD_MS,
    lastExport,
    exportIsOld: !lastExport || now - Date.parse(lastExport.at) > EXPORT_OLD_MS,
    lastAutomatic: lastRunIn(core.backups.lastAutomatic, locale),
    busy: core.backups.busy,
    canChooseFolder: Boolean(core.door.chooseFolder),
    suggestedFolders: removableRoots(core),
  };
}
