import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, shell, type WebContentsPrintOptions } from 'electron';
import type { Core } from '../core';
import { printDocument, type PrintRequest } from '../documents/service';

/**
 * Printing and sharing documents in the desktop app: the print dialog, one
 * click to the default printer (silent), "save as", and "show in folder".
 * The PDF comes from the documents area (the same bytes the browser mode
 * downloads); Electron's built-in PDF viewer prints it in a hidden window.
 *
 * The renderer reaches these through the IPC door like API methods, by the
 * names in PRINT_METHODS (see handlePrintCall).
 */

export interface PrintTarget extends PrintRequest {
  id: number;
}

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

/** The PDF in a private temporary file (the PDF viewer loads files, not buffers). */
export function writeTempPdf(pdf: Buffer, fileName: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stallkeeper-print-'));
  const file = path.join(dir, path.basename(fileName) || `document-${crypto.randomBytes(3).toString('hex')}.pdf`);
  fs.writeFileSync(file, pdf, { mode: 0o600 });
  return file;
}

/** Whether the system has any printer (Electron prints silently to the default one when no device is named). */
export async function hasPrinter(contents: Electron.WebContents): Promise<boolean> {
  return (await contents.getPrintersAsync()).length > 0;
}

/**
 * Prints a PDF: with `silent` straight to the default printer (no dialog),
 * otherwise through the system print dialog.
 */
export async function printPdf(pdf: Buffer, fileName: string, options: { silent: boolean; copies?: number }): Promise<PrintResult> {
  const file = writeTempPdf(pdf, fileName);
  const window = new BrowserWindow(printWindowOptions());
  try {
    await window.loadURL(pathToFileURL(file).href);
    if (options.silent && !(await hasPrinter(window.webContents))) return { ok: false, reason: 'no printer' };
    const printOptions: WebContentsPrintOptions = { silent: options.silent, printBackground: true, copies: options.copies ?? 1 };
    return await new Promise<PrintResult>((resolve) => {
      window.webContents.print(printOptions, (success, failureReason) => {
        resolve(success ? { ok: true } : { ok: false, reason: failureReason || 'cancelled' });
      });
    });
  } finally {
    if (!window.isDestroyed()) window.destroy();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
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

function target(input: unknown): PrintTarget {
  const t = input as Partial<PrintTarget> | null;
  if (!t || typeof t !== 'object' || !Number.isInteger(t.id) || (t.id as number) <= 0) throw new Error('id: a positive whole number is required');
  return t as PrintTarget;
}

/**
 * The desktop-only calls, for the IPC door: print.dialog / print.silent
 * { kind, id, lang?, bilingual?, paper? }, print.saveAs (same input; returns
 * the saved path) and print.showInFolder { path }.
 */
export async function handlePrintCall(core: Core, window: BrowserWindow | null, method: PrintMethod, input: unknown): Promise<unknown> {
  if (method === 'print.showInFolder') {
    const file = (input as { path?: unknown } | null)?.path;
    if (typeof file !== 'string' || !path.isAbsolute(file)) throw new Error('path: an absolute file path is required');
    return { shown: showInFolder(file) };
  }
  const t = target(input);
  const printed = await printDocument(core, { id: t.id }, t);
  if (method === 'print.saveAs') {
    const saved = await savePdfAs(printed.pdf, printed.fileName, window);
    return { path: saved, nameWarnings: printed.nameWarnings };
  }
  const result = await printPdf(printed.pdf, printed.fileName, { silent: method === 'print.silent' });
  return { ...result, nameWarnings: printed.nameWarnings };
}
