import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../main/core';

/** A real data folder with a real SQLite file, in a temp folder removed afterwards. */
export function tempDir(prefix = 'sk-test-'): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }) };
}

export function tempCore(options: { now?: () => Date } = {}): Core & { remove: () => void } {
  const { dir, remove } = tempDir();
  const core = openCore(dir, options);
  return Object.assign(core, {
    remove: () => {
      core.close();
      remove();
    },
  });
}
