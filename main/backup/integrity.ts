import fs from 'node:fs';
import type { DataPaths } from '../paths/dataDir';
import { openDatabase, quickCheck, type Db, type OpenOptions } from '../../db/open';
import { loadMigrations, migrate } from '../../db/migrate';
import { listSnapshots, newestGoodSnapshot, type SnapshotInfo } from './snapshots';
import { m, translate, type Locale, type Message } from '../errors/apiError';

/**
 * The data folder cannot be opened as it is: the database is damaged
 * (quick_check failed, or it is not a database at all), or it is missing
 * while backups exist. The app says so plainly and offers the newest good
 * backup instead of starting with an empty database.
 */
export class DataProblemError extends Error {
  constructor(
    readonly kind: 'damaged' | 'missing',
    readonly database: string,
    readonly problems: string[],
    readonly newestGoodBackup: SnapshotInfo | null,
  ) {
    super(translate(DataProblemError.explain(kind, database, problems, newestGoodBackup), 'en'));
    this.name = 'DataProblemError';
  }

  static explain(kind: 'damaged' | 'missing', database: string, problems: string[], backup: SnapshotInfo | null): Message {
    const what = kind === 'missing' ? m('backup.databaseMissingButBackups', { database }) : m('backup.databaseDamaged', { database, problems: problems.slice(0, 3) });
    const offer = backup ? m('backup.newestGoodBackup', { takenAt: backup.takenAt, name: backup.name }) : m('backup.noGoodBackupBackups');
    return m('backup.dataProblem', { what, offer });
  }

  /** What is wrong and what can be done, as a message (translated where it is shown). */
  get explanation(): Message {
    return DataProblemError.explain(this.kind, this.database, this.problems, this.newestGoodBackup);
  }

  messageIn(lang: Locale): string {
    return translate(this.explanation, lang);
  }
}

function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

export interface CheckedOpenOptions extends Pick<OpenOptions, 'nativeBinding'> {
  /** Create a new database even though backups exist (the owner chose an empty stall). */
  allowNewDatabase?: boolean;
}

/**
 * Opens the data folder's database for the app: refuses a missing (or
 * empty, 0-byte) database when backups exist, runs quick_check before
 * touching anything, then applies migrations.
 */
export function openCheckedDatabase(paths: DataPaths, options: CheckedOpenOptions = {}): Db {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const latest = loadMigrations().length;
  const present = fs.existsSync(paths.database) && fs.statSync(paths.database).size > 0;
  if (!present && !options.allowNewDatabase && listSnapshots(paths).length > 0) {
    throw new DataProblemError('missing', paths.database, [], newestGoodSnapshot(paths, latest));
  }
  let db: Db;
  try {
    db = openDatabase(paths.database, { ...binding, migrate: false });
  } catch (error) {
    if (isDamageError(error)) throw new DataProblemError('damaged', paths.database, [(error as Error).message], newestGoodSnapshot(paths, latest));
    throw error;
  }
  try {
    let problems: string[];
    try {
      problems = quickCheck(db);
    } catch (error) {
      if (!isDamageError(error)) throw error;
      problems = [(error as Error).message];
    }
    if (problems.length > 0) throw new DataProblemError('damaged', paths.database, problems, newestGoodSnapshot(paths, latest));
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
