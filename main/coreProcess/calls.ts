import type { Core } from '../core';
import { callMethod, type CallOutcome } from '../api/dispatch';
import type { Locale } from '../api/errors';
import type { Progress, Session } from '../api/method';

/**
 * The calls a door has running, by the page's call id: each can be cancelled
 * (work that stops cleanly checks ctx.cancelled) and reports its progress.
 * Used by the core process, browser mode's server and the in-process link.
 */
export class CallTracker {
  private readonly running = new Map<string, { cancelled: boolean }>();

  async run(
    core: Core,
    method: string,
    input: unknown,
    options: { session: Session; locale: Locale; callId?: string; progress?: (progress: Progress) => void },
  ): Promise<CallOutcome> {
    const state = { cancelled: false };
    if (options.callId) this.running.set(options.callId, state);
    try {
      return await callMethod(core, method, input, {
        session: options.session,
        locale: options.locale,
        cancelled: () => state.cancelled,
        ...(options.progress ? { progress: options.progress } : {}),
      });
    } finally {
      if (options.callId && this.running.get(options.callId) === state) this.running.delete(options.callId);
    }
  }

  /** Asks a running call to stop; false when no call has that id (it already ended). */
  cancel(callId: string): boolean {
    const state = this.running.get(callId);
    if (!state) return false;
    state.cancelled = true;
    return true;
  }

  get size(): number {
    return this.running.size;
  }
}
