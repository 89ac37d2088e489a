import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { CallOutcome } from '../api/dispatch';
import type { Locale } from '../api/errors';
import type { CoreLink } from '../coreProcess/link';

/**
 * Settings → Diagnostics (and Help → Save diagnostics) in the desktop app:
 * the core makes the zip (logs, versions, settings without secrets, integrity
 * check), the main process adds Electron's versions and asks where to save it.
 */
export async function saveDiagnostics(core: CoreLink, window: BrowserWindow | null, locale: Locale): Promise<CallOutcome> {
  const door = {
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    v8: process.versions.v8,
    os: `${process.platform} ${process.getSystemVersion?.() ?? ''}`.trim(),
    packaged: String(app.isPackaged),
  };
  const outcome = await core.call('diagnostics.bundle', { door }, locale);
  if (!outcome.ok) return outcome;
  const file = outcome.result as { fileName: string; base64: string };
  const options: Electron.SaveDialogOptions = {
    defaultPath: path.join(app.getPath('documents'), file.fileName),
    filters: [{ name: 'Zip', extensions: ['zip'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const answer = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (answer.canceled || !answer.filePath) return { ok: true, result: { path: null } };
  const target = answer.filePath.toLowerCase().endsWith('.zip') ? answer.filePath : `${answer.filePath}.zip`;
  fs.writeFileSync(target, Buffer.from(file.base64, 'base64'));
  return { ok: true, result: { path: target } };
}
