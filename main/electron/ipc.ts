import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { CallOutcome } from '../api/dispatch';
import { pickLocale, say, type Locale } from '../errors/apiError';
import type { EventHub } from '../events/hub';
import type { CoreLink } from '../coreProcess/link';
import { handlePrintCall, isPrintMethod, type PrintMethod } from './print';
import { isAppUrl } from './security';

export const CALL_CHANNEL = 'stallkeeper:call';

/** What the Electron door offers besides the API table (main.ts fills it in). */
export interface ElectronDoor {
  /** The core: the API table in its own process (see main/coreProcess). */
  core: CoreLink;
  events: EventHub;
  /** The page's UI language changed: the menu follows it. */
  setLanguage: (language: string) => void;
  /** Versions and folders for Help → About. */
  info: () => Record<string, string>;
  /** Desktop-only calls that are not printing (files.saveDiagnostics, updates.*). */
  desktopCall?: (method: string, input: unknown, window: BrowserWindow | null, locale: Locale) => Promise<CallOutcome> | null;
}

type CallEvent = Pick<IpcMainInvokeEvent, 'senderFrame'> & Partial<Pick<IpcMainInvokeEvent, 'sender'>>;

function windowOf(event: CallEvent): BrowserWindow | null {
  return event.sender ? BrowserWindow.fromWebContents(event.sender) : null;
}

/**
 * The Electron door: one IPC channel carrying (method, input, locale, call id)
 * to the API table, which runs in the core process. Only the app's own page
 * may call it. The caller is the person at the shop PC: the owner before an
 * owner PIN is set, afterwards staff until the PIN is entered (auth.unlock)
 * and again after the idle timeout. The door's own calls (app.events,
 * app.cancel, app.setLanguage, app.info, print.*) are answered here.
 */
export async function handleCall(door: ElectronDoor, event: CallEvent, method: unknown, input: unknown, locale: unknown, callId?: unknown): Promise<CallOutcome> {
  const lang = pickLocale(typeof locale === 'string' ? locale : 'en');
  const origin = event.senderFrame?.url ?? '';
  if (!isAppUrl(origin)) {
    return { ok: false, error: { code: 'forbidden', message: say(lang, 'electron.callsAcceptedAppWindow') } };
  }
  if (typeof method !== 'string') {
    return { ok: false, error: { code: 'bad_request', message: say(lang, 'electron.methodNameMustText') } };
  }
  const id = typeof callId === 'string' && /^[\w.-]{1,80}$/.test(callId) ? callId : undefined;
  const args = (input ?? {}) as Record<string, unknown>;
  switch (method) {
    case 'app.events': {
      const after = typeof args.after === 'number' && Number.isFinite(args.after) ? args.after : -1;
      return { ok: true, result: await door.events.wait(after) };
    }
    case 'app.cancel':
      if (typeof args.callId === 'string') door.core.cancel(args.callId);
      return { ok: true, result: { cancelled: typeof args.callId === 'string' } };
    case 'app.setLanguage':
      if (typeof args.language === 'string') door.setLanguage(args.language);
      return { ok: true, result: null };
    case 'app.info':
      return { ok: true, result: door.info() };
    default:
      break;
  }
  if (isPrintMethod(method)) return printCall(door, event, method, input, lang);
  const desktop = door.desktopCall?.(method, input, windowOf(event), lang);
  if (desktop) return desktop;
  return door.core.call(method, input, lang, id ? { callId: id } : {});
}

/**
 * print.dialog / print.silent / print.saveAs take the same input as
 * documents.render (the core validates it); print.showInFolder a path.
 */
async function printCall(door: ElectronDoor, event: CallEvent, method: PrintMethod, input: unknown, lang: Locale): Promise<CallOutcome> {
  try {
    return { ok: true, result: await handlePrintCall(door.core, windowOf(event), method, input, lang) };
  } catch (error) {
    if (isOutcome(error)) return error;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: say(lang, 'electron.printingFailed', { message }) } };
  }
}

function isOutcome(value: unknown): value is CallOutcome {
  return typeof value === 'object' && value !== null && 'ok' in value && (value as { ok: unknown }).ok === false && 'error' in value;
}

export function registerIpc(door: ElectronDoor): void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown, locale: unknown, callId: unknown) => handleCall(door, event, method, input, locale, callId));
}
