import { beforeEach, describe, expect, it, vi } from 'vitest';

// A fake of the parts of 'electron' the door uses; the real binary never runs on CI.
const fake = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    handlers,
    exposed: new Map<string, unknown>(),
    openExternal: vi.fn(async () => undefined),
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, result: null })),
    registered: [] as unknown[],
  };
});

vi.mock('electron', () => ({
  shell: { openExternal: fake.openExternal },
  ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => fake.handlers.set(channel, fn) },
  ipcRenderer: { invoke: fake.invoke },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  protocol: { registerSchemesAsPrivileged: (schemes: unknown) => fake.registered.push(schemes), handle: vi.fn() },
  app: {},
  BrowserWindow: class {},
  session: {},
}));

import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { secureWindowOptions, hardenContents, denyPermissions, isAppUrl } from '../../main/electron/security';
import { CALL_CHANNEL, handleCall, registerIpc } from '../../main/electron/ipc';
import { registerAppScheme, respond } from '../../main/electron/protocol';
import { dataDirFromArgs } from '../../main/electron/main';
import { rendererDir } from '../../main/server/renderer';
import { tempCore } from '../helpers/tempCore';

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
    this.openHandler = fn;
  }
  fire(event: string, url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

describe('the Electron door', () => {
  beforeEach(() => {
    fake.openExternal.mockClear();
  });

  it('opens windows with context isolation, sandbox and no Node integration', () => {
    const options = secureWindowOptions('/app/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('keeps navigation inside the app and denies new windows, opening WhatsApp links in the system browser', () => {
    const contents = new FakeContents();
    hardenContents(contents as unknown as WebContents);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-navigate', 'app://stallkeeper/index.html#/products')).toBe(false);
    expect(contents.fire('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(contents.fire('will-attach-webview', 'app://stallkeeper/')).toBe(true);
    expect(contents.openHandler?.({ url: 'https://wa.me/201001234567' })).toEqual({ action: 'deny' });
    expect(fake.openExternal).toHaveBeenCalledWith('https://wa.me/201001234567');
    expect(contents.openHandler?.({ url: 'file:///C:/Windows/system32/calc.exe' })).toEqual({ action: 'deny' });
    expect(fake.openExternal).toHaveBeenCalledTimes(1);
  });

  it('denies every permission request and check', () => {
    let requestHandler: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    denyPermissions({
      setPermissionRequestHandler: (fn: typeof requestHandler) => (requestHandler = fn),
      setPermissionCheckHandler: (fn: typeof checkHandler) => (checkHandler = fn),
    } as never);
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) requestHandler?.(null, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(checkHandler?.()).toBe(false);
  });

  it('exposes exactly one function, call, to the page', async () => {
    await import('../../main/electron/preload');
    const api = fake.exposed.get('stallkeeper') as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(api)).toEqual(['call']);
    await api.call?.('settings.get', {}, 'en');
    expect(fake.invoke).toHaveBeenCalledWith(CALL_CHANNEL, 'settings.get', {}, 'en');
  });

  it('answers API calls over IPC from the app page only', async () => {
    const core = tempCore();
    try {
      registerIpc(core);
      const handler = fake.handlers.get(CALL_CHANNEL);
      const fromApp = { senderFrame: { url: 'app://stallkeeper/index.html' } };
      expect(await handler?.(fromApp, 'settings.get', {}, 'zh-CN')).toMatchObject({ ok: true, result: { defaults: { quotePrefix: 'Q' } } });
      expect(await handleCall(core, { senderFrame: { url: 'https://evil.example/' } } as never, 'settings.get', {}, 'en')).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await handleCall(core, fromApp as never, 42, {}, 'en')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(await handleCall(core, fromApp as never, 'print.dialog', { kind: 'invoice', id: 1 }, 'en')).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'kind' },
      });
      expect(await handleCall(core, fromApp as never, 'buyers.create', { company: '' }, 'zh')).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'company' },
      });
    } finally {
      core.remove();
    }
  });

  it('serves the renderer on app://stallkeeper with a CSP and nothing outside it', async () => {
    registerAppScheme();
    expect(fake.registered[0]).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    const core = tempCore();
    try {
      const index = respond(core, rendererDir(), 'app://stallkeeper/index.html');
      expect(index.status).toBe(200);
      expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
      for (const bad of ['app://stallkeeper/%2e%2e/package.json', 'app://stallkeeper/..%2fpackage.json', 'app://stallkeeper/assets/%2e%2e%2f..%2fpackage.json']) {
        const status = respond(core, rendererDir(), bad).status;
        expect(status, bad).toBeGreaterThanOrEqual(400);
        expect(status, bad).toBeLessThan(500);
      }
      expect(respond(core, rendererDir(), 'app://other/index.html').status).toBe(404);
      expect(respond(core, rendererDir(), `app://stallkeeper/photos/${'a'.repeat(64)}`).status).toBe(404);
    } finally {
      core.remove();
    }
  });

  it('takes the data folder from --data, else userData', () => {
    expect(dataDirFromArgs(['electron', '.', '--data', '/stall'], '/user')).toBe('/stall');
    expect(dataDirFromArgs(['electron', '.', '--data=/stall2'], '/user')).toBe('/stall2');
    expect(dataDirFromArgs(['electron', '.'], '/user')).toBe('/user');
    expect(isAppUrl('app://stallkeeper/x')).toBe(true);
    expect(isAppUrl('app://stallkeeper.evil/x')).toBe(false);
  });
});
