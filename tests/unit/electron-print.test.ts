import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// A fake of the parts of 'electron' printing uses; the real binary never runs on CI.
const fake = vi.hoisted(() => ({
  windows: [] as Array<{ options: unknown; url: string | null; printed: unknown[]; destroyed: boolean; loadedFileExisted: boolean }>,
  printers: [{ name: 'Office', displayName: 'Office', description: '', options: {} }] as unknown[],
  printAnswer: { success: true, reason: '' },
  saveAnswer: { canceled: false, filePath: '' } as { canceled: boolean; filePath?: string },
  shown: [] as string[],
  dialogs: [] as unknown[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    private readonly record: (typeof fake.windows)[number];
    webContents: unknown;
    constructor(options: unknown) {
      this.record = { options, url: null, printed: [], destroyed: false, loadedFileExisted: false };
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
      this.record.loadedFileExisted = fs.existsSync(new URL(url));
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
  };
});

import { handlePrintCall, isPrintMethod, printPdf, printWindowOptions, savePdfAs, showInFolder } from '../../main/electron/print';
import { setDocumentSource } from '../../main/documents/source';
import { demoSource } from '../helpers/demoSource';
import { tempCore, tempDir } from '../helpers/tempCore';

const PDF = Buffer.from('%PDF-1.3\n%fake\n');
const work = tempDir('sk-print-');
const core = tempCore();

beforeAll(async () => setDocumentSource(await demoSource(work.dir)), 60_000);
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
  it('prints through the system dialog from a hidden, sandboxed window, then closes it and removes the temporary file', async () => {
    const result = await printPdf(PDF, 'JH-PI2026-0017-en.pdf', { silent: false });
    expect(result).toEqual({ ok: true });
    const [w] = fake.windows;
    expect(w?.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true } });
    expect(w?.url).toMatch(/^file:\/\/.*JH-PI2026-0017-en\.pdf$/);
    expect(w?.loadedFileExisted).toBe(true);
    expect(w?.printed).toEqual([{ silent: false, printBackground: true, copies: 1 }]);
    expect(w?.destroyed).toBe(true);
    expect(fs.existsSync(new URL(w?.url as string))).toBe(false);
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
    const printed = (await handlePrintCall(core, null, 'print.silent', { kind: 'proforma', id: 1, lang: 'en' })) as { ok: boolean };
    expect(printed.ok).toBe(true);
    expect(fake.windows[0]?.url).toMatch(/JH-PI2026-0017-en\.pdf$/);
    const target = path.join(work.dir, 'pi.pdf');
    fake.saveAnswer = { canceled: false, filePath: target };
    const saved = (await handlePrintCall(core, null, 'print.saveAs', { kind: 'quotation', id: 1 })) as { path: string };
    expect(saved.path).toBe(target);
    expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(handlePrintCall(core, null, 'print.dialog', { kind: 'proforma' })).rejects.toThrow(/id/);
    await expect(handlePrintCall(core, null, 'print.showInFolder', { path: 'relative.pdf' })).rejects.toThrow(/path/);
    expect(printWindowOptions().show).toBe(false);
  });
});
