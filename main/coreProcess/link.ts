import type { CallOutcome } from '../api/dispatch';
import type { Locale } from '../api/errors';
import type { Progress } from '../api/method';

export interface LinkCallOptions {
  /** The page's id for this call: its progress events carry it, and app.cancel names it. */
  callId?: string;
  onProgress?: (progress: Progress) => void;
}

/**
 * How the Electron main process reaches the core (the API table and the
 * database): a call as the person at the shop PC, and cancelling one. The
 * real one talks to the core process (client.ts); tests may use one in process.
 */
export interface CoreLink {
  call(method: string, input: unknown, locale: Locale, options?: LinkCallOptions): Promise<CallOutcome>;
  cancel(callId: string): void;
}
