import fs from 'node:fs';
import path from 'node:path';
import type { DataPaths } from '../paths/dataDir';
import { openDatabase } from '../../db/open';
import { quickCheck } from '../../db/open';
import { schemaVersion } from '../../db/migrate';
import { isProcessAlive, pidOfTmp } from './fsutil';

/**
 * The backups/ folder of a data folder:
 *   backups/snapshots/stallkeeper-<UTC time>-<kind>.db   full copies of the database (plain SQLite files)
 *   backups/photos/                                      the photos they refer to, copied once each
 *   backups/exports.json                                 where and when archives were written (USB sticks)
 */
export type SnapshotKind = 'auto' | 'manual' | 'pre-restore';

export interface SnapshotInfo {
  name: string;
  file: string;
  kind: SnapshotKind;
  takenAt: string;
  bytes: number;
}

export function snapshotsDir(paths: DataPaths): string {
  return path.join(paths.backups, 'snapshots');
}

export function photoPoolDir(paths: DataPaths): string {
  return path.join(paths.backups, 'photos');
}

/** Stored PDFs of issued PIs, copied once each (see documents.ts). */
export function documentPoolDir(paths: DataPaths): string {
  return path.join(paths.backups, 'documents');
}

const NAME = /^stallkeeper-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(auto|manual|pre-restore)\.db$/;

export function snapshotName(at: Date, kind: SnapshotKind): string {
  return `stallkeeper-${at.toISOString().replace(/:/g, '-').replace('.', '-')}-${kind}.db`;
}

export function parseSnapshotName(name: string): { takenAt: string; kind: SnapshotKind } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  return { takenAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`, kind: m[6] as SnapshotKind };
}

/** The snapshots in backups/snapshots, newest first. */
export function listSnapshots(paths: DataPaths): SnapshotInfo[] {
  const dir = snapshotsDir(paths);
  if (!fs.existsSync(dir)) return [];
  const out: SnapshotInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const parsed = parseSnapshotName(name);
    if (!parsed) continue;
    const file = path.join(dir, name);
    out.push({ name, file, ...parsed, bytes: fs.statSync(file).size });
  }
  return out.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
}

/** Opens a snapshot read-only and runs quick_check; the problems found, [] when it is good. */
export function checkSnapshot(file: string, maxSchema?: number): string[] {
  try {
    const db = openDatabase(file, { readonly: true, migrate: false });
    try {
      const problems = quickCheck(db);
      if (maxSchema !== undefined && schemaVersion(db) > maxSchema) problems.push(`written by a newer Stallkeeper (schema ${schemaVersion(db)})`);
      return problems;
    } finally {
      db.close();
    }
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

/** The newest snapshot that opens and passes quick_check. */
export function newestGoodSnapshot(paths: DataPaths, maxSchema?: number): SnapshotInfo | null {
  for (const snapshot of listSnapshots(paths)) {
    if (checkSnapshot(snapshot.file, maxSchema).length === 0) return snapshot;
  }
  return null;
}

/** Removes temp files and folders left in backups/ by a process that was killed (its pid is gone). */
export function removeStaleTemps(paths: DataPaths): void {
  for (const dir of [paths.backups, snapshotsDir(paths)]) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      if (!name.startsWith('.tmp-')) continue;
      const pid = pidOfTmp(name);
      if (pid !== null && pid !== process.pid && isProcessAlive(pid)) continue;
      if (pid === process.pid) continue;
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  }
}
