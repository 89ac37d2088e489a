import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { appRoot } from '../../main/paths/appRoot';
import { openCore } from '../../main/core';
import { fillDemo } from '../../main/demo/fill';
import { bundleMain } from '../../scripts/build-main';
import { ensureElectronSqlite } from '../../scripts/electron-native';
import { pdfText } from '../helpers/pdfTools';
import { tempDir } from '../helpers/tempCore';
import { electronBinary } from './electronApp';

/**
 * The real desktop app, where Electron's binary is installed: the window
 * opens, the preload bridge answers (through the core process), and a PI
 * prints (to a PDF file: STALLKEEPER_PRINT_TO_PDF_DIR) through the app://
 * print path and Chromium's PDF viewer. Elsewhere it is reported as skipped
 * with the reason in its name.
 */
const binary = electronBinary();
const skipped = 'reason' in binary ? binary.reason : null;
if (skipped) process.stderr.write(`electron-smoke: skipped: ${skipped}\n`);

describe('the desktop app in real Electron', () => {
  const data = tempDir('sk-electron-real-');
  const printed = tempDir('sk-electron-print-');
  let app: ElectronApplication | null = null;
  afterAll(async () => {
    await app?.close();
    data.remove();
    printed.remove();
  });

  it.skipIf(skipped !== null)(`opens its window, answers through the preload bridge and prints a PI to PDF${skipped ? ` (skipped: ${skipped})` : ''}`, async () => {
    const executablePath = (binary as { path: string }).path;
    const core = openCore(data.dir);
    await fillDemo(core);
    core.close();
    await bundleMain();
    const binding = await ensureElectronSqlite();
    app = await electron.launch({
      executablePath,
      args: [appRoot(), '--data', data.dir],
      env: { ...process.env, STALLKEEPER_SQLITE_BINDING: binding, STALLKEEPER_PRINT_TO_PDF_DIR: printed.dir },
    });
    const window = await app.firstWindow();
    await window.getByRole('menuitem').first().waitFor({ timeout: 60_000 });
    expect(window.url()).toBe('app://stallkeeper/index.html');
    type Outcome = { ok: boolean; result?: { items?: Array<{ id: number; number: string }> } };
    const settings = (await window.evaluate("window.stallkeeper.call('settings.get', {}, 'en')")) as Outcome;
    expect(settings.ok).toBe(true);
    const invoices = (await window.evaluate("window.stallkeeper.call('invoices.list', {}, 'en')")) as Outcome;
    const pi = invoices.result?.items?.[0];
    expect(pi).toBeDefined();
    const print = (await window.evaluate(`window.stallkeeper.call('print.silent', { kind: 'proforma', id: ${pi?.id}, lang: 'en' }, 'en')`)) as { ok: boolean };
    expect(print).toMatchObject({ ok: true });
    const [file] = fs.readdirSync(printed.dir);
    expect(file).toBeDefined();
    const pdf = path.join(printed.dir, file as string);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(fs.readFileSync(pdf))).toContain(pi?.number as string);
  }, 300_000);
});
