import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, shell, type WebContentsPrintOptions } from 'electron';
import type { CallOutcome } from '../api/dispatch';
import type { Locale } from '../api/errors';
import type { CoreLink } from '../coreProcess/link';
import { stagePrintJob } from './protocol';

/**
 * Printing and sharing documents in the desktop app: the print dialog, one
 * click to the default printer (silent), "save as", and "show in folder".
 * The PDF comes from the documents area (the same bytes the browser mode
 * downloads); Electron's built-in PDF viewer prints it in a hidden window.
 *
 * The renderer reaches these through the IPC door like API methods, by the
 * names in PRINT_METHODS (see handlePrintCall).
 */

export interface PrintResult {
  ok: boolean;
  /** Why printing did not happen ("cancelled", "no printer"…). */
  reason?: string;
}

/** Electron windows the print window needs: hidden, sandboxed, PDF viewer on. */
export function printWindowOptions(): Electron.BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, javascript: true },
  };
}

/** Whether the system has any printer (Electron prints silently to the default one when no device is named). */
export async function hasPrinter(contents: Electron.WebContents): Promise<boolean> {
  return (await contents.getPrintersAsync()).length > 0;
}

/**
 * Prints a PDF: with `silent` straight to the default printer (no dialog),
 * otherwise through the system print dialog. The PDF is served from memory
 * by the app's own protocol (app://stallkeeper/print/…), which the session
 * allows by design; file:// stays blocked for every page, this one included.
 */
let printing = 0;
/** Prints under way (no update is checked for meanwhile). */
export function printsInFlight(): number {
  return printing;
}

export async function printPdf(pdf: Buffer, fileName: string, options: { silent: boolean; copies?: number }): Promise<PrintResult> {
  printing += 1;
  try {
    return await printStaged(pdf, fileName, options);
  } finally {
    printing -= 1;
  }
}

async function printStaged(pdf: Buffer, fileName: string, options: { silent: boolean; copies?: number }): Promise<PrintResult> {
  const job = stagePrintJob(pdf, fileName);
  const window = new BrowserWindow(printWindowOptions());
  try {
    await window.loadURL(job.url);
    // The real-Electron smoke test (tests/e2e/electron-smoke.test.ts) has no printer: it prints to a PDF file instead.
    const toPdf = process.env.STALLKEEPER_PRINT_TO_PDF_DIR;
    if (toPdf) {
      fs.writeFileSync(path.join(toPdf, path.basename(fileName)), await window.webContents.printToPDF({ printBackground: true }));
      return { ok: true };
    }
    if (options.silent && !(await hasPrinter(window.webContents))) return { ok: false, reason: 'no printer' };
    const printOptions: WebContentsPrintOptions = { silent: options.silent, printBackground: true, copies: options.copies ?? 1 };
    return await new Promise<PrintResult>((resolve) => {
      window.webContents.print(printOptions, (success, failureReason) => {
        resolve(success ? { ok: true } : { ok: false, reason: failureReason || 'cancelled' });
      });
    });
  } finally {
    if (!window.isDestroyed()) window.destroy();
    job.release();
  }
}

/** "Save as": asks where (the Documents folder, the PDF's own name), writes the file; null when cancelled. */
export async function savePdfAs(pdf: Buffer, fileName: string, parent: BrowserWindow | null): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    defaultPath: path.join(app.getPath('documents'), fileName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const answer = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (answer.canceled || !answer.filePath) return null;
  const target = answer.filePath.toLowerCase().endsWith('.pdf') ? answer.filePath : `${answer.filePath}.pdf`;
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, pdf);
  fs.renameSync(tmp, target);
  return target;
}

/** "Open containing folder": the file manager with the file selected. */
export function showInFolder(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  shell.showItemInFolder(file);
  return true;
}

export const PRINT_METHODS = ['print.dialog', 'print.silent', 'print.saveAs', 'print.showInFolder'] as const;
export type PrintMethod = (typeof PRINT_METHODS)[number];

export function isPrintMethod(name: unknown): name is PrintMethod {
  return typeof name === 'string' && (PRINT_METHODS as readonly string[]).includes(name);
}

/** The rendered document, from the core (documents.render, which validates the input); a failed outcome is thrown as it is. */
async function renderedPdf(core: CoreLink, input: unknown, lang: Locale): Promise<{ pdf: Buffer; fileName: string; nameWarnings: string[] }> {
  const outcome: CallOutcome = await core.call('documents.render', input, lang);
  if (!outcome.ok) throw outcome;
  const result = outcome.result as { base64: string; fileName: string; nameWarnings: string[] };
  return { pdf: Buffer.from(result.base64, 'base64'), fileName: result.fileName, nameWarnings: result.nameWarnings };
}

/**
 * The desktop-only calls, for the IPC door: print.dialog / print.silent
 * { kind, id, lang?, bilingual?, paper? } (the input of documents.render),
 * print.saveAs (same input; returns the saved path) and print.showInFolder { path }.
 */
export async function handlePrintCall(core: CoreLink, window: BrowserWindow | null, method: PrintMethod, input: unknown, lang: Locale = 'en'): Promise<unknown> {
  if (method === 'print.showInFolder') {
    const file = (input as { path?: unknown } | null)?.path;
    if (typeof file !== 'string' || !path.isAbsolute(file)) throw new Error('path: an absolute file path is required');
    return { shown: showInFolder(file) };
  }
  const printed = await renderedPdf(core, input, lang);
  if (method === 'print.saveAs') {
    const saved = await savePdfAs(printed.pdf, printed.fileName, window);
    return { path: saved, nameWarnings: printed.nameWarnings };
  }
  const result = await printPdf(printed.pdf, printed.fileName, { silent: method === 'print.silent' });
  return { ...result, nameWarnings: printed.nameWarnings };
}
