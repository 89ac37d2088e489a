import crypto from 'node:crypto';
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

// Fakes of 'electron' and 'electron-updater': the thin layer of main/electron/updater.ts is under test.
const fake = vi.hoisted(() => ({
  online: true,
  checks: 0,
  feeds: [] as unknown[],
  opened: [] as string[],
  quits: 0,
  picked: null as string | null,
  answers: [] as number[],
  boxes: [] as Array<{ type?: string; message?: string; detail?: string }>,
  updater: null as null | (EventEmitter & Record<string, unknown>),
}));

vi.mock('electron-updater', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const autoUpdater = Object.assign(new Emitter(), {
    checkForUpdates: async () => {
      fake.checks += 1;
      return null;
    },
    setFeedURL: (feed: unknown) => fake.feeds.push(feed),
  });
  fake.updater = autoUpdater as never;
  return { default: { autoUpdater } };
});

vi.mock('electron', () => ({
  app: { isPackaged: false, getVersion: () => '0.1.0', quit: () => (fake.quits += 1) },
  net: { isOnline: () => fake.online },
  shell: { openPath: async (file: string) => (fake.opened.push(file), '') },
  dialog: {
    showOpenDialog: async () => ({ canceled: fake.picked === null, filePaths: fake.picked ? [fake.picked] : [] }),
    showMessageBox: async (options: { type?: string; message?: string; detail?: string }) => {
      fake.boxes.push(options);
      return { response: fake.answers.shift() ?? 0 };
    },
  },
}));

import { createUpdater, updaterCall } from '../../main/electron/updater';
import { EventHub } from '../../main/events/hub';
import { tempDir } from '../helpers/tempCore';

const work = tempDir('sk-updater-');
afterAll(() => work.remove());
const events = new EventHub();
let busy: string[] = [];
const updater = createUpdater({ settingsFile: path.join(work.dir, 'update-settings.json'), events, work: () => busy, everyMs: 0 });

beforeEach(() => {
  fake.checks = 0;
  fake.feeds.length = 0;
  fake.opened.length = 0;
  fake.boxes.length = 0;
  fake.quits = 0;
  fake.online = true;
  busy = [];
});

describe('updates in the desktop app', () => {
  it('downloads in the background and installs when the app quits', () => {
    expect(fake.updater?.autoDownload).toBe(true);
    expect(fake.updater?.autoInstallOnAppQuit).toBe(true);
  });

  it('looks at the feed of Settings → Updates only when online and idle', async () => {
    expect(await updater.check(true)).toEqual({ check: false, why: 'no feed' });
    expect(await updaterCall(updater, 'updates.setFeed', { feedUrl: 'https://updates.example.com/sk' }, null, 'en')).toMatchObject({ ok: true });
    fake.online = false;
    expect(await updater.check(true)).toEqual({ check: false, why: 'offline' });
    fake.online = true;
    busy = ['products.import'];
    expect(await updater.check(true)).toEqual({ check: false, why: 'busy' });
    expect(fake.checks).toBe(0);
    busy = [];
    expect(await updater.check(true)).toEqual({ check: true });
    expect(fake.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.com/sk' }]);
    expect(fake.checks).toBe(1);
    // The timer's own look waits for the interval.
    expect(await updater.check(false)).toEqual({ check: false, why: 'recently checked' });
    expect(await updaterCall(updater, 'updates.setFeed', { feedUrl: 'http://evil.example.com' }, null, 'zh')).toMatchObject({ ok: false, error: { field: 'feedUrl' } });
  });

  it('tells the page when an update is there and when it is ready to install', async () => {
    const start = await events.wait(-1);
    fake.updater?.emit('update-available', { version: '0.2.0' });
    fake.updater?.emit('update-downloaded', { version: '0.2.0' });
    expect((await events.wait(start.last)).events).toEqual([
      expect.objectContaining({ type: 'update', state: 'available', version: '0.2.0' }),
      expect.objectContaining({ type: 'update', state: 'downloaded', version: '0.2.0' }),
    ]);
  });

  it('runs an installer from a file only after it matches its latest.yml, then quits', async () => {
    const dir = fs.mkdtempSync(path.join(work.dir, 'usb-'));
    const installer = path.join(dir, 'Stallkeeper-0.2.0-win-setup.exe');
    const bytes = crypto.randomBytes(50_000);
    fs.writeFileSync(installer, bytes);
    const sha512 = crypto.createHash('sha512').update(bytes).digest('base64');
    fs.writeFileSync(path.join(dir, 'latest.yml'), yaml.dump({ version: '0.2.0', files: [{ url: path.basename(installer), sha512, size: bytes.length }] }));
    fake.picked = installer;
    fake.answers = [0];
    expect(await updater.fromFile(null, 'en')).toEqual({ ok: true, result: { started: true, version: '0.2.0' } });
    expect(fake.opened).toEqual([installer]);
    expect(fake.quits).toBe(1);
    // One byte changed: refused with the reason, nothing run.
    bytes[100] = (bytes[100] as number) ^ 1;
    fs.writeFileSync(installer, bytes);
    expect(await updater.fromFile(null, 'zh')).toMatchObject({ ok: false, error: { field: 'file', message: expect.stringMatching(/校验值不符/) } });
    expect(fake.boxes.at(-1)).toMatchObject({ type: 'error' });
    expect(fake.opened).toHaveLength(1);
    expect(fake.quits).toBe(1);
  });
});
