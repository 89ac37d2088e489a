import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callMethod, toApiError } from '../../main/api/dispatch';
import { invoke } from '../../main/api/invoke';
import { ERROR_STATUS } from '../../main/errors/apiError';
import { automaticBackup } from '../../main/backup/service';
import { snapshotsDir } from '../../main/backup/snapshots';
import { dataDigest, smallStall } from '../helpers/stall';
import { tempCore } from '../helpers/tempCore';

const cleanup: Array<() => void> = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));
function core() {
  const c = tempCore();
  cleanup.push(c.remove);
  return c;
}

describe('a full disk', () => {
  it('is its own error (disk_full, HTTP 507) in English and Chinese when SQLite says SQLITE_FULL, and the call changes nothing', async () => {
    const c = core();
    await smallStall(c);
    // The database may not grow by one page: exactly what a full disk does to SQLite.
    const pages = c.db.pragma('page_count', { simple: true }) as number;
    c.db.pragma(`max_page_count = ${pages}`);
    let failure: Awaited<ReturnType<typeof callMethod>> | null = null;
    let before = '';
    for (let i = 0; i < 500 && !failure; i += 1) {
      before = dataDigest(c);
      const outcome = await callMethod(c, 'buyers.create', { company: `Buyer ${i}`, country: 'EG', notes: 'x'.repeat(2000) }, { session: { role: 'owner' }, locale: i % 2 ? 'zh' : 'en' });
      if (!outcome.ok) failure = outcome;
    }
    expect(failure).not.toBeNull();
    if (!failure || failure.ok) return;
    expect(failure.error.code).toBe('disk_full');
    expect(failure.error.message).toMatch(/^(Disk full — nothing was changed|磁盘已满——没有做任何更改)/);
    expect(dataDigest(c)).toBe(before);
    const zh = await callMethod(c, 'buyers.create', { company: 'Another', country: 'EG', notes: 'y'.repeat(2000) }, { session: { role: 'owner' }, locale: 'zh' });
    expect(zh).toMatchObject({ ok: false, error: { code: 'disk_full', message: expect.stringMatching(/^磁盘已满——没有做任何更改/) } });
    expect(ERROR_STATUS.disk_full).toBe(507);
  });

  it('is the same error when the file system says ENOSPC (a real write to /dev/full)', () => {
    let error: unknown;
    try {
      fs.writeFileSync('/dev/full', 'a photo');
    } catch (e) {
      error = e;
    }
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(toApiError(error, 'en')).toEqual({ code: 'disk_full', message: 'Disk full — nothing was changed. Free some space on the disk and try again.' });
    expect(toApiError(new Error('upload failed', { cause: error }), 'zh')).toMatchObject({ code: 'disk_full', message: expect.stringMatching(/^磁盘已满——没有做任何更改/) });
  });

  it('shows a failing automatic backup on the dashboard (reports.overview) until a backup succeeds', async () => {
    const c = core();
    expect((await invoke(c, 'reports.overview', {})).backupFailed).toBeNull();
    // Something in the way of the backups folder: the automatic backup fails.
    fs.mkdirSync(path.dirname(snapshotsDir(c.paths)), { recursive: true });
    fs.writeFileSync(snapshotsDir(c.paths), 'not a folder');
    expect(await automaticBackup(c)).toBeNull();
    const overview = await invoke(c, 'reports.overview', {}, { session: { role: 'staff' } });
    expect(overview.backupFailed).toMatchObject({ at: expect.stringMatching(/^\d{4}-/), message: expect.stringMatching(/\S/) });
    expect(overview.backupFailed?.message).toMatch(/snapshots|EEXIST|ENOTDIR/);
    fs.rmSync(snapshotsDir(c.paths));
    expect(await automaticBackup(c)).not.toBeNull();
    expect((await invoke(c, 'reports.overview', {})).backupFailed).toBeNull();
  });
});
