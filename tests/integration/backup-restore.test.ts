import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as tar from 'tar';
import Database from 'better-sqlite3';
import { openCore, type Core } from '../../main/core';
import { invoke, ApiFailure } from '../../main/api/invoke';
import { callMethod } from '../../main/api/dispatch';
import { runCli } from '../../main/cli/index';
import { listSnapshots, photoPoolDir, snapshotsDir } from '../../main/backup/snapshots';
import { verifyArchive } from '../../main/backup/archive';
import { restoreDataFolder } from '../../main/backup/restore';
import { exportArchiveTo } from '../../main/backup/service';
import { walkFiles } from '../../main/backup/fsutil';
import { applyPragmas } from '../../db/open';
import { loadMigrations, migrate } from '../../db/migrate';
import { databaseDigest } from '../../db/backup';
import { appPath } from '../../main/paths/appRoot';
import { tempDir } from '../helpers/tempCore';
import { dataDigest, fiftyNewQuotations, smallStall } from '../helpers/stall';

const cleanup: Array<() => void> = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

function folder(prefix = 'sk-bk-'): string {
  const t = tempDir(prefix);
  cleanup.push(t.remove);
  return t.dir;
}

function open(dir: string, now?: () => Date): Core {
  const core = openCore(dir, now ? { now } : {});
  cleanup.unshift(() => core.close());
  return core;
}

function quiet() {
  const o = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return () => {
    o.mockRestore();
    e.mockRestore();
  };
}

describe('backups in the data folder', () => {
  it('makes a standalone snapshot with the online backup API that passes integrity_check, and copies each photo once', async () => {
    const core = open(folder());
    await smallStall(core);
    const first = await invoke(core, 'backup.run', {});
    expect(first.snapshot.kind).toBe('manual');
    const file = path.join(snapshotsDir(core.paths), first.snapshot.name);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(databaseDigest(db)).toBe(databaseDigest(core.db));
    db.close();
    expect(first.photosCopied).toBe(4); // two photos and their thumbnails
    expect(walkFiles(photoPoolDir(core.paths)).sort()).toEqual(walkFiles(core.paths.photos).sort());
    const second = await invoke(core, 'backup.run', {});
    expect(second.photosCopied).toBe(0);
  });

  it('keeps 7 daily, 4 weekly and 12 monthly backups as the days go by', async () => {
    let now = new Date(2026, 0, 1, 9).getTime();
    const core = open(folder(), () => new Date(now));
    await smallStall(core);
    const taken: string[] = [];
    for (let day = 0; day < 400; day += 4) {
      taken.push((await invoke(core, 'backup.run', {})).snapshot.takenAt);
      now += 4 * 86_400_000;
    }
    const kept = listSnapshots(core.paths).map((s) => s.takenAt);
    expect(kept.length).toBeLessThanOrEqual(23);
    // The 7 newest (one per day here) are all kept, and one of each of the last 12 months.
    expect(kept.slice(0, 7)).toEqual(taken.slice(-7).reverse());
    expect(new Set(kept.map((t) => t.slice(0, 7))).size).toBe(12);
    // Photos of the backup pool that no kept backup refers to are gone; the kept ones are all there.
    expect(walkFiles(photoPoolDir(core.paths)).length).toBe(4);
    expect((await invoke(core, 'backup.status', {})).lastBackupAt).toBe(kept[0]);
  }, 120_000);

  it('shows the last backup and warns when it or the last USB copy is old', async () => {
    let now = Date.parse('2026-05-01T10:00:00Z');
    const core = open(folder(), () => new Date(now));
    let status = await invoke(core, 'backup.status', {});
    expect(status.lastBackupAt).toBeNull();
    expect(status.backupIsOld).toBe(true);
    expect(status.exportIsOld).toBe(true);
    await invoke(core, 'backup.run', {});
    await invoke(core, 'backup.export', { folder: folder('sk-usb-') });
    status = await invoke(core, 'backup.status', {});
    expect(status).toMatchObject({ lastBackupAt: '2026-05-01T10:00:00.000Z', backupIsOld: false, exportIsOld: false });
    now += 2 * 86_400_000;
    expect(await invoke(core, 'backup.status', {})).toMatchObject({ backupIsOld: true, exportIsOld: false });
    now += 6 * 86_400_000;
    expect(await invoke(core, 'backup.status', {})).toMatchObject({ exportIsOld: true });
  });
});

describe('the archive for a USB stick', () => {
  it('is one .tar.gz with the database, the photos it refers to and a manifest of checksums', async () => {
    const core = open(folder());
    await smallStall(core);
    const usb = folder('sk-usb-');
    const result = await invoke(core, 'backup.export', { folder: usb });
    if (result.cancelled) throw new Error('not expected');
    expect(path.dirname(result.file)).toBe(usb);
    expect(result.file).toMatch(/stallkeeper-backup-\d{8}-\d{6}\.tar\.gz$/);
    const names: string[] = [];
    await tar.t({ file: result.file, onReadEntry: (e) => names.push(e.path) });
    expect(names[0]).toBe('manifest.json');
    expect(names).toContain('stallkeeper.db');
    expect(names.filter((n) => n.startsWith('photos/'))).toHaveLength(4);
    const manifest = await verifyArchive(result.file);
    expect(manifest).toMatchObject({ format: 'stallkeeper-backup', schemaVersion: loadMigrations().length, photos: 2 });
    expect(manifest.counts.products).toBe(4);
    expect(fs.readdirSync(usb)).toEqual([path.basename(result.file)]);
  });

  it('refuses folders that are not a place for a backup, naming the field', async () => {
    const core = open(folder());
    const bad = ['relative/folder', '/no/such/folder/anywhere', core.paths.backups, '/'];
    for (const f of bad) {
      const outcome = await callMethod(core, 'backup.export', { folder: f }, { session: { role: 'owner' } });
      expect(outcome, f).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'folder' } });
    }
    const file = path.join(folder(), 'a-file.txt');
    fs.writeFileSync(file, 'x');
    expect(await callMethod(core, 'backup.export', { folder: file }, { session: { role: 'owner' } })).toMatchObject({ ok: false, error: { field: 'folder' } });
  });

  it('can be written by the command line while the app has the database open', async () => {
    const data = folder();
    const core = open(data);
    await smallStall(core);
    const out = path.join(folder('sk-usb-'), 'stall.tar.gz');
    const restore = quiet();
    const code = await runCli(['backup', '--data', data, '--out', out]);
    restore();
    expect(code).toBe(0);
    expect((await verifyArchive(out)).counts.buyers).toBe(4);
  });
});

describe('restore', () => {
  it('brings back exactly the state of a backup made before 50 new quotations, keeping the state before the restore as a backup (running app)', async () => {
    const core = open(folder());
    await smallStall(core);
    const atBackup = dataDigest(core);
    const archive = await exportArchiveTo(core, folder('sk-usb-'));
    await fiftyNewQuotations(core);
    const beforeRestore = dataDigest(core);
    expect(beforeRestore).not.toBe(atBackup);

    const result = await invoke(core, 'backup.restore', { file: archive.file });
    expect(dataDigest(core)).toBe(atBackup);
    expect((await invoke(core, 'products.list', { limit: 500 })).total).toBe(4);
    expect((await invoke(core, 'quotes.list', {})).total).toBe(0);
    expect((await invoke(core, 'invoices.list', {})).total).toBe(0);
    expect(result.preRestoreBackup).toMatch(/pre-restore\.db$/);
    const kept = new Database(path.join(snapshotsDir(core.paths), result.preRestoreBackup as string), { readonly: true });
    expect(databaseDigest(kept, ['security_settings', 'paired_devices'])).toBe(beforeRestore);
    kept.close();
    // And the kept state can itself be restored.
    await invoke(core, 'backup.restore', { snapshot: result.preRestoreBackup as string });
    expect(dataDigest(core)).toBe(beforeRestore);
  });

  it('does the same from the command line with the app closed', async () => {
    const data = folder();
    let core = openCore(data);
    await smallStall(core);
    const atBackup = dataDigest(core);
    const archive = await exportArchiveTo(core, folder('sk-usb-'));
    await fiftyNewQuotations(core);
    const beforeRestore = dataDigest(core);
    core.close();
    const out: string[] = [];
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => (out.push(String(c)), true));
    const code = await runCli(['restore', archive.file, '--data', data]);
    o.mockRestore();
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/before is kept in backups\/snapshots\/stallkeeper-.*-pre-restore\.db/);
    core = open(data);
    expect(dataDigest(core)).toBe(atBackup);
    const pre = listSnapshots(core.paths).find((s) => s.kind === 'pre-restore');
    const kept = new Database(pre?.file as string, { readonly: true });
    expect(databaseDigest(kept, ['security_settings', 'paired_devices'])).toBe(beforeRestore);
    kept.close();
  });

  it('brings back photos that were deleted from the data folder', async () => {
    const data = folder();
    const core = open(data);
    await smallStall(core);
    const archive = await exportArchiveTo(core, folder('sk-usb-'));
    fs.rmSync(core.paths.photos, { recursive: true });
    fs.mkdirSync(core.paths.photos);
    const result = await invoke(core, 'backup.restore', { file: archive.file });
    expect(result).toMatchObject({ photosAdded: 4, missingPhotos: 0 });
    const product = await invoke(core, 'products.get', { itemNo: 'S-1' });
    expect(walkFiles(core.paths.photos)).toContain(`${product.cover?.hash.slice(0, 2)}/${product.cover?.hash}.jpg`);
  });

  it('migrates a backup from an older version of the app', async () => {
    const dir = folder('sk-old-');
    const file = path.join(dir, 'stallkeeper-v1.db');
    const db = new Database(file);
    applyPragmas(db);
    migrate(db, loadMigrations(), 1);
    db.exec(fs.readFileSync(appPath('tests', 'fixtures', 'migrations', '001.sql'), 'utf8'));
    db.pragma('journal_mode = DELETE');
    db.close();
    const core = open(folder());
    const result = await invoke(core, 'backup.restore', { file });
    expect(result.schema).toEqual({ from: 1, to: loadMigrations().length });
    expect((await invoke(core, 'products.get', { itemNo: '00123' })).names.ar).toBe('سيارة');
  });

  it('refuses a damaged archive, a file that is not a backup and a newer database, changing nothing', async () => {
    const core = open(folder());
    await smallStall(core);
    const archive = await exportArchiveTo(core, folder('sk-usb-'));
    const before = dataDigest(core);
    const snapshotsBefore = listSnapshots(core.paths).length;

    const damaged = path.join(folder(), 'damaged.tar.gz');
    const bytes = fs.readFileSync(archive.file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 0xff;
    fs.writeFileSync(damaged, bytes);
    const notBackup = path.join(folder(), 'notes.txt');
    fs.writeFileSync(notBackup, 'shopping list');
    const newer = path.join(folder(), 'newer.db');
    const db = new Database(newer);
    db.pragma(`user_version = ${loadMigrations().length + 3}`);
    db.exec('CREATE TABLE t (x)');
    db.close();

    for (const [file, pattern] of [
      [damaged, /damaged|cannot be read/],
      [notBackup, /neither a Stallkeeper backup/],
      [newer, /newer Stallkeeper/],
      ['/no/such/backup.tar.gz', /does not exist/],
    ] as const) {
      const outcome = await callMethod(core, 'backup.restore', { file }, { session: { role: 'owner' } });
      expect(outcome.ok, file).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error).toMatchObject({ code: 'invalid_input', field: 'file' });
        expect(outcome.error.message, file).toMatch(pattern);
      }
    }
    expect(dataDigest(core)).toBe(before);
    expect(listSnapshots(core.paths).length).toBe(snapshotsBefore);
    expect(fs.readdirSync(core.paths.backups).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });

  it('keeps the owner PIN and revoked devices of the present: a restore never brings a revoked tablet back', async () => {
    const core = open(folder());
    await invoke(core, 'auth.setOwnerPin', { pin: '2468' }, { session: { role: 'owner', seat: core.security.pc } });
    const archive = await exportArchiveTo(core, folder('sk-usb-'));
    // After the backup: a device pairs and is then revoked, and the PIN changes.
    core.db.prepare("INSERT INTO paired_devices (name, token_sha256, paired_at, revoked_at) VALUES ('Lost tablet', ?, '2026-01-01', '2026-01-02')").run('a'.repeat(64));
    await invoke(core, 'auth.setOwnerPin', { pin: '1357', currentPin: '2468' }, { session: { role: 'owner', seat: core.security.pc } });
    await invoke(core, 'backup.restore', { file: archive.file });
    const devices = core.db.prepare('SELECT name, revoked_at FROM paired_devices').all();
    expect(devices).toEqual([{ name: 'Lost tablet', revoked_at: '2026-01-02' }]);
    core.security.pc.lock();
    await expect(invoke(core, 'auth.unlock', { pin: '2468' }, { session: { role: 'staff', seat: core.security.pc } })).rejects.toThrow(ApiFailure);
    await invoke(core, 'auth.unlock', { pin: '1357' }, { session: { role: 'staff', seat: core.security.pc } });
  });

  it('is refused by the command line while the app runs on the folder', async () => {
    const data = folder();
    const core = open(data);
    const archive = await exportArchiveTo(core, folder('sk-usb-'));
    fs.writeFileSync(path.join(data, 'stallkeeper.lock'), JSON.stringify({ pid: process.ppid, door: 'electron', since: '2026-01-01T00:00:00Z' }));
    await expect(restoreDataFolder(data, archive.file)).rejects.toThrow(/Stallkeeper is running on this data folder/);
  });

  it('from the command line replaces a damaged database, keeping its files', async () => {
    const data = folder();
    const core = openCore(data);
    await smallStall(core);
    const atBackup = dataDigest(core);
    const archive = await exportArchiveTo(core, folder('sk-usb-'));
    core.close();
    fs.writeFileSync(path.join(data, 'stallkeeper.db'), Buffer.alloc(8192, 0x42));
    const result = await restoreDataFolder(data, archive.file);
    expect(result.damagedCopy).toMatch(/damaged-/);
    expect(fs.readFileSync(path.join(result.damagedCopy as string, 'stallkeeper.db')).subarray(0, 4).toString()).toBe('BBBB');
    expect(dataDigest(open(data))).toBe(atBackup);
  });
});
