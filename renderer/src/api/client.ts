import type { ApiInput, ApiOutput, MethodName } from '../../../main/api/table';
import type { ApiError } from '../../../main/errors/apiError';

export type { ApiInput, ApiOutput, MethodName };

type Outcome = { ok: true; result: unknown } | { ok: false; error: ApiError };

/** What the Electron preload exposes; absent in browser mode. */
interface Bridge {
  call(method: string, input: unknown, locale: string, callId?: string): Promise<Outcome>;
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

async function overHttp(method: string, input: unknown, callId?: string): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Stallkeeper-Locale': currentLocale, ...(callId ? { 'X-Stallkeeper-Call': callId } : {}) },
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

/** Options of a long call: its id, whose progress events arrive through app.events (see ../app/progress.tsx). */
export interface CallOptions {
  callId?: string;
}

let callCounter = 0;
/** A fresh id for a call whose progress the page follows. */
export function newCallId(): string {
  callCounter += 1;
  return `${Date.now().toString(36)}-${callCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The same call's key whatever the order of the input's fields. */
function callKey(method: string, input: unknown): string {
  const sorted = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]))
      : value;
  return `${method} ${JSON.stringify(sorted(input ?? {}))}`;
}

const primed = new Map<string, { at: number; outcome: Promise<Outcome> }>();
const PRIMED_FOR_MS = 5000;

/**
 * Starts a read before the page that needs it exists (boot.ts); the page's
 * first identical call, within a few seconds, takes its answer.
 */
export function prime(method: string, input: unknown): void {
  const outcome = window.stallkeeper ? window.stallkeeper.call(method, input, currentLocale) : overHttp(method, input);
  outcome.catch(() => undefined);
  primed.set(callKey(method, input), { at: Date.now(), outcome });
}

/**
 * The answer of a read boot.ts primed, without taking it (the page still gets it): what the first
 * view (src/firstView/) draws before React is here. Null when it was not primed or failed.
 */
export function peekPrimed<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M> | null> | null {
  const found = primed.get(callKey(method, input));
  if (!found) return null;
  return found.outcome.then((o) => (o.ok ? (o.result as ApiOutput<M>) : null), () => null);
}

function takePrimed(method: string, input: unknown): Promise<Outcome> | null {
  if (primed.size === 0) return null;
  const key = callKey(method, input);
  const found = primed.get(key);
  if (!found) return null;
  primed.delete(key);
  return Date.now() - found.at <= PRIMED_FOR_MS ? found.outcome : null;
}

/**
 * Long work: each such call gets an id, and the shell shows its progress
 * (and a Cancel button where it stops cleanly) without the page doing anything.
 */
export const LONG_METHODS: Partial<Record<MethodName, { cancellable: boolean }>> = {
  'products.import': { cancellable: true },
  'buyers.import': { cancellable: true },
  'products.export': { cancellable: false },
  'backup.run': { cancellable: false },
  'backup.export': { cancellable: false },
  'backup.restore': { cancellable: false },
  'documents.render': { cancellable: false },
  'products.sampleTags': { cancellable: false },
  'diagnostics.bundle': { cancellable: false },
};

export interface RunningCall {
  callId: string;
  method: string;
  cancellable: boolean;
  startedAt: number;
}

const running = new Map<string, RunningCall>();
const runningListeners = new Set<() => void>();
let runningSnapshot: RunningCall[] = [];
function runningChanged(): void {
  runningSnapshot = [...running.values()];
  runningListeners.forEach((l) => l());
}
/** The long calls under way (for useSyncExternalStore). */
export function runningCalls(): RunningCall[] {
  return runningSnapshot;
}
export function onRunningCallsChange(listener: () => void): () => void {
  runningListeners.add(listener);
  return () => runningListeners.delete(listener);
}

/**
 * Calls one method of the API table, through the Electron bridge when it
 * exists and over HTTP otherwise. Resolves with the result or throws ApiCallError.
 */
export async function call<M extends MethodName>(method: M, input: ApiInput<M>, options: CallOptions = {}): Promise<ApiOutput<M>> {
  const long = LONG_METHODS[method];
  const callId = options.callId ?? (long ? newCallId() : undefined);
  if (long && callId) {
    running.set(callId, { callId, method, cancellable: long.cancellable, startedAt: Date.now() });
    runningChanged();
  }
  let outcome: Outcome;
  const early = long ? null : takePrimed(method, input);
  try {
    outcome = early ? await early : window.stallkeeper
      ? await window.stallkeeper.call(method, input, currentLocale, callId)
      : await overHttp(method, input, callId);
  } finally {
    if (callId && running.delete(callId)) runningChanged();
  }
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
export async function callDesktop<T>(method: `print.${string}` | `files.${string}` | `updates.${string}`, input: unknown): Promise<T> {
  if (!window.stallkeeper) throw new ApiCallError({ code: 'unavailable', message: 'Only in the desktop app' });
  const outcome = await window.stallkeeper.call(method, input, currentLocale);
  if (!outcome.ok) throw new ApiCallError(outcome.error);
  return outcome.result as T;
}

/** The door's own calls (both doors): events (progress, menu commands, core restarts), cancelling a call, the app's versions. */
export type DoorMethod = 'app.events' | 'app.cancel' | 'app.setLanguage' | 'app.info';

export async function callDoor<T>(method: DoorMethod, input: unknown): Promise<T> {
  const outcome = window.stallkeeper ? await window.stallkeeper.call(method, input, currentLocale) : await overHttp(method, input);
  if (!outcome.ok) throw new ApiCallError(outcome.error);
  return outcome.result as T;
}
