import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// A fake of the parts of 'electron' printing uses; the real binary never runs on CI.
// The windows load through ONE fake session that applies what the real code
// registers on it: the request filter of security.ts (blockRemoteContent) and
// the app:// handler of protocol.ts, as Chromium would, so the print path and
// the file:// block are tested together.
const fake = vi.hoisted(() => ({
  windows: [] as Array<{ options: unknown; url: string | null; printed: unknown[]; destroyed: boolean; loaded: { type: string; bytes: Buffer } | null }>,
  printers: [{ name: 'Office', displayName: 'Office', description: '', options: {} }] as unknown[],
  printAnswer: { success: true, reason: '' },
  saveAnswer: { canceled: false, filePath: '' } as { canceled: boolean; filePath?: string },
  shown: [] as string[],
  dialogs: [] as unknown[],
  beforeRequest: null as null | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
  schemes: new Map<string, (request: { url: string }) => Response | Promise<Response>>(),
}));

vi.mock('electron', async () => {
  const nodeFs = await import('node:fs');
  /** What the default session does with a load: its request filter first, then the scheme's handler. */
  async function load(url: string): Promise<{ type: string; bytes: Buffer }> {
    let cancel = false;
    fake.beforeRequest?.({ url }, (r) => (cancel = r.cancel));
    if (cancel) throw new Error(`ERR_BLOCKED_BY_CLIENT (-20) loading '${url}'`);
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = fake.schemes.get(scheme);
    if (handler) {
      const response = await handler({ url });
      if (response.status !== 200) throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`);
      return { type: response.headers.get('content-type') ?? '', bytes: Buffer.from(await response.arrayBuffer()) };
    }
    if (scheme === 'file') return { type: 'application/pdf', bytes: nodeFs.readFileSync(new URL(url)) };
    throw new Error(`ERR_UNKNOWN_URL_SCHEME loading '${url}'`);
  }
  class BrowserWindow {
    private readonly record: (typeof fake.windows)[number];
    webContents: unknown;
    constructor(options: unknown) {
      this.record = { options, url: null, printed: [], destroyed: false, loaded: null };
      fake.windows.push(this.record);
      const record = this.record;
      this.webContents = {
        getPrintersAsync: async () => fake.printers,
        print: (options: unknown, callback: (ok: boolean, reason: string) => void) => {
          record.printed.push(options);
          setImmediate(() => callback(fake.printAnswer.success, fake.printAnswer.reason));
        },
      };
    }
    async loadURL(url: string) {
      this.record.url = url;
      this.record.loaded = await load(url);
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return {
    BrowserWindow,
    app: { getPath: (name: string) => `/home/stall/${name === 'documents' ? 'Documents' : name}` },
    dialog: {
      showSaveDialog: async (...args: unknown[]) => {
        fake.dialogs.push(args[args.length - 1]);
        return fake.saveAnswer;
      },
    },
    shell: { showItemInFolder: (file: string) => fake.shown.push(file) },
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (scheme: string, handler: (request: { url: string }) => Response) => fake.schemes.set(scheme, handler),
    },
    session: {
      defaultSession: { webRequest: { onBeforeRequest: (fn: typeof fake.beforeRequest) => (fake.beforeRequest = fn) } },
    },
  };
});

import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { blockRemoteContent } from '../../main/electron/security';
import { handleAppProtocol, stagedPrintJobs } from '../../main/electron/protocol';
import { inProcessLink } from '../../main/coreProcess/inProcess';
import { rendererDir } from '../../main/server/renderer';
import { handlePrintCall, isPrintMethod, printPdf, printWindowOptions, savePdfAs, showInFolder } from '../../main/electron/print';
import { setDocumentSource } from '../../main/documents/source';
import { demoSource } from '../helpers/demoSource';
import { tempCore, tempDir } from '../helpers/tempCore';

const PDF = Buffer.from('%PDF-1.3\n%fake\n');
const work = tempDir('sk-print-');
const core = tempCore();

beforeAll(async () => {
  setDocumentSource(await demoSource(work.dir));
  // What main.ts does at start: the default session's block, and the app:// protocol.
  blockRemoteContent(session.defaultSession);
  handleAppProtocol({ rendererDir: rendererDir(), photosDir: core.paths.photos });
}, 60_000);
afterAll(() => {
  setDocumentSource(null);
  core.remove();
  work.remove();
});
beforeEach(() => {
  fake.windows.length = 0;
  fake.shown.length = 0;
  fake.dialogs.length = 0;
  fake.printAnswer = { success: true, reason: '' };
  fake.printers = [{ name: 'Office', displayName: 'Office', description: '', options: {} }];
});

describe('printing in the desktop app', () => {
  it('prints through the system dialog from a hidden, sandboxed window that loads the PDF from memory over app://, then closes it', async () => {
    const result = await printPdf(PDF, 'JH-PI2026-0017-en.pdf', { silent: false });
    expect(result).toEqual({ ok: true });
    const [w] = fake.windows;
    expect(w?.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true } });
    expect(w?.url).toMatch(/^app:\/\/stallkeeper\/print\/[0-9a-f]{32}\/JH-PI2026-0017-en\.pdf$/);
    expect(w?.loaded).toEqual({ type: 'application/pdf', bytes: PDF });
    expect(w?.printed).toEqual([{ silent: false, printBackground: true, copies: 1 }]);
    expect(w?.destroyed).toBe(true);
    // The PDF is gone from memory once printed: the address answers nothing any more.
    expect(stagedPrintJobs()).toBe(0);
    await expect(new BrowserWindow({}).loadURL(w?.url as string)).rejects.toThrow(/ERR_FILE_NOT_FOUND/);
  });

  it('keeps the session\'s file:// block: the same session that prints refuses a PDF from a file', async () => {
    const file = path.join(work.dir, 'local.pdf');
    fs.writeFileSync(file, PDF);
    await expect(new BrowserWindow({}).loadURL(pathToFileURL(file).href)).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
    await expect(new BrowserWindow({}).loadURL('https://example.com/x.pdf')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
    // …while the app's own PDF prints.
    expect(await printPdf(PDF, 'a.pdf', { silent: false })).toEqual({ ok: true });
  });

  it('prints with one click to the default printer without a dialog', async () => {
    const result = await printPdf(PDF, 'a.pdf', { silent: true, copies: 2 });
    expect(result.ok).toBe(true);
    expect(fake.windows[0]?.printed).toEqual([{ silent: true, printBackground: true, copies: 2 }]);
  });

  it('reports a machine without printers instead of printing into nothing', async () => {
    fake.printers = [];
    expect(await printPdf(PDF, 'a.pdf', { silent: true })).toEqual({ ok: false, reason: 'no printer' });
    expect(fake.windows[0]?.printed).toEqual([]);
    expect(fake.windows[0]?.destroyed).toBe(true);
  });

  it('reports a cancelled print dialog', async () => {
    fake.printAnswer = { success: false, reason: 'cancelled' };
    expect(await printPdf(PDF, 'a.pdf', { silent: false })).toEqual({ ok: false, reason: 'cancelled' });
  });

  it('saves as a PDF where the user chose, defaulting to Documents with the document\'s name', async () => {
    const target = path.join(work.dir, 'saved', 'my copy');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fake.saveAnswer = { canceled: false, filePath: target };
    const saved = await savePdfAs(PDF, 'JH-Q2026-0042-ar.pdf', null);
    expect(saved).toBe(`${target}.pdf`);
    expect(fs.readFileSync(saved as string)).toEqual(PDF);
    expect(fake.dialogs[0]).toMatchObject({ defaultPath: '/home/stall/Documents/JH-Q2026-0042-ar.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    fake.saveAnswer = { canceled: true };
    expect(await savePdfAs(PDF, 'x.pdf', null)).toBeNull();
  });

  it('opens the containing folder of a saved file, and only of a file that exists', () => {
    const file = path.join(work.dir, 'here.pdf');
    fs.writeFileSync(file, PDF);
    expect(showInFolder(file)).toBe(true);
    expect(showInFolder(path.join(work.dir, 'gone.pdf'))).toBe(false);
    expect(fake.shown).toEqual([file]);
  });

  it('handles print calls from the renderer: a real document to the default printer, and save as', async () => {
    expect(isPrintMethod('print.silent')).toBe(true);
    expect(isPrintMethod('documents.render')).toBe(false);
    const link = inProcessLink(core);
    const printed = (await handlePrintCall(link, null, 'print.silent', { kind: 'proforma', id: 1, lang: 'en' })) as { ok: boolean };
    expect(printed.ok).toBe(true);
    expect(fake.windows[0]?.url).toMatch(/JH-PI2026-0017-en\.pdf$/);
    expect(fake.windows[0]?.loaded?.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const target = path.join(work.dir, 'pi.pdf');
    fake.saveAnswer = { canceled: false, filePath: target };
    const saved = (await handlePrintCall(link, null, 'print.saveAs', { kind: 'quotation', id: 1 })) as { path: string };
    expect(saved.path).toBe(target);
    expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(handlePrintCall(link, null, 'print.dialog', { kind: 'proforma' })).rejects.toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'id' } });
    await expect(handlePrintCall(link, null, 'print.showInFolder', { path: 'relative.pdf' })).rejects.toThrow(/path/);
    expect(printWindowOptions().show).toBe(false);
  });
});
