import type { Db } from '../db/open';
import { ensureDataDir, type DataPaths } from './paths/dataDir';
import { SecurityRuntime } from './auth/runtime';
import type { LanControl } from './auth/lan';
import { BackupRuntime } from './backup/runtime';
import { openCheckedDatabase } from './backup/integrity';
import { acquireDataLock } from './backup/lock';
import type { JobRunner } from './jobs/runner';

/** What the running door offers beyond the API table (absent in the CLI and tests). */
export interface DoorHooks {
  /** The local-network listener (browser mode and Electron). */
  lan?: LanControl;
  /** A folder picker (Electron's dialog), for the USB-stick backup. */
  chooseFolder?: () => Promise<string | null>;
  /** Where removable drives are mounted (default: main/backup/drives.ts); browser mode writes and reads backups only there and in the data folder. */
  removableFolders?: () => string[];
  /** Called after a restore swapped the database (the door may reload its windows). */
  afterRestore?: () => void;
}

/**
 * One open data folder: its database connection and paths. Every door
 * (Electron, HTTP server, CLI) opens one Core and calls the API table with it.
 */
export interface Core {
  /** The connection; a restore closes it and puts a new one here (main/backup/restore.ts). */
  db: Db;
  paths: DataPaths;
  /** The current time; tests replace it to move through days and years. */
  now: () => Date;
  close: () => void;
  /** Seats, owner unlocks, pairing and guessing limits, in memory (main/auth). */
  security: SecurityRuntime;
  /** Backups, exports and restores run one at a time (main/backup). */
  backups: BackupRuntime;
  door: DoorHooks;
  /**
   * Long doors (the core process, browser mode) run imports on a worker
   * thread (main/jobs), so other calls are answered meanwhile; absent in the
   * CLI and tests, where they run in line.
   */
  jobs?: JobRunner;
}

export interface OpenCoreOptions {
  now?: () => Date;
  nativeBinding?: string;
  /**
   * A long-running door ('server', 'electron') marks the data folder as in
   * use, so a second app and the command-line restore refuse to work under it.
   */
  door?: string;
  /** Start with a new, empty database even though backups exist (see main/backup/integrity.ts). */
  allowNewDatabase?: boolean;
}

/**
 * Opens a data folder: quick_check before anything else, migrations after;
 * a damaged database, or a missing one while backups exist, throws
 * DataProblemError (with the newest good backup) instead of starting empty.
 */
export function openCore(dataDir: string, options: OpenCoreOptions = {}): Core {
  const paths = ensureDataDir(dataDir);
  const lock = options.door ? acquireDataLock(paths, options.door) : null;
  let db: Db;
  try {
    db = openCheckedDatabase(paths, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.allowNewDatabase ? { allowNewDatabase: true } : {}),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const core: Core = coreOn(db, paths, options.now ?? (() => new Date()), () => {
    void core.jobs?.close();
    lock?.release();
  });
  return core;
}

/**
 * A core over an open database: its own security and backup state, no door hooks yet. `close`
 * closes the database once, after `onClose` (the job worker, the data-folder lock).
 */
export function coreOn(db: Db, paths: DataPaths, now: () => Date, onClose: () => void = () => undefined): Core {
  let open = true;
  return {
    db,
    paths,
    now,
    security: new SecurityRuntime(),
    backups: new BackupRuntime(),
    door: {},
    close() {
      if (!open) return;
      open = false;
      onClose();
      db.close();
    },
  };
}
