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
import { inProcessLink } from '../../main/coreProcess/inProcess';
import { EventHub } from '../../main/events/hub';
import { tempCore } from '../helpers/tempCore';

function doorOf(core: ReturnType<typeof tempCore>, events = new EventHub()) {
  const languages: string[] = [];
  return {
    door: { core: inProcessLink(core), events, setLanguage: (l: string) => languages.push(l), info: () => ({ version: '9.9.9' }) },
    languages,
    events,
  };
}

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

  it('opens windows with context isolation, sandbox and no Node integration; without developer tools when packaged', () => {
    expect(secureWindowOptions('/app/preload.cjs', { devTools: false }).webPreferences?.devTools).toBe(false);
    expect(secureWindowOptions('/app/preload.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
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
    expect(fake.invoke).toHaveBeenCalledWith(CALL_CHANNEL, 'settings.get', {}, 'en', undefined);
    await api.call?.('products.import', {}, 'en', 'call-7');
    expect(fake.invoke).toHaveBeenLastCalledWith(CALL_CHANNEL, 'products.import', {}, 'en', 'call-7');
  });

  it('answers the door\'s own calls: events by long poll, the UI language for the menu, versions for About', async () => {
    const core = tempCore();
    try {
      const { door, languages, events } = doorOf(core);
      const fromApp = { senderFrame: { url: 'app://stallkeeper/index.html' } };
      const first = (await handleCall(door, fromApp as never, 'app.events', { after: -1 }, 'en')) as { ok: true; result: { events: unknown[]; last: number } };
      expect(first.result).toEqual({ events: [], last: 0 });
      const waiting = handleCall(door, fromApp as never, 'app.events', { after: first.result.last }, 'en');
      events.push({ type: 'command', command: 'new-quotation' });
      expect(await waiting).toMatchObject({ ok: true, result: { events: [{ type: 'command', command: 'new-quotation', seq: 1 }], last: 1 } });
      expect(await handleCall(door, fromApp as never, 'app.setLanguage', { language: 'zh-CN' }, 'en')).toMatchObject({ ok: true });
      expect(languages).toEqual(['zh-CN']);
      expect(await handleCall(door, fromApp as never, 'app.info', {}, 'en')).toEqual({ ok: true, result: { version: '9.9.9' } });
      // From another page, none of them.
      expect(await handleCall(door, { senderFrame: { url: 'https://evil.example/' } } as never, 'app.events', {}, 'en')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      core.remove();
    }
  });

  it('answers API calls over IPC from the app page only', async () => {
    const core = tempCore();
    try {
      const { door } = doorOf(core);
      registerIpc(door);
      const handler = fake.handlers.get(CALL_CHANNEL);
      const fromApp = { senderFrame: { url: 'app://stallkeeper/index.html' } };
      expect(await handler?.(fromApp, 'settings.get', {}, 'zh-CN')).toMatchObject({ ok: true, result: { defaults: { quotePrefix: 'Q' } } });
      expect(await handleCall(door, { senderFrame: { url: 'https://evil.example/' } } as never, 'settings.get', {}, 'en')).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await handleCall(door, fromApp as never, 42, {}, 'en')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(await handleCall(door, fromApp as never, 'print.dialog', { kind: 'invoice', id: 1 }, 'en')).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'kind' },
      });
      expect(await handleCall(door, fromApp as never, 'buyers.create', { company: '' }, 'zh')).toMatchObject({
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
    const folders = { rendererDir: rendererDir(), photosDir: core.paths.photos };
    try {
      const index = respond(folders, 'app://stallkeeper/index.html');
      expect(index.status).toBe(200);
      expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
      for (const bad of ['app://stallkeeper/%2e%2e/package.json', 'app://stallkeeper/..%2fpackage.json', 'app://stallkeeper/assets/%2e%2e%2f..%2fpackage.json']) {
        const status = respond(folders, bad).status;
        expect(status, bad).toBeGreaterThanOrEqual(400);
        expect(status, bad).toBeLessThan(500);
      }
      expect(respond(folders, 'app://other/index.html').status).toBe(404);
      expect(respond(folders, `app://stallkeeper/photos/${'a'.repeat(64)}`).status).toBe(404);
      expect(respond(folders, `app://stallkeeper/print/${'a'.repeat(32)}/x.pdf`).status).toBe(404);
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
