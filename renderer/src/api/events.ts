import type { AppEvent, EventBatch } from '../../../main/events/hub';
import { ApiCallError, callDoor } from './client';

export type { AppEvent };

type Listener = (event: AppEvent) => void;

const listeners = new Set<Listener>();
let running = false;

/**
 * Events from the door (progress of long calls, menu commands, the core
 * restarting), long-polled with app.events over the same channel as every
 * call. Starts with the first listener; a door without events stops it.
 */
export function onAppEvent(listener: Listener): () => void {
  listeners.add(listener);
  if (!running) {
    running = true;
    void poll();
  }
  return () => listeners.delete(listener);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function poll(): Promise<void> {
  let after = -1;
  for (;;) {
    try {
      const batch = await callDoor<EventBatch>('app.events', { after });
      for (const event of batch.events) {
        for (const listener of [...listeners]) {
          try {
            listener(event);
          } catch (error) {
            console.error('[events] a listener failed', error);
          }
        }
      }
      after = batch.last;
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'unknown_method') {
        running = false;
        return;
      }
      await sleep(2000);
    }
  }
}
