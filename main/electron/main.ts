import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session } from 'electron';
import { openCore, type Core } from '../core';
import { appPath } from '../paths/appRoot';
import { registerIpc } from './ipc';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { APP_ORIGIN, denyPermissions, hardenContents, secureWindowOptions } from './security';

/** `--data DIR` overrides Electron's userData folder (as for the server and CLI). */
export function dataDirFromArgs(argv: string[], fallback: string): string {
  const i = argv.indexOf('--data');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--data='))?.slice('--data='.length);
  return value ? path.resolve(value) : fallback;
}

let core: Core | null = null;

function createWindow(): BrowserWindow {
  const preload = path.join(path.dirname(fileURLToPath(import.meta.url)), 'preload.cjs');
  const window = new BrowserWindow(secureWindowOptions(preload));
  hardenContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

export function startElectronApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  void app.whenReady().then(() => {
    core = openCore(dataDirFromArgs(process.argv, app.getPath('userData')));
    denyPermissions(session.defaultSession);
    handleAppProtocol(core, appPath('dist', 'renderer'));
    registerIpc(core);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });
}
