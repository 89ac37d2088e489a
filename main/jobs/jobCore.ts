import { coreOn, type Core } from '../core';
import { openDatabase } from '../../db/open';
import { dataPaths } from '../paths/dataDir';

/**
 * The core a job's worker works with: the same data folder through a second
 * connection (the door opened and checked it already, so no quick_check or
 * migrations here), no lock of its own, no door hooks.
 */
export function openJobCore(dataDir: string, now: () => Date): Core {
  const paths = dataPaths(dataDir);
  const db = openDatabase(paths.database, { migrate: false });
  return coreOn(db, paths, now);
}
