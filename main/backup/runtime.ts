import type { Message } from '../errors/apiError';

/** The outcome of the last automatic backup, for the Backup card in Settings and the dashboard. */
export interface LastRun {
  at: string;
  ok: boolean;
  /** Why it failed, in English (the log). */
  error: string | null;
  /** Why it failed, translated for each caller (the Backup card, the dashboard's alert). */
  message?: Message | null;
}

/**
 * One data folder's backup work, in memory: backups, exports and restores
 * run one at a time (a restore must never swap the database while a backup
 * is reading it).
 */
export class BackupRuntime {
  private chain: Promise<unknown> = Promise.resolve();
  busy: 'backup' | 'export' | 'restore' | null = null;
  lastAutomatic: LastRun | null = null;

  exclusive<T>(what: 'backup' | 'export' | 'restore', work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(async () => {
      this.busy = what;
      try {
        return await work();
      } finally {
        this.busy = null;
      }
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Resolves when everything queued so far has finished. */
  idle(): Promise<void> {
    return this.chain.then(() => undefined);
  }
}
