import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../main/core';
import { invoke } from '../../main/api/invoke';
import { DataProblemError } from '../../main/backup/integrity';
import { restoreDataFolder } from '../../main/backup/restore';
import { appPath } from '../../main/paths/appRoot';
import { tempDir } from '../helpers/tempCore';
import { dataDigest, smallStall } from '../helpers/stall';

const cleanup: Array<() => void> = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

/** A data folder with a stall, one backup in backups/snapshots, closed. Returns its digest at the backup. */
async function stallWithBackup(): Promise<{ dir: string; digest: string; backup: string }> {
  const t = tempDir('sk-int-');
  cleanup.push(t.remove);
  const core = openCore(t.dir);
  await smallStall(core);
  // Enough rows that damage in the middle of the file hits data pages.
  for (let i = 0; i < 100; i += 1) await invoke(core, 'buyers.create', { company: `Filler buyer ${i}`, notes: 'x'.repeat(1500), country: 'KE' });
  const backup = await invoke(core, 'backup.run', {});
  const digest = dataDigest(core);
  core.close();
  return { dir: t.dir, digest, backup: backup.snapshot.name };
}

function damage(file: string): void {
  const bytes = fs.readFileSync(file);
  // Keep the header (page 1) so SQLite opens it; scramble pages in the middle.
  for (let i = 8192; i < Math.min(bytes.length, 8192 * 6); i += 1) bytes[i] = (i * 7919) & 0xff;
  fs.writeFileSync(file, bytes);
}

describe('the data folder on open', () => {
  it('refuses a damaged database, says so plainly and offers the newest good backup', async () => {
    const { dir, backup } = await stallWithBackup();
    const db = path.join(dir, 'stallkeeper.db');
    damage(db);
    const bytesBefore = fs.readFileSync(db);
    let error: unknown;
    try {
      openCore(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataProblemError);
    const problem = error as DataProblemError;
    expect(problem.kind).toBe('damaged');
    expect(problem.newestGoodBackup?.name).toBe(backup);
    expect(problem.message).toMatch(/is damaged \(its integrity check failed: .+\)\. The newest good backup is from/);
    expect(problem.messageIn('zh')).toMatch(/已损坏/);
    // Nothing was written to the damaged file.
    expect(fs.readFileSync(db).equals(bytesBefore)).toBe(true);
  });

  it('refuses a file that is not a database at all', async () => {
    const { dir } = await stallWithBackup();
    fs.writeFileSync(path.join(dir, 'stallkeeper.db'), 'this is not a database, it is a text file written over it'.repeat(100));
    expect(() => openCore(dir)).toThrow(DataProblemError);
  });

  it('never starts empty when the database is missing (or empty) but backups exist', async () => {
    const { dir } = await stallWithBackup();
    const db = path.join(dir, 'stallkeeper.db');
    fs.rmSync(db);
    expect(() => openCore(dir)).toThrow(/is missing, but there are backups/);
    expect(fs.existsSync(db)).toBe(false);
    fs.writeFileSync(db, '');
    expect(() => openCore(dir)).toThrow(DataProblemError);
    expect(fs.statSync(db).size).toBe(0);
    // Starting empty is a deliberate choice.
    const core = openCore(dir, { allowNewDatabase: true });
    expect((await invoke(core, 'products.list', {})).total).toBe(0);
    core.close();
  });

  it('starts a brand-new stall when there is no database and no backup', () => {
    const t = tempDir('sk-new-');
    cleanup.push(t.remove);
    const core = openCore(t.dir);
    expect(fs.existsSync(path.join(t.dir, 'stallkeeper.db'))).toBe(true);
    core.close();
  });

  it('is healed by restoring the newest good backup it offered', async () => {
    const { dir, digest } = await stallWithBackup();
    damage(path.join(dir, 'stallkeeper.db'));
    let offered: DataProblemError | null = null;
    try {
      openCore(dir);
    } catch (e) {
      offered = e as DataProblemError;
    }
    const result = await restoreDataFolder(dir, offered?.newestGoodBackup?.file as string);
    expect(result.damagedCopy).toBeTruthy();
    const core = openCore(dir);
    expect(dataDigest(core)).toBe(digest);
    core.close();
  });

  it('makes browser mode refuse to start with the message and the restore command', async () => {
    const { dir } = await stallWithBackup();
    damage(path.join(dir, 'stallkeeper.db'));
    const r = spawnSync(process.execPath, [appPath('node_modules', 'tsx', 'dist', 'cli.mjs'), appPath('main', 'server', 'serve.ts'), '--data', dir, '--port', '0'], {
      cwd: appPath(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/is damaged/);
    expect(r.stderr).toMatch(/Restore it with:\n {2}npm run cli -- restore ".*-auto\.db|-manual\.db/);
    expect(r.stdout).not.toMatch(/running at/);
  }, 90_000);
});
