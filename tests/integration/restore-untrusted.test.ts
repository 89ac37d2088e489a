import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callMethod } from '../../main/api/dispatch';
import { ARCHIVE_LIMITS, checkRoom, freeBytes, type Manifest } from '../../main/backup/archive';
import { sha256File, walkFiles } from '../../main/backup/fsutil';
import { restoreDataFolder } from '../../main/backup/restore';
import { exportArchiveTo } from '../../main/backup/service';
import { openCore, type Core } from '../../main/core';
import { openDatabase } from '../../db/open';
import { dataDigest, smallStall } from '../helpers/stall';
import { tempDir } from '../helpers/tempCore';

/**
 * Backups made by someone else: each archive here is crafted the way an
 * attacker would (a consistent manifest, correct checksums) and must be
 * refused with a clear reason, nothing on disk or in the data changed.
 */

const GiB = 1024 ** 3;
const dirs: Array<() => void> = [];
function folder(prefix = 'sk-craft-'): string {
  const t = tempDir(prefix);
  dirs.push(t.remove);
  return t.dir;
}

/** Every file of the data folder but the live database, with its SHA-256: what "nothing on disk changed" compares. */
async function folderState(core: Core): Promise<string[]> {
  const out: string[] = [];
  for (const rel of walkFiles(core.paths.root).sort()) {
    if (/^stallkeeper\.db(-wal|-shm)?$/.test(rel) || rel === 'stallkeeper.lock') continue;
    out.push(`${rel} ${await sha256File(path.join(core.paths.root, rel))}`);
  }
  return out;
}

/** Unpacks an archive, lets `change` edit the files, rewrites the manifest to match (as an attacker would) and packs it again. */
async function craft(archive: string, change: (dir: string, manifest: Manifest) => void | Promise<void>, options: { gzipLevel?: number } = {}): Promise<string> {
  const dir = folder('sk-craft-files-');
  await tar.x({ file: archive, cwd: dir });
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  await change(dir, manifest);
  for (const f of manifest.files) {
    const file = path.join(dir, ...f.path.split('/'));
    if (fs.existsSync(file)) {
      f.bytes = fs.statSync(file).size;
      f.sha256 = await sha256File(file);
    }
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  const out = path.join(folder('sk-craft-out-'), 'stallkeeper-backup-crafted.tar.gz');
  await tar.c({ gzip: { level: options.gzipLevel ?? 6 }, file: out, cwd: dir, portable: true, follow: true }, ['manifest.json', ...manifest.files.map((f) => f.path).filter((p) => fs.existsSync(path.join(dir, ...p.split('/'))))]);
  return out;
}

function editDatabase(dir: string, sql: string): void {
  const db = new Database(path.join(dir, 'stallkeeper.db'));
  db.exec(sql);
  db.close();
}

describe('a restore trusts nothing in the backup', () => {
  let core: Core;
  let archive: string;
  let before: { digest: string; files: string[] };

  beforeAll(async () => {
    core = openCore(folder('sk-craft-data-'));
    await smallStall(core);
    archive = (await exportArchiveTo(core, folder('sk-usb-'))).file;
    before = { digest: dataDigest(core), files: await folderState(core) };
  });
  afterAll(() => {
    core.close();
    dirs.splice(0).forEach((f) => f());
  });

  async function refused(file: string, reason: RegExp): Promise<void> {
    const outcome = await callMethod(core, 'backup.restore', { file }, { session: { role: 'owner' } });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ code: 'invalid_input', field: 'file' });
    expect(outcome.error.message).toMatch(reason);
    expect(dataDigest(core)).toBe(before.digest);
    expect(await folderState(core)).toEqual(before.files);
    expect(fs.readdirSync(core.paths.backups).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  }

  it('refuses a backup whose database adds a trigger on paired_devices (a tablet made owner), naming it', async () => {
    const file = await craft(archive, (dir) =>
      editDatabase(
        dir,
        `CREATE TRIGGER make_owner AFTER INSERT ON paired_devices BEGIN
           UPDATE paired_devices SET allow_owner = 1, revoked_at = NULL WHERE id = NEW.id;
           UPDATE products SET notes = notes || ' cost ' || cost_cny_e4;
         END;`,
      ),
    );
    await refused(file, /structure Stallkeeper does not make \(an extra trigger "make_owner" on paired_devices\); it was not restored/);
  });

  it('refuses a backup with an extra table, and one with an extra view', async () => {
    await refused(await craft(archive, (dir) => editDatabase(dir, 'CREATE TABLE loot (item TEXT, cost INTEGER)')), /an extra table "loot"/);
    await refused(await craft(archive, (dir) => editDatabase(dir, 'CREATE VIEW staff_costs AS SELECT item_no, cost_cny_e4 FROM products')), /an extra view "staff_costs"/);
  });

  it('refuses a backup whose table has a column changed or a trigger of the app removed', async () => {
    await refused(await craft(archive, (dir) => editDatabase(dir, 'ALTER TABLE buyers ADD COLUMN secret TEXT')), /an extra column "buyers\.secret"/);
    await refused(await craft(archive, (dir) => editDatabase(dir, 'DROP TRIGGER invoices_never_deleted')), /no trigger "invoices_never_deleted"/);
  });

  describe('a 1 GiB entry (sparse file, gzip level 1: a few MB on disk)', () => {
    let zeros: string;
    let zerosSha: string;
    beforeAll(async () => {
      zeros = path.join(folder('sk-zeros-'), 'zeros');
      fs.closeSync(fs.openSync(zeros, 'w'));
      fs.truncateSync(zeros, GiB); // sparse: no disk blocks
      zerosSha = await sha256File(zeros);
    }, 120_000);

    it('as a photo is refused from its manifest, before any photo is unpacked', async () => {
      const file = await craft(
        archive,
        (dir, manifest) => {
          const rel = `photos/${zerosSha.slice(0, 2)}/${zerosSha}.jpg`;
          fs.mkdirSync(path.join(dir, 'photos', zerosSha.slice(0, 2)), { recursive: true });
          fs.symlinkSync(zeros, path.join(dir, ...rel.split('/')));
          manifest.files.push({ path: rel, bytes: GiB, sha256: zerosSha });
        },
        { gzipLevel: 1 },
      );
      expect(fs.statSync(file).size).toBeLessThan(20 * 1024 * 1024);
      await refused(file, /would unpack to 1\.0 GiB, more than a photo can be \(64 MiB\)/);
    }, 120_000);

    it('as the database is refused at its first bytes (not an SQLite file), before it is written out', async () => {
      const file = await craft(
        archive,
        (dir) => {
          fs.rmSync(path.join(dir, 'stallkeeper.db'));
          fs.symlinkSync(zeros, path.join(dir, 'stallkeeper.db'));
        },
        { gzipLevel: 1 },
      );
      await refused(file, /stallkeeper\.db is not an SQLite database/);
    }, 120_000);
  });

  it('refuses an archive that needs more free disk space than there is, before unpacking anything', async () => {
    const free = freeBytes(core.paths.backups) as number;
    expect(free).toBeGreaterThan(0);
    const claimed = Math.min(free + GiB, ARCHIVE_LIMITS.totalBytes);
    const file = await craft(archive, (dir, manifest) => {
      // The manifest promises a database bigger than the free space; the refusal comes before it would be read.
      fs.rmSync(path.join(dir, 'stallkeeper.db'));
      const db = manifest.files.find((f) => f.path === 'stallkeeper.db') as Manifest['files'][number];
      db.bytes = claimed;
      db.sha256 = crypto.createHash('sha256').update('a database of that size').digest('hex');
    });
    await refused(file, free + GiB <= ARCHIVE_LIMITS.totalBytes ? /needs [\d.]+ [KMGT]iB of free disk space and the disk has [\d.]+ [KMGT]iB/ : /more than a backup can be/);
    expect(() => checkRoom('x.tar.gz', core.paths.backups, free + GiB)).toThrow(/free disk space/);
    expect(() => checkRoom('x.tar.gz', core.paths.backups, 1024)).not.toThrow();
  });

  it('refuses a photo whose bytes are not the SHA-256 it is named after', async () => {
    const file = await craft(archive, (dir, manifest) => {
      const photo = manifest.files.find((f) => /^photos\/[0-9a-f]{2}\//.test(f.path)) as Manifest['files'][number];
      fs.writeFileSync(path.join(dir, ...photo.path.split('/')), Buffer.from('a different picture'));
    });
    await refused(file, /the photo photos\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg does not match the SHA-256 it is named after/);
  });

  it('refuses a file the manifest does not list, and an archive whose first file is not the manifest', async () => {
    const dir = folder('sk-craft-files-');
    await tar.x({ file: archive, cwd: dir });
    fs.mkdirSync(path.join(dir, 'documents', 'X@1'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'documents', 'X@1', 'proforma-en-a4.pdf'), '%PDF-1.3 not listed');
    const names = ['manifest.json', ...walkFiles(dir).filter((n) => n !== 'manifest.json')];
    const unlisted = path.join(folder(), 'unlisted.tar.gz');
    await tar.c({ gzip: true, file: unlisted, cwd: dir, portable: true }, names);
    await refused(unlisted, /contains a file its manifest does not list \(documents\/X@1\/proforma-en-a4\.pdf\)/);
    const reordered = path.join(folder(), 'reordered.tar.gz');
    await tar.c({ gzip: true, file: reordered, cwd: dir, portable: true }, [...names.slice(1), 'manifest.json']);
    await refused(reordered, /manifest\.json is not its first file/);
  });

  it('refuses the same crafted backup from the command line, changing nothing', async () => {
    const data = folder('sk-craft-cli-');
    const other = openCore(data);
    await smallStall(other);
    const digest = dataDigest(other);
    other.close();
    const file = await craft(archive, (dir) => editDatabase(dir, 'CREATE TRIGGER t AFTER UPDATE ON security_settings BEGIN SELECT 1; END;'));
    await expect(restoreDataFolder(data, file)).rejects.toThrow(/an extra trigger "t" on security_settings/);
    const again = openCore(data);
    expect(dataDigest(again)).toBe(digest);
    again.close();
  });

  it('opens every connection with trusted_schema off: a view cannot use a pragma function', () => {
    const file = path.join(folder(), 'views.db');
    const raw = new Database(file);
    raw.exec("CREATE TABLE t (x); CREATE VIEW columns_of_t AS SELECT name FROM pragma_table_info('t')");
    expect(raw.prepare('SELECT * FROM columns_of_t').all()).toEqual([{ name: 'x' }]);
    raw.close();
    const db = openDatabase(file, { migrate: false });
    expect(() => db.prepare('SELECT * FROM columns_of_t').all()).toThrow(/unsafe use of virtual table/);
    db.close();
  });
});
