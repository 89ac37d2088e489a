import crypto from 'node:crypto';
import type { Db } from './open';
import { openDatabase } from './open';
import { schemaVersion } from './migrate';

/**
 * Copies a live database with SQLite's online backup API: a consistent
 * snapshot taken page by page while the app keeps working (never a file
 * copy, which can catch a half-written page or miss the WAL).
 */
export async function onlineBackup(db: Db, destination: string): Promise<void> {
  await db.backup(destination);
}

/**
 * Turns a fresh backup copy into one standalone file (rollback journal, no
 * -wal/-shm beside it) and checks it. Returns the problems integrity_check found.
 */
export function finishSnapshot(file: string): { problems: string[]; schemaVersion: number } {
  const db = openDatabase(file, { migrate: false });
  try {
    db.pragma('journal_mode = DELETE');
    return { problems: integrityProblems(db), schemaVersion: schemaVersion(db) };
  } finally {
    db.close();
  }
}

/** PRAGMA integrity_check (the full check): [] when the file is sound. */
export function integrityProblems(db: Db): string[] {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  return rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
}

/** Rows whose foreign key points at nothing, as "table rowid → parent". */
export function foreignKeyProblems(db: Db): string[] {
  const rows = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
  return rows.map((r) => `${r.table} row ${r.rowid} → ${r.parent}`);
}

/** Every stored image of a database, with its type (to find its file in photos/). */
export function imageFiles(db: Db): Array<{ hash: string; mime: string }> {
  return db.prepare<[], { hash: string; mime: string }>('SELECT hash, mime FROM images ORDER BY hash').all();
}

function userTables(db: Db): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((t) => t.name);
}

/**
 * A SHA-256 over every row of every table (rows sorted, so the physical
 * order does not matter). Two databases with the same digest hold the same
 * data. `exclude` leaves tables out (the security tables across a restore).
 */
export function databaseDigest(db: Db, exclude: string[] = []): string {
  const hash = crypto.createHash('sha256');
  for (const table of userTables(db)) {
    if (exclude.includes(table)) continue;
    const rows = db
      .prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`)
      .raw()
      .all()
      .map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('base64') : v)))
      .sort();
    hash.update(`${table}\n${rows.join('\n')}\n`);
  }
  return hash.digest('hex');
}

/** Row counts per table, for a human-readable summary of a backup. */
export function rowCounts(db: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of userTables(db)) {
    counts[table] = (db.prepare(`SELECT count(*) AS n FROM "${table.replace(/"/g, '""')}"`).get() as { n: number }).n;
  }
  return counts;
}
