import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// A fake of the whole 'electron' module: the real binary never runs on CI. The app
// under test is the real main process code (main/electron/main.ts and friends).
// utilityProcess.fork, the one Electron-specific piece of the core process, is
// played by a real Node child process (child_process.fork) with the same messages.
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
  return {
    handlers,
    appEvents,
    windows,
    ready,
    whenReady,
    session,
    sandboxed: false,
    quits: 0,
    dialogs: [] as unknown[],
    messageBoxAnswer: 0,
    menus: [] as unknown[],
    corePids: [] as number[],
  };
});

// The updater library itself is not under test here (tests/unit/electron-updater.test.ts).
vi.mock('electron-updater', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const autoUpdater = Object.assign(new Emitter(), { checkForUpdates: async () => null, setFeedURL: () => undefined });
  return { default: { autoUpdater } };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { fork } = await import('node:child_process');
  class FakeWebContents extends Emitter {
    setWindowOpenHandler() {}
    isDestroyed() {
      return false;
    }
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
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      enableSandbox: () => (fake.sandboxed = true),
      whenReady: () => fake.whenReady,
      on: (event: string, fn: (...args: unknown[]) => unknown) => fake.appEvents.set(event, [...(fake.appEvents.get(event) ?? []), fn]),
      getPath: () => '/nonexistent-user-data',
      getLocale: () => 'zh-CN',
      getVersion: () => '0.1.0',
      quit: () => (fake.quits += 1),
    },
    BrowserWindow,
    net: { isOnline: () => false },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: (menu: unknown) => fake.menus.push(menu) },
    ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => fake.handlers.set(channel, fn) },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    shell: { openExternal: async () => undefined },
    utilityProcess: {
      fork: (modulePath: string, args: string[], options: { env?: NodeJS.ProcessEnv }) => {
        const child = fork(modulePath, args, { execArgv: ['--import', 'tsx'], serialization: 'advanced', env: options.env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        if (child.pid) fake.corePids.push(child.pid);
        const emitter = new Emitter();
        child.on('message', (message) => emitter.emit('message', message));
        child.on('exit', (code, signal) => emitter.emit('exit', code ?? (signal ? 128 : 0)));
        return Object.assign(emitter, {
          pid: child.pid,
          postMessage: (message: unknown) => child.connected && child.send(message as never),
          kill: () => child.kill(),
        });
      },
    },
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
import { menuEntries } from '../../main/electron/menu';
import { CONTENT_SECURITY_POLICY } from '../../main/server/server';
import { openCore } from '../../main/core';
import { invoke } from '../../main/api/invoke';
import { CoreClient } from '../../main/coreProcess/client';
import { forkCore } from '../../main/coreProcess/fork';
import { listSnapshots } from '../../main/backup/snapshots';
import { stopLogging } from '../../main/logging/log';
import { tempDir } from '../helpers/tempCore';
import { smallStall } from '../helpers/stall';

const data = tempDir('sk-electron-');
afterAll(() => {
  stopLogging();
  for (const pid of fake.corePids) {
    try {
      process.kill(pid);
    } catch {
      // already gone
    }
  }
  data.remove();
});

async function emit(event: string, ...args: unknown[]): Promise<void> {
  for (const fn of fake.appEvents.get(event) ?? []) await fn(...args);
}

type Handler = (...a: unknown[]) => Promise<{ ok: boolean; result?: Record<string, unknown>; error?: { code: string } }>;
const fromApp = { senderFrame: { url: 'app://stallkeeper/index.html' } };
const handler = () => fake.handlers.get(CALL_CHANNEL) as Handler;

describe('the Electron app (main process, with a fake electron; the core in a real child process)', () => {
  it('starts with the security checklist: sandbox for all renderers, safe window options, app:// only, permissions denied, remote content blocked', async () => {
    process.argv.push('--data', data.dir);
    startElectronApp();
    fake.ready();
    await fake.whenReady;
    await vi.waitFor(() => expect(fake.windows.length).toBe(1), { timeout: 90_000, interval: 100 });
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
      devTools: false,
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
  }, 120_000);

  it('installs its own menu in the system language (zh-CN), without reload or developer tools in a packaged build, and follows the page\'s language', async () => {
    const menu = fake.menus.at(-1) as { template: Parameters<typeof menuEntries>[0] };
    const entries = menuEntries(menu.template);
    expect(entries.map((e) => e.label)).toContain('新建报价单');
    expect(entries.some((e) => e.role === 'toggleDevTools' || e.role === 'reload' || e.role === 'forceReload')).toBe(false);
    expect(await handler()(fromApp, 'app.setLanguage', { language: 'en' }, 'en')).toMatchObject({ ok: true });
    const english = menuEntries((fake.menus.at(-1) as { template: Parameters<typeof menuEntries>[0] }).template);
    expect(english.map((e) => e.label)).toContain('New quotation');
    // A menu command the page carries out arrives as an event through the same channel.
    const start = await handler()(fromApp, 'app.events', { after: -1 }, 'en');
    const waiting = handler()(fromApp, 'app.events', { after: start.result?.last }, 'en');
    const item = english.find((e) => e.id === 'new-quotation');
    expect(item?.accelerator).toBe('CmdOrCtrl+N');
    const click = (menu.template as Array<{ submenu?: Array<{ id?: string; click?: () => void }> }>)
      .flatMap((m) => m.submenu ?? [])
      .find((m) => m.id === 'new-quotation');
    click?.click?.();
    expect((await waiting).result?.events).toEqual([expect.objectContaining({ type: 'command', command: 'new-quotation' })]);
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

  it('answers IPC as the PC seat through the core process: owner before a PIN, staff (no cost) after locking, owner again after auth.unlock', async () => {
    const call = handler();
    await call(fromApp, 'products.create', { itemNo: 'E-1', names: { en: 'Lantern' }, costCny: '4.20' }, 'en');
    expect((await call(fromApp, 'products.get', { itemNo: 'E-1' }, 'en')).result?.costCny).toBe('4.20');
    expect((await call(fromApp, 'auth.setOwnerPin', { pin: '2580' }, 'en')).ok).toBe(true);
    expect((await call(fromApp, 'auth.lock', {}, 'en')).result?.role).toBe('staff');
    const staffView = await call(fromApp, 'products.get', { itemNo: 'E-1' }, 'en');
    expect(staffView.ok).toBe(true);
    expect(staffView.result).not.toHaveProperty('costCny');
    expect(await call(fromApp, 'backup.run', {}, 'en')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(fromApp, 'settings.update', { seller: { website: 'x' } }, 'zh')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await call(fromApp, 'auth.unlock', { pin: '2580' }, 'en')).ok).toBe(true);
    expect((await call(fromApp, 'products.get', { itemNo: 'E-1' }, 'en')).result?.costCny).toBe('4.20');
    // A page that is not the app is refused before anything else.
    expect(await call({ senderFrame: { url: 'https://evil.example/' } }, 'products.get', { itemNo: 'E-1' }, 'en')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }, 60_000);

  it('starts a new core process when it dies, tells the page, and keeps everything committed', async () => {
    const call = handler();
    const start = await call(fromApp, 'app.events', { after: -1 }, 'en');
    const pid = fake.corePids.at(-1) as number;
    process.kill(pid, 'SIGKILL');
    const events = await vi.waitFor(
      async () => {
        const batch = await call(fromApp, 'app.events', { after: start.result?.last }, 'en');
        const list = (batch.result?.events ?? []) as Array<{ type: string; state?: string }>;
        expect(list.some((e) => e.type === 'core' && e.state === 'restarted')).toBe(true);
        return list;
      },
      { timeout: 90_000, interval: 200 },
    );
    expect(events.find((e) => e.type === 'core')).toMatchObject({ state: 'restarted' });
    expect(fake.corePids.at(-1)).not.toBe(pid);
    expect((await call(fromApp, 'products.get', { itemNo: 'E-1' }, 'en')).result?.names).toMatchObject({ en: 'Lantern' });
  }, 120_000);

  it('reloads a page whose renderer process is gone, and writes why in the day\'s log', async () => {
    const [window] = fake.windows;
    const before = window?.reloads ?? 0;
    await emit('render-process-gone', {}, window?.contents, { reason: 'crashed', exitCode: 11 });
    expect(window?.reloads).toBe(before + 1);
    const logs = path.join(data.dir, 'logs');
    const text = fs.readdirSync(logs).map((f) => fs.readFileSync(path.join(logs, f), 'utf8')).join('');
    expect(text).toMatch(/\[error\] \(main\) a renderer process is gone \{"reason":"crashed","exitCode":11\}/);
    expect(text).toMatch(/\(main\) core link: the core process ended unexpectedly/);
  });

  it('backs up on start and again on quit (in the core process), then really quits', async () => {
    const snapshots = () => listSnapshots({ backups: path.join(data.dir, 'backups') } as never);
    await vi.waitFor(() => expect(snapshots().length).toBeGreaterThanOrEqual(1), { timeout: 20_000 });
    const atStart = snapshots()[0]?.takenAt as string;
    let prevented = false;
    await emit('before-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(fake.quits).toBe(1), { timeout: 40_000 });
    // The backup on quit is newer (rotation keeps the newest of the day).
    expect((snapshots()[0]?.takenAt ?? '') > atStart).toBe(true);
    expect(fs.existsSync(path.join(data.dir, 'stallkeeper.lock'))).toBe(false);
  }, 60_000);

  it('offers the newest good backup in a dialog when the database is damaged, and restores it when asked', async () => {
    const dir = tempDir('sk-electron-damaged-');
    const core = new CoreClient(() => forkCore());
    try {
      const open = openCore(dir.dir);
      await smallStall(open);
      await invoke(open, 'backup.run', {});
      open.close();
      fs.writeFileSync(path.join(dir.dir, 'stallkeeper.db'), Buffer.alloc(4096, 7));
      fake.dialogs.length = 0;
      fake.messageBoxAnswer = 0; // "恢复最新的完好备份" (the system language is zh-CN)
      await core.start();
      const reopened = await openWithRecovery(core, dir.dir);
      expect(fake.dialogs[0]).toMatchObject({ type: 'error', buttons: ['恢复最新的完好备份', '选择备份文件…', '退出'] });
      expect(String((fake.dialogs[0] as { detail: string }).detail)).toMatch(/已损坏/);
      expect(reopened).toMatchObject({ dataDir: dir.dir });
      expect(await core.call('products.list', {}, 'en')).toMatchObject({ ok: true, result: { total: 4 } });
      await core.close();
      // Missing database with backups: "Quit" leaves everything as it is.
      fs.rmSync(path.join(dir.dir, 'stallkeeper.db'));
      const again = new CoreClient(() => forkCore());
      await again.start();
      fake.messageBoxAnswer = 3;
      expect(await openWithRecovery(again, dir.dir)).toBeNull();
      expect((fake.dialogs.at(-1) as { buttons: string[] }).buttons).toContain('从空白数据开始');
      expect(fs.existsSync(path.join(dir.dir, 'stallkeeper.db'))).toBe(false);
      await again.close();
    } finally {
      await core.close();
      dir.remove();
    }
  }, 120_000);
});
