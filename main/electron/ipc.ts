import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Core } from '../core';
import { callMethod, methodSpec, toApiError, type CallOutcome } from '../api/dispatch';
import { pickLocale } from '../api/errors';
import { zodToApiError } from '../api/validation';
import { handlePrintCall, isPrintMethod } from './print';
import { pcSession } from '../auth/service';
import { isAppUrl } from './security';

export const CALL_CHANNEL = 'stallkeeper:call';

/**
 * The Electron door: one IPC channel carrying (method, input, locale) to the
 * API table. Only the app's own page may call it. The caller is the person
 * at the shop PC: the owner before an owner PIN is set, afterwards staff
 * until the PIN is entered (auth.unlock) and again after the idle timeout.
 */
export async function handleCall(core: Core, event: Pick<IpcMainInvokeEvent, 'senderFrame'> & Partial<Pick<IpcMainInvokeEvent, 'sender'>>, method: unknown, input: unknown, locale: unknown): Promise<CallOutcome> {
  const lang = pickLocale(typeof locale === 'string' ? locale : 'en');
  const origin = event.senderFrame?.url ?? '';
  if (!isAppUrl(origin)) {
    return { ok: false, error: { code: 'forbidden', message: lang === 'zh' ? '来源不被允许' : 'Calls are accepted from the app window only' } };
  }
  if (typeof method !== 'string') {
    return { ok: false, error: { code: 'bad_request', message: lang === 'zh' ? '方法名必须是文本' : 'The method name must be text' } };
  }
  if (isPrintMethod(method)) return printCall(core, event, method, input, lang);
  return callMethod(core, method, input, { session: pcSession(core), locale: lang });
}

/**
 * print.dialog / print.silent / print.saveAs take the same input as
 * documents.render (validated by its schema); print.showInFolder a path.
 */
async function printCall(
  core: Core,
  event: Partial<Pick<IpcMainInvokeEvent, 'sender'>>,
  method: Parameters<typeof handlePrintCall>[2],
  input: unknown,
  lang: 'en' | 'zh',
): Promise<CallOutcome> {
  let request: unknown = input;
  if (method !== 'print.showInFolder') {
    const parsed = methodSpec('documents.render').input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: zodToApiError(parsed.error, lang) };
    request = parsed.data;
  }
  try {
    const window = event.sender ? BrowserWindow.fromWebContents(event.sender) : null;
    return { ok: true, result: await handlePrintCall(core, window, method, request) };
  } catch (error) {
    return { ok: false, error: toApiError(error, lang) };
  }
}

export function registerIpc(core: Core): void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown, locale: unknown) => handleCall(core, event, method, input, locale));
}
