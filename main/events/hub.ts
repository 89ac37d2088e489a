/**
 * Events a door pushes to the page: progress of long calls, menu commands,
 * the core process restarting, updates. The page long-polls them over the
 * same channel as its calls (`app.events`, IPC or HTTP), so the preload
 * still exposes one function and browser mode needs no second connection.
 */
export type AppEvent =
  | { type: 'progress'; callId: string; method: string; done: number; total: number | null; phase?: string }
  | { type: 'command'; command: string }
  | { type: 'core'; state: 'restarted' | 'stopped'; reason?: string }
  | { type: 'update'; state: 'available' | 'downloaded' | 'none' | 'error'; version?: string; message?: string };

export type SequencedEvent = AppEvent & { seq: number };

export interface EventBatch {
  events: SequencedEvent[];
  /** Pass as `after` next time. */
  last: number;
}

const KEEP = 500;

export class EventHub {
  private seq = 0;
  private readonly recent: SequencedEvent[] = [];
  private readonly waiters = new Set<() => void>();

  push(event: AppEvent): void {
    this.seq += 1;
    this.recent.push({ ...event, seq: this.seq });
    if (this.recent.length > KEEP) this.recent.splice(0, this.recent.length - KEEP);
    for (const wake of [...this.waiters]) wake();
  }

  /** How many polls are waiting for the next event (a page that is listening has one). */
  get waiting(): number {
    return this.waiters.size;
  }

  get last(): number {
    return this.seq;
  }

  since(after: number): SequencedEvent[] {
    return this.recent.filter((e) => e.seq > after);
  }

  /**
   * The events after `after`, waiting up to timeoutMs for the first one; a
   * negative `after` means "from now" (returns at once with the current sequence).
   */
  wait(after: number, timeoutMs = 25_000): Promise<EventBatch> {
    if (after < 0 || after > this.seq) return Promise.resolve({ events: [], last: this.seq });
    const ready = this.since(after);
    if (ready.length > 0) return Promise.resolve({ events: ready, last: this.seq });
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve({ events: this.since(after), last: this.seq });
      };
      const timer = setTimeout(done, timeoutMs);
      timer.unref?.();
      this.waiters.add(done);
    });
  }

  /** Wakes every waiting poll (on shutdown). */
  close(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
