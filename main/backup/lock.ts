import fs from 'node:fs';
import path from 'node:path';
import type { DataPaths } from '../paths/dataDir';
import { isProcessAlive } from './fsutil';

export interface LockInfo {
  pid: number;
  door: string;
  since: string;
}

export function lockFile(paths: DataPaths): string {
  return path.join(paths.root, 'stallkeeper.lock');
}

/** Who has the data folder open (a running app), or null. A lock left by a process that is gone does not count. */
export function readLiveLock(paths: DataPaths): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockFile(paths), 'utf8')) as LockInfo;
    return info.pid !== process.pid && isProcessAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

export class DataFolderBusyError extends Error {
  constructor(
    readonly holder: LockInfo,
    folder: string,
  ) {
    super(`Stallkeeper is already running on ${folder} (${holder.door}, process ${holder.pid}, since ${holder.since}). Close it first, or use the app that is open.`);
    this.name = 'DataFolderBusyError';
  }
}

/**
 * Marks the data folder as open by this process (the server or the desktop
 * app), so a second app and the command-line restore refuse to work under it.
 */
export function acquireDataLock(paths: DataPaths, door: string): { release: () => void } {
  const holder = readLiveLock(paths);
  if (holder) throw new DataFolderBusyError(holder, paths.root);
  const file = lockFile(paths);
  const info: LockInfo = { pid: process.pid, door, since: new Date().toISOString() };
  fs.writeFileSync(file, `${JSON.stringify(info)}\n`);
  let held = true;
  return {
    release: () => {
      if (!held) return;
      held = false;
      try {
        const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
        if (current.pid === process.pid) fs.rmSync(file, { force: true });
      } catch {
        // already gone
      }
    },
  };
}
