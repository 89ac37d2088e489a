import type { Core } from '../core';
import { pcSession } from '../auth/service';
import { CallTracker } from './calls';
import type { CoreLink } from './link';

/** A link to a core opened in this very process (tests; the door logic is the same as with the core process). */
export function inProcessLink(core: Core): CoreLink {
  const calls = new CallTracker();
  return {
    call: (method, input, locale, options = {}) =>
      calls.run(core, method, input, {
        session: pcSession(core),
        locale,
        ...(options.callId ? { callId: options.callId } : {}),
        ...(options.onProgress ? { progress: options.onProgress } : {}),
      }),
    cancel: (callId) => void calls.cancel(callId),
  };
}
