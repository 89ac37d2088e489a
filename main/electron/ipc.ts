import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Core } from '../core';
import { callMethod, type CallOutcome } from '../api/dispatch';
import { pickLocale } from '../api/errors';
import { pcSession } from '../auth/service';
import { isAppUrl } from './security';

export const CALL_CHANNEL = 'stallkeeper:call';

/**
 * The Electron door: one IPC channel carrying (method, input, locale) to the
 * API table. Only the app's own page may call it. The caller is the person
 * at the shop PC: the owner before an owner PIN is set, afterwards staff
 * until the PIN is entered (auth.unlock) and again after the idle timeout.
 */
export async function handleCall(core: Core, event: Pick<IpcMainInvokeEvent, 'senderFrame'>, method: unknown, input: unknown, locale: unknown): Promise<CallOutcome> {
  const lang = pickLocale(typeof locale === 'string' ? locale : 'en');
  const origin = event.senderFrame?.url ?? '';
  if (!isAppUrl(origin)) {
    return { ok: false, error: { code: 'forbidden', message: lang === 'zh' ? '来源不被允许' : 'Calls are accepted from the app window only' } };
  }
  if (typeof method !== 'string') {
    return { ok: false, error: { code: 'bad_request', message: lang === 'zh' ? '方法名必须是文本' : 'The method name must be text' } };
  }
  return callMethod(core, method, input, { session: pcSession(core), locale: lang });
}

export function registerIpc(core: Core): void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown, locale: unknown) => handleCall(core, event, method, input, locale));
}
