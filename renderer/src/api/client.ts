import type { ApiInput, ApiOutput, MethodName } from '../../../main/api/table';
import type { ApiError } from '../../../main/api/errors';

export type { ApiInput, ApiOutput, MethodName };

type Outcome = { ok: true; result: unknown } | { ok: false; error: ApiError };

/** What the Electron preload exposes; absent in browser mode. */
interface Bridge {
  call(method: string, input: unknown, locale: string): Promise<Outcome>;
}

declare global {
  interface Window {
    stallkeeper?: Bridge;
  }
}

/** An error from the API, in its one shape: code, message (in the UI language), field. */
export class ApiCallError extends Error implements ApiError {
  readonly code: ApiError['code'];
  readonly field: string | undefined;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.field = error.field;
  }
}

let currentLocale = 'en';
export function apiLocale(): string {
  return currentLocale;
}
export function setApiLocale(locale: string): void {
  currentLocale = locale;
}

async function overHttp(method: string, input: unknown): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Stallkeeper-Locale': currentLocale },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    const zh = currentLocale.startsWith('zh');
    return {
      ok: false,
      error: { code: 'unavailable', message: zh ? '无法连接到 Stallkeeper 服务' : 'Cannot reach the Stallkeeper server' },
    };
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, result: body };
  const error = (body as { error?: ApiError } | null)?.error;
  return { ok: false, error: error ?? { code: 'internal', message: `HTTP ${response.status}` } };
}

// A device on the stall's network that is not paired (or was revoked) gets 401: the app shows the pairing screen.
// The shop PC's browser without this launch's key gets 401 naming the field "key": the app says how to open it.
let unpaired = false;
let needsKey = false;
const unpairedListeners = new Set<() => void>();
export function isUnpaired(): boolean {
  return unpaired;
}
/** The 401 was the shop PC's door asking for the launch key (not a device that must pair). */
export function needsLaunchKey(): boolean {
  return needsKey;
}
export function onUnpairedChange(listener: () => void): () => void {
  unpairedListeners.add(listener);
  return () => unpairedListeners.delete(listener);
}

/**
 * Calls one method of the API table, through the Electron bridge when it
 * exists and over HTTP otherwise. Resolves with the result or throws ApiCallError.
 */
export async function call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const outcome = window.stallkeeper ? await window.stallkeeper.call(method, input, currentLocale) : await overHttp(method, input);
  if (!outcome.ok && outcome.error.code === 'unauthorized' && !unpaired) {
    unpaired = true;
    needsKey = outcome.error.field === 'key';
    unpairedListeners.forEach((l) => l());
  }
  if (!outcome.ok) throw new ApiCallError(outcome.error);
  return outcome.result as ApiOutput<M>;
}

/** Reads a File from a picker, drop or paste as base64 for an upload method. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Whether the page runs inside the desktop app (the Electron preload bridge is there). */
export function isDesktop(): boolean {
  return window.stallkeeper !== undefined;
}

/**
 * Desktop-only calls that are not API methods (printing to the system's
 * printers, save dialogs): they exist only behind the Electron bridge.
 */
export async function callDesktop<T>(method: `print.${string}`, input: unknown): Promise<T> {
  if (!window.stallkeeper) throw new ApiCallError({ code: 'unavailable', message: 'Only in the desktop app' });
  const outcome = await window.stallkeeper.call(method, input, currentLocale);
  if (!outcome.ok) throw new ApiCallError(outcome.error);
  return outcome.result as T;
}
