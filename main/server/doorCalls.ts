import fs from 'node:fs';
import type { Core } from '../core';
import type { CallOutcome } from '../api/dispatch';
import type { Locale } from '../api/errors';
import type { Session } from '../api/method';
import { CallTracker } from '../coreProcess/calls';
import type { EventHub } from '../events/hub';
import { currentLogDir } from '../logging/log';
import { appPath } from '../paths/appRoot';

/**
 * Browser mode's side of the door calls the page makes besides the API table
 * (the same names as over Electron IPC): app.events (long poll of progress
 * events), app.cancel (a running call, by the id the page gave it in
 * X-Stallkeeper-Call) and app.info. Every API call goes through the tracker,
 * so a long one reports progress and can be cancelled.
 */
export interface BrowserDoor {
  events: EventHub;
  calls: CallTracker;
}

export function createBrowserDoor(events: EventHub): BrowserDoor {
  return { events, calls: new CallTracker() };
}

function version(): string {
  try {
    return (JSON.parse(fs.readFileSync(appPath('package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '';
  }
}

export async function browserCall(
  door: BrowserDoor,
  core: Core,
  method: string,
  input: unknown,
  options: { session: Session; locale: Locale; callId?: string | undefined },
): Promise<CallOutcome> {
  const args = (input ?? {}) as Record<string, unknown>;
  switch (method) {
    case 'app.events': {
      const after = typeof args.after === 'number' && Number.isFinite(args.after) ? args.after : -1;
      return { ok: true, result: await door.events.wait(after) };
    }
    case 'app.cancel':
      return { ok: true, result: { cancelled: typeof args.callId === 'string' && door.calls.cancel(args.callId) } };
    case 'app.info':
      return { ok: true, result: { version: version(), node: process.versions.node, ...(options.session.role === 'owner' ? { dataDir: core.paths.root, logDir: currentLogDir() ?? '' } : {}) } };
    default: {
      const callId = options.callId && /^[\w.-]{1,80}$/.test(options.callId) ? options.callId : undefined;
      return door.calls.run(core, method, input, {
        session: options.session,
        locale: options.locale,
        ...(callId ? { callId } : {}),
        progress: (progress) => {
          if (callId) door.events.push({ type: 'progress', callId, method, done: progress.done, total: progress.total, ...(progress.phase ? { phase: progress.phase } : {}) });
        },
      });
    }
  }
}
