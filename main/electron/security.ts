import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { shell } from 'electron';

/** The origin the renderer is served from inside Electron (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'stallkeeper';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The security checklist, as window options: nothing of Node reaches the
 * page; a packaged build has no developer tools.
 */
export function secureWindowOptions(preloadPath: string, options: { devTools?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    title: 'Stallkeeper',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.devTools ?? true,
    },
  };
}

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Links the user may open outside the app, in the system browser or mail client. */
export function isExternalLink(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'mailto:' || (u.protocol === 'http:' && u.hostname !== 'localhost');
  } catch {
    return false;
  }
}

/**
 * Navigation stays inside the app; new windows are refused (a WhatsApp or
 * mailto link opens in the system browser instead); webviews are refused.
 */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Camera, microphone, geolocation, notifications…: the app asks for none, so every request is denied. */
export function denyPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

/** Schemes the page may never load from: nothing remote, no local files (the app is served from app://). */
const BLOCKED_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

export function isBlockedRequest(url: string): boolean {
  try {
    return BLOCKED_SCHEMES.has(new URL(url).protocol);
  } catch {
    return true;
  }
}

/** No remote content: every request of the page to http(s), ws(s), ftp or file is cancelled. */
export function blockRemoteContent(ses: Session): void {
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isBlockedRequest(details.url) }));
}
