import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { migrate } from './migrate';

export type Db = SqliteDatabase;

export interface OpenOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  readonly?: boolean;
  /** Path to a better_sqlite3.node built for another runtime's ABI (Electron). */
  nativeBinding?: string;
}

/**
 * Opens the stall's database with the pragmas every connection needs:
 * trusted_schema off (the schema may not call unsafe functions), WAL
 * (readers never block the writer), foreign keys on, a busy timeout so a
 * second connection waits instead of failing, synchronous=FULL so a
 * committed transaction survives a power cut, and temporary data in memory.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const nativeBinding = options.nativeBinding ?? process.env.STALLKEEPER_SQLITE_BINDING;
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    applyPragmas(db);
    if (options.migrate !== false && !options.readonly) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function applyPragmas(db: Db): void {
  // SQL in the schema (triggers, views, CHECK and DEFAULT expressions) may call
  // only functions and virtual tables SQLite marks harmless: a database file
  // from elsewhere (a backup) cannot run anything else through its schema.
  db.pragma('trusted_schema = OFF');
  db.pragma('busy_timeout = 5000');
  if (!db.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Temporary tables, indexes and statement journals in memory, not in files of the OS's temp folder
  // (scanned by antivirus on a shop PC): a 100,000-row import 16.4 -> 14.1 s, +5 MiB.
  db.pragma('temp_store = MEMORY');
}

/** PRAGMA quick_check: 'ok' or the list of problems SQLite found. */
export function quickCheck(db: Db): string[] {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  const problems = rows.map((r) => r.quick_check).filter((m) => m !== 'ok');
  return problems;
}
