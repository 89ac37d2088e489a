import type { Db } from '../db/open';
import { openDatabase } from '../db/open';
import { ensureDataDir, type DataPaths } from './paths/dataDir';

/**
 * One open data folder: its database connection and paths. Every door
 * (Electron, HTTP server, CLI) opens one Core and calls the API table with it.
 */
export interface Core {
  db: Db;
  paths: DataPaths;
  /** The current time; tests replace it to move through days and years. */
  now: () => Date;
  close: () => void;
}

export interface OpenCoreOptions {
  now?: () => Date;
  nativeBinding?: string;
}

export function openCore(dataDir: string, options: OpenCoreOptions = {}): Core {
  const paths = ensureDataDir(dataDir);
  const db = openDatabase(paths.database, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  let open = true;
  return {
    db,
    paths,
    now: options.now ?? (() => new Date()),
    close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}
