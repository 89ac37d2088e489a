import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// A fake of the whole 'electron' module: the real binary never runs on CI. The app
// under test is the real main process code (main/electron/main.ts and friends).
const fake = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const appEvents = new Map<string, Array<(...args: unknown[]) => unknown>>();
  const windows: Array<{ options: Record<string, unknown>; url: string; contents: unknown; reloads: number }> = [];
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const session = {
    permissionRequest: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
    beforeRequest: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  };
  return { handlers, appEvents, windows, ready, whenReady, session, sandboxed: false, quits: 0, dialogs: [] as unknown[], messageBoxAnswer: 0 };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeWebContents extends Emitter {
    setWindowOpenHandler() {}
    reload() {
      const w = fake.windows.find((x) => x.contents === this);
      if (w) w.reloads += 1;
    }
  }
  class BrowserWindow {
    webContents = new FakeWebContents();
    constructor(options: Record<string, unknown>) {
      fake.windows.push({ options, url: '', contents: this.webContents, reloads: 0 });
    }
    static getAllWindows() {
      return fake.windows.map((w) => ({ webContents: w.contents, isMinimized: () => false, focus() {}, restore() {} }));
    }
    once() {}
    loadURL(url: string) {
      (fake.windows.at(-1) as { url: string }).url = url;
      return Promise.resolve();
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      enableSandbox: () => (fake.sandboxed = true),
      whenReady: () => fake.whenReady,
      on: (event: string, fn: (...args: unknown[]) => unknown) => fake.appEvents.set(event, [...(fake.appEvents.get(event) ?? []), fn]),
      getPath: () => '/nonexistent-user-data',
      getLocale: () => 'en-US',
      quit: () => (fake.quits += 1),
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => fake.handlers.set(channel, fn) },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    shell: { openExternal: async () => undefined },
    dialog: {
      showErrorBox: (...args: unknown[]) => fake.dialogs.push(args),
      showMessageBox: async (options: unknown) => {
        fake.dialogs.push(options);
        return { response: fake.messageBoxAnswer };
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof fake.session.permissionRequest) => (fake.session.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof fake.session.permissionCheck) => (fake.session.permissionCheck = fn),
        webRequest: { onBeforeRequest: (fn: typeof fake.session.beforeRequest) => (fake.session.beforeRequest = fn) },
      },
    },
  };
});

import { startElectronApp, openWithRecovery } from '../../main/electron/main';
import { CALL_CHANNEL } from '../../main/electron/ipc';
import { isBlockedRequest } from '../../main/electron/security';
import { CONTENT_SECURITY_POLICY } from '../../main/server/server';
import { openCore } from '../../main/core';
import { invoke } from '../../main/api/invoke';
import { listSnapshots } from '../../main/backup/snapshots';
import { tempDir } from '../helpers/tempCore';
import { smallStall } from '../helpers/stall';

const data = tempDir('sk-electron-');
afterAll(() => data.remove());

async function emit(event: string, ...args: unknown[]): Promise<void> {
  for (const fn of fake.appEvents.get(event) ?? []) await fn(...args);
}

describe('the Electron app (main process, with a fake electron)', () => {
  it('starts with the security checklist: sandbox for all renderers, safe window options, app:// only, permissions denied, remote content blocked', async () => {
    process.argv.push('--data', data.dir);
    startElectronApp();
    fake.ready();
    await fake.whenReady;
    await vi.waitFor(() => expect(fake.windows.length).toBe(1));
    expect(fake.sandboxed).toBe(true);
    const [window] = fake.windows;
    expect(window?.url).toBe('app://stallkeeper/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(String((window?.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    const answers: boolean[] = [];
    fake.session.permissionRequest?.(null, 'media', (ok) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect(fake.session.permissionCheck?.()).toBe(false);
    const cancelled = (url: string) => {
      let result: boolean | undefined;
      fake.session.beforeRequest?.({ url }, (r) => (result = r.cancel));
      return result;
    };
    expect(cancelled('https://cdn.example.com/lib.js')).toBe(true);
    expect(cancelled('http://192.168.1.5/x.png')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('wss://evil.example/socket')).toBe(true);
    expect(cancelled('app://stallkeeper/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(isBlockedRequest('not a url')).toBe(true);
  });

  it('serves pages with a strict Content-Security-Policy: own scripts only, no eval, no plugins, no framing', () => {
    const csp = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(csp['default-src']).toBe("'self'");
    expect(csp['script-src']).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
    expect(csp['connect-src']).toBe("'self'");
    expect(csp['object-src']).toBe("'none'");
    expect(csp['frame-ancestors']).toBe("'none'");
    expect(csp['base-uri']).toBe("'none'");
  });

  it('answers IPC as the PC seat: owner before a PIN, staff (no cost) after locking, owner again after auth.unlock', async () => {
    const handler = fake.handlers.get(CALL_CHANNEL) as (...a: unknown[]) => Promise<{ ok: boolean; result?: Record<string, unknown>; error?: { code: string } }>;
    const fromApp = { senderFrame: { url: 'app://stallkeeper/index.html' } };
    await handler(fromApp, 'products.create', { itemNo: 'E-1', names: { en: 'Lantern' }, costCny: '4.20' }, 'en');
    expect((await handler(fromApp, 'products.get', { itemNo: 'E-1' }, 'en')).result?.costCny).toBe('4.20');
    expect((await handler(fromApp, 'auth.setOwnerPin', { pin: '2580' }, 'en')).ok).toBe(true);
    expect((await handler(fromApp, 'auth.lock', {}, 'en')).result?.role).toBe('staff');
    const staffView = await handler(fromApp, 'products.get', { itemNo: 'E-1' }, 'en');
    expect(staffView.ok).toBe(true);
    expect(staffView.result).not.toHaveProperty('costCny');
    expect(await handler(fromApp, 'backup.run', {}, 'en')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler(fromApp, 'settings.update', { seller: { website: 'x' } }, 'zh')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await handler(fromApp, 'auth.unlock', { pin: '2580' }, 'en')).ok).toBe(true);
    expect((await handler(fromApp, 'products.get', { itemNo: 'E-1' }, 'en')).result?.costCny).toBe('4.20');
    // A page that is not the app is refused before anything else.
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, 'products.get', { itemNo: 'E-1' }, 'en')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('backs up on start and again on quit, then really quits', async () => {
    const snapshots = () => listSnapshots({ backups: path.join(data.dir, 'backups') } as never);
    await vi.waitFor(() => expect(snapshots().length).toBeGreaterThanOrEqual(1), { timeout: 20_000 });
    const atStart = snapshots()[0]?.takenAt as string;
    let prevented = false;
    await emit('before-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(fake.quits).toBe(1), { timeout: 20_000 });
    // The backup on quit is newer (rotation keeps the newest of the day).
    expect((snapshots()[0]?.takenAt ?? '') > atStart).toBe(true);
    expect(fs.existsSync(path.join(data.dir, 'stallkeeper.lock'))).toBe(false);
  });

  it('offers the newest good backup in a dialog when the database is damaged, and restores it when asked', async () => {
    const dir = tempDir('sk-electron-damaged-');
    try {
      const core = openCore(dir.dir);
      await smallStall(core);
      await invoke(core, 'backup.run', {});
      core.close();
      fs.writeFileSync(path.join(dir.dir, 'stallkeeper.db'), Buffer.alloc(4096, 7));
      fake.dialogs.length = 0;
      fake.messageBoxAnswer = 0; // "Restore the newest good backup"
      const reopened = await openWithRecovery(dir.dir);
      expect(fake.dialogs[0]).toMatchObject({ type: 'error', buttons: ['Restore the newest good backup', 'Choose a backup file…', 'Quit'] });
      expect(String((fake.dialogs[0] as { detail: string }).detail)).toMatch(/is damaged/);
      expect(reopened).not.toBeNull();
      expect((await invoke(reopened as never, 'products.list', {})).total).toBe(4);
      reopened?.close();
      // Missing database with backups: "Quit" leaves everything as it is.
      fs.rmSync(path.join(dir.dir, 'stallkeeper.db'));
      fake.messageBoxAnswer = 3;
      expect(await openWithRecovery(dir.dir)).toBeNull();
      expect((fake.dialogs.at(-1) as { buttons: string[] }).buttons).toContain('Start an empty stall');
      expect(fs.existsSync(path.join(dir.dir, 'stallkeeper.db'))).toBe(false);
    } finally {
      dir.remove();
    }
  });
});
