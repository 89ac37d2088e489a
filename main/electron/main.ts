import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { appPath } from '../paths/appRoot';
import { CoreClient } from '../coreProcess/client';
import type { OpenedInfo } from '../coreProcess/protocol';
import { EventHub } from '../events/hub';
import { catchProcessErrors, configureLogging, currentLogDir, logError, logInfo, logsDirOf } from '../logging/log';
import { spawnUtilityCore } from './coreHost';
import { saveDiagnostics } from './diagnostics';
import { printsInFlight } from './print';
import { createUpdater, updaterCall } from './updater';
import { WORK_METHODS } from '../updates/policy';
import { updateSettingsFile } from '../updates/settingsFile';
import { registerIpc, type ElectronDoor } from './ipc';
import { menuLanguageOf, menuTemplate, type AppCommand, type MenuLanguage } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { APP_ORIGIN, blockRemoteContent, denyPermissions, hardenContents, secureWindowOptions } from './security';
import { say, translate } from '../errors/apiError';

/** `--data DIR` overrides Electron's userData folder (as for the server and CLI). */
export function dataDirFromArgs(argv: string[], fallback: string): string {
  const i = argv.indexOf('--data');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--data='))?.slice('--data='.length);
  return value ? path.resolve(value) : fallback;
}

let client: CoreClient | null = null;

export function createWindow(): BrowserWindow {
  const preload = path.join(path.dirname(fileURLToPath(import.meta.url)), 'preload.cjs');
  const window = new BrowserWindow(secureWindowOptions(preload, { devTools: !app.isPackaged }));
  hardenContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

const zh = () => app.getLocale().toLowerCase().startsWith('zh');

/**
 * Opens the data folder in the core process. A damaged database, or a
 * missing one while backups exist, is explained in a dialog that offers the
 * newest good backup (or a backup file, or — for a missing database only —
 * an empty stall, on purpose); the app never starts empty by itself.
 * Null: the user chose to quit.
 */
export async function openWithRecovery(core: CoreClient, dataDir: string): Promise<OpenedInfo | null> {
  let allowNew = false;
  for (;;) {
    const opened = await core.open(dataDir, allowNew ? { allowNewDatabase: true } : {});
    if (opened.ok) return opened.info;
    const problem = opened.problem;
    if (problem.type !== 'data') {
      dialog.showErrorBox('Stallkeeper', problem.message);
      return null;
    }
    const lang = zh() ? 'zh' : 'en';
    const backup = problem.newestGoodBackup;
    const choices: Array<{ label: string; act: 'newest' | 'file' | 'empty' | 'quit' }> = [];
    if (backup) choices.push({ label: say(lang, 'electron.restoreNewestGoodBackup'), act: 'newest' });
    choices.push({ label: say(lang, 'electron.chooseBackupFile'), act: 'file' });
    if (problem.kind === 'missing') choices.push({ label: say(lang, 'electron.startEmptyStall'), act: 'empty' });
    choices.push({ label: say(lang, 'electron.quit'), act: 'quit' });
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: 'Stallkeeper',
      message: say(lang, 'electron.dataCannotOpened'),
      detail: translate(problem.message, lang),
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
        filters: [{ name: say(lang, 'electron.stallkeeperBackups'), extensions: ['gz', 'db'] }],
      });
      file = picked.canceled ? null : (picked.filePaths[0] ?? null);
    }
    if (!file) continue;
    try {
      await core.restore(dataDir, file);
    } catch (restoreError) {
      dialog.showErrorBox('Stallkeeper', restoreError instanceof Error ? restoreError.message : String(restoreError));
    }
  }
}

async function chooseFolder(): Promise<string | null> {
  const [window] = BrowserWindow.getAllWindows();
  const options = { properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
  const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return picked.canceled ? null : (picked.filePaths[0] ?? null);
}

export interface DesktopServices {
  events: EventHub;
  /** Commands the main process carries out itself; the others go to the page. */
  commands: Partial<Record<AppCommand, () => void>>;
  desktopCall?: ElectronDoor['desktopCall'];
}

/** The application menu in the UI language; commands the main process does not handle go to the page as events. */
export function installMenu(language: MenuLanguage, services: DesktopServices): void {
  const template = menuTemplate({
    language,
    packaged: app.isPackaged,
    platform: process.platform,
    onCommand: (command) => {
      const own = services.commands[command];
      if (own) own();
      else services.events.push({ type: 'command', command });
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
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
  // A page whose renderer process crashed or was killed is loaded again (the log says why).
  app.on('render-process-gone', (_event, contents, details) => {
    logError('a renderer process is gone', undefined, { reason: details.reason, exitCode: details.exitCode });
    if (details.reason !== 'clean-exit' && !contents.isDestroyed()) contents.reload();
  });
  void app.whenReady().then(async () => {
    const dataDir = dataDirFromArgs(process.argv, app.getPath('userData'));
    configureLogging({ dir: logsDirOf(dataDir), process: 'main' });
    catchProcessErrors({ exitOnUncaught: false });
    logInfo('app starting', { version: app.getVersion(), electron: process.versions.electron ?? '', packaged: app.isPackaged });
    denyPermissions(session.defaultSession);
    blockRemoteContent(session.defaultSession);
    const events = new EventHub();
    const services: DesktopServices = { events, commands: {} };
    const binding = process.env.STALLKEEPER_SQLITE_BINDING;
    const core = new CoreClient(() => spawnUtilityCore(binding ? { STALLKEEPER_SQLITE_BINDING: binding } : {}), {
      onProgress: (callId, method, progress) => {
        if (callId) events.push({ type: 'progress', callId, method, done: progress.done, total: progress.total, ...(progress.phase ? { phase: progress.phase } : {}) });
      },
      onRestarted: (reason) => events.push({ type: 'core', state: 'restarted', reason }),
      onStopped: (reason) => {
        events.push({ type: 'core', state: 'stopped', reason });
        dialog.showErrorBox('Stallkeeper', reason);
      },
      onAsk: async (question) => (question === 'chooseFolder' ? chooseFolder() : null),
      onAfterRestore: () => {
        for (const window of BrowserWindow.getAllWindows()) window.webContents.reload();
      },
    });
    client = core;
    await core.start();
    const opened = await openWithRecovery(core, dataDir);
    if (!opened) {
      await core.close();
      client = null;
      app.quit();
      return;
    }
    handleAppProtocol({ rendererDir: appPath('dist', 'renderer'), photosDir: opened.photosDir });
    let language = menuLanguageOf(app.getLocale());
    const door: ElectronDoor = {
      core,
      events,
      setLanguage: (value) => {
        const next = menuLanguageOf(value);
        if (next === language) return;
        language = next;
        installMenu(language, services);
      },
      info: () => ({
        version: app.getVersion(),
        electron: process.versions.electron ?? '',
        node: process.versions.node,
        chrome: process.versions.chrome ?? '',
        dataDir: opened.dataDir,
        logDir: currentLogDir() ?? opened.logDir,
      }),
      desktopCall: (method, input, window, locale) => services.desktopCall?.(method, input, window, locale) ?? null,
    };
    const uiLocale = (): 'en' | 'zh' => (language === 'zh-CN' ? 'zh' : 'en');
    const updater = createUpdater({
      settingsFile: updateSettingsFile(app.getPath('userData')),
      events,
      work: () => [...core.pendingMethods().filter((m) => WORK_METHODS.has(m)), ...(printsInFlight() > 0 ? ['print'] : [])],
    });
    services.desktopCall = (method, input, window, locale) => {
      if (method === 'files.saveDiagnostics') return saveDiagnostics(core, window, locale);
      if (method.startsWith('updates.')) return updaterCall(updater, method, input, window, locale).then((r) => r ?? { ok: false, error: { code: 'unknown_method', message: method } });
      return null;
    };
    services.commands['save-diagnostics'] = () => void saveDiagnostics(core, BrowserWindow.getFocusedWindow(), uiLocale());
    services.commands['check-updates'] = () => void updater.check(true);
    services.commands['update-from-file'] = () => void updater.fromFile(BrowserWindow.getFocusedWindow(), uiLocale());
    // The first look for an update a minute after start (when online and idle).
    setTimeout(() => void updater.check(false), 60_000).unref();
    registerIpc(door);
    installMenu(language, services);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // The backup on quit (in the core process): hold the quit until it is done (bounded), then quit for real.
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !client) return;
    event.preventDefault();
    quitting = true;
    const open = client;
    void (async () => {
      await open.close();
      client = null;
      app.quit();
    })();
  });
}
