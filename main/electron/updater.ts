import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, net, shell, type BrowserWindow } from 'electron';
import electronUpdater from 'electron-updater';
import type { CallOutcome } from '../api/dispatch';
import { say, translate, type Locale } from '../errors/apiError';
import type { EventHub } from '../events/hub';
import { logError, logInfo, logWarn } from '../logging/log';
import { checkInstaller } from '../updates/fileUpdate';
import { shouldCheck, type CheckDecision } from '../updates/policy';
import { readUpdateSettings, writeUpdateSettings } from '../updates/settingsFile';

export interface UpdaterOptions {
  /** update-settings.json (Settings → Updates). */
  settingsFile: string;
  events: EventHub;
  /** Work under way (long calls, prints): no check meanwhile. */
  work: () => string[];
  /** How often to look (tests pass 0 for never on a timer). */
  everyMs?: number;
}

/** The feed the build was made with: app-update.yml, which electron-builder writes beside app.asar. */
function buildFeedPresent(): boolean {
  return app.isPackaged && fs.existsSync(path.join(process.resourcesPath, 'app-update.yml'));
}

/**
 * Updates (electron-updater, generic provider): looks for a new version only
 * online and when no work is under way, downloads it in the background and
 * installs it when the app quits. "Update from a file" runs an installer from
 * a USB stick once it matches the latest.yml beside it.
 */
export function createUpdater(options: UpdaterOptions) {
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.logger = { info: (m: unknown) => logInfo(`updater: ${String(m)}`), warn: (m: unknown) => logWarn(`updater: ${String(m)}`), error: (m: unknown) => logError('updater', m), debug: () => undefined };
  autoUpdater.on('update-available', (info: { version: string }) => options.events.push({ type: 'update', state: 'available', version: info.version }));
  autoUpdater.on('update-not-available', () => options.events.push({ type: 'update', state: 'none' }));
  autoUpdater.on('update-downloaded', (info: { version: string }) => options.events.push({ type: 'update', state: 'downloaded', version: info.version }));
  autoUpdater.on('error', (error: Error) => {
    logError('updater: the check failed', error);
    options.events.push({ type: 'update', state: 'error', message: error.message.split('\n')[0] ?? '' });
  });
  let lastCheckAt: number | null = null;

  const feedUrl = () => readUpdateSettings(options.settingsFile).feedUrl || (buildFeedPresent() ? 'build' : null);

  const check = async (manual: boolean): Promise<CheckDecision> => {
    const feed = feedUrl();
    const decision = shouldCheck({ feedUrl: feed, online: net.isOnline(), work: options.work(), lastCheckAt, now: Date.now(), manual });
    if (!decision.check) return decision;
    lastCheckAt = Date.now();
    if (feed && feed !== 'build') autoUpdater.setFeedURL({ provider: 'generic', url: feed });
    try {
      await autoUpdater.checkForUpdates();
    } catch (error) {
      logError('updater: checkForUpdates failed', error);
    }
    return decision;
  };

  const every = options.everyMs ?? 15 * 60_000;
  if (every > 0) {
    const timer = setInterval(() => void check(false), every);
    timer.unref();
  }

  const fromFile = async (window: BrowserWindow | null, lang: Locale): Promise<CallOutcome> => {
    const pickOptions: Electron.OpenDialogOptions = {
      properties: ['openFile'],
      filters: [{ name: say(lang, 'electron.stallkeeperInstaller'), extensions: ['exe', 'dmg', 'AppImage', 'deb'] }],
    };
    const picked = window ? await dialog.showOpenDialog(window, pickOptions) : await dialog.showOpenDialog(pickOptions);
    const file = picked.canceled ? null : (picked.filePaths[0] ?? null);
    if (!file) return { ok: true, result: { started: false } };
    const checked = await checkInstaller(file, app.getVersion());
    if (!checked.ok) {
      logWarn('updater: an installer from a file was refused', { reason: checked.reason });
      await dialog.showMessageBox({ type: 'error', title: 'Stallkeeper', message: say(lang, 'electron.fileCannotUsedUpdate'), detail: translate(checked.message, lang), noLink: true });
      return { ok: false, error: { code: 'invalid_input', message: translate(checked.message, lang), field: 'file' } };
    }
    const { response } = await dialog.showMessageBox({
      type: 'question',
      title: 'Stallkeeper',
      message: say(lang, 'electron.installVersion', { version: checked.version }),
      detail: say(lang, 'electron.fileCheckedOutStallkeeper'),
      buttons: [say(lang, 'electron.install'), say(lang, 'electron.cancel')],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (response !== 0) return { ok: true, result: { started: false } };
    logInfo('updater: installing from a file', { version: checked.version });
    const failure = await shell.openPath(checked.installer);
    if (failure) return { ok: false, error: { code: 'internal', message: failure } };
    app.quit();
    return { ok: true, result: { started: true, version: checked.version } };
  };

  return {
    check,
    fromFile,
    settings: () => ({ feedUrl: readUpdateSettings(options.settingsFile).feedUrl, buildFeed: buildFeedPresent(), version: app.getVersion() }),
    setFeed: (url: string) => writeUpdateSettings(options.settingsFile, { feedUrl: url }),
  };
}

export type Updater = ReturnType<typeof createUpdater>;

/** The desktop calls of Settings → Updates. */
export async function updaterCall(updater: Updater, method: string, input: unknown, window: BrowserWindow | null, lang: Locale): Promise<CallOutcome | null> {
  switch (method) {
    case 'updates.settings':
      return { ok: true, result: updater.settings() };
    case 'updates.setFeed': {
      try {
        return { ok: true, result: updater.setFeed(String((input as { feedUrl?: unknown } | null)?.feedUrl ?? '')) };
      } catch {
        return { ok: false, error: { code: 'invalid_input', field: 'feedUrl', message: say(lang, 'electron.feedUrlMustBeHttps') } };
      }
    }
    case 'updates.check':
      return { ok: true, result: await updater.check(true) };
    case 'updates.fromFile':
      return updater.fromFile(window, lang);
    default:
      return null;
  }
}
