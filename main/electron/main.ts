import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, session } from 'electron';
import { openCore, type Core } from '../core';
import { appPath } from '../paths/appRoot';
import { DataProblemError } from '../backup/integrity';
import { DataFolderBusyError } from '../backup/lock';
import { restoreDataFolder } from '../backup/restore';
import { BackupScheduler } from '../backup/scheduler';
import { warmUpFontsSoon } from '../documents/text';
import { createLanControl } from '../server/lanListener';
import { getSecurity } from '../../db/auth';
import { registerIpc } from './ipc';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { APP_ORIGIN, blockRemoteContent, denyPermissions, hardenContents, secureWindowOptions } from './security';

/** `--data DIR` overrides Electron's userData folder (as for the server and CLI). */
export function dataDirFromArgs(argv: string[], fallback: string): string {
  const i = argv.indexOf('--data');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--data='))?.slice('--data='.length);
  return value ? path.resolve(value) : fallback;
}

let core: Core | null = null;
let scheduler: BackupScheduler | null = null;

export function createWindow(): BrowserWindow {
  const preload = path.join(path.dirname(fileURLToPath(import.meta.url)), 'preload.cjs');
  const window = new BrowserWindow(secureWindowOptions(preload));
  hardenContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

const zh = () => app.getLocale().toLowerCase().startsWith('zh');

/**
 * Opens the data folder. A damaged database, or a missing one while backups
 * exist, is explained in a dialog that offers the newest good backup (or a
 * backup file, or — for a missing database only — an empty stall, on
 * purpose); the app never starts empty by itself. Null: the user chose to quit.
 */
export async function openWithRecovery(dataDir: string): Promise<Core | null> {
  let allowNew = false;
  for (;;) {
    try {
      return openCore(dataDir, { door: 'electron', ...(allowNew ? { allowNewDatabase: true } : {}) });
    } catch (error) {
      if (error instanceof DataFolderBusyError) {
        dialog.showErrorBox('Stallkeeper', error.message);
        return null;
      }
      if (!(error instanceof DataProblemError)) throw error;
      const lang = zh() ? 'zh' : 'en';
      const backup = error.newestGoodBackup;
      const choices: Array<{ label: string; act: 'newest' | 'file' | 'empty' | 'quit' }> = [];
      if (backup) choices.push({ label: lang === 'zh' ? '恢复最新的完好备份' : 'Restore the newest good backup', act: 'newest' });
      choices.push({ label: lang === 'zh' ? '选择备份文件…' : 'Choose a backup file…', act: 'file' });
      if (error.kind === 'missing') choices.push({ label: lang === 'zh' ? '从空白数据开始' : 'Start an empty stall', act: 'empty' });
      choices.push({ label: lang === 'zh' ? '退出' : 'Quit', act: 'quit' });
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: 'Stallkeeper',
        message: lang === 'zh' ? '数据无法打开' : 'The data cannot be opened',
        detail: error.messageIn(lang),
        buttons: choices.map((c) => c.label),
        defaultId: 0,
        cancelId: choices.length - 1,
        noLink: true,
      });
      const act = choices[response]?.act ?? 'quit';
      if (act === 'quit') return null;
      if (act === 'empty') {
        allowNew = true;
        continue;
      }
      let file = backup?.file ?? null;
      if (act === 'file') {
        const picked = await dialog.showOpenDialog({
          properties: ['openFile'],
          filters: [{ name: lang === 'zh' ? 'Stallkeeper 备份' : 'Stallkeeper backups', extensions: ['gz', 'db'] }],
        });
        file = picked.canceled ? null : (picked.filePaths[0] ?? null);
      }
      if (!file) continue;
      try {
        await restoreDataFolder(dataDir, file);
      } catch (restoreError) {
        dialog.showErrorBox('Stallkeeper', restoreError instanceof Error ? restoreError.message : String(restoreError));
      }
    }
  }
}

export function startElectronApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  void app.whenReady().then(async () => {
    denyPermissions(session.defaultSession);
    blockRemoteContent(session.defaultSession);
    core = await openWithRecovery(dataDirFromArgs(process.argv, app.getPath('userData')));
    if (!core) {
      app.quit();
      return;
    }
    const rendererDir = appPath('dist', 'renderer');
    const lan = createLanControl(core, rendererDir);
    core.door.lan = lan;
    core.door.chooseFolder = async () => {
      const [window] = BrowserWindow.getAllWindows();
      const options = { properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
      const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    };
    core.door.afterRestore = () => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.reload();
    };
    handleAppProtocol(core, rendererDir);
    registerIpc(core);
    createWindow();
    if (getSecurity(core.db).lan_enabled === 1) void lan.start();
    scheduler = new BackupScheduler(core, { log: (line) => process.stderr.write(`${line}\n`) });
    void scheduler.start();
    warmUpFontsSoon();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // The backup on quit: hold the quit until it is done (bounded), then quit for real.
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    event.preventDefault();
    quitting = true;
    const open = core;
    void (async () => {
      await scheduler?.stop();
      await open.door.lan?.stop();
      open.close();
      core = null;
      app.quit();
    })();
  });
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });
}
