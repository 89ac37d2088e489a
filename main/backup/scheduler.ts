import type { Core } from '../core';
import { automaticBackup } from './service';
import { listSnapshots } from './snapshots';

export interface SchedulerOptions {
  /** A backup is due when the newest one is older than this (default 4 hours). */
  everyMs?: number;
  /** How often to look whether one is due (default 10 minutes). */
  checkMs?: number;
  /** The backup on quit waits at most this long (default 30 s). */
  quitTimeoutMs?: number;
  log?: (line: string) => void;
}

/**
 * The automatic backups the doors run: one on start, one whenever the newest
 * is older than a few hours while the app is open, and one on quit. Each is
 * an online-backup snapshot in backups/snapshots (see service.ts).
 */
export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;
  private readonly everyMs: number;
  private readonly checkMs: number;
  private readonly quitTimeoutMs: number;
  private readonly log: (line: string) => void;

  constructor(
    private readonly core: Core,
    options: SchedulerOptions = {},
  ) {
    this.everyMs = options.everyMs ?? 4 * 3600_000;
    this.checkMs = options.checkMs ?? 10 * 60_000;
    this.quitTimeoutMs = options.quitTimeoutMs ?? 30_000;
    this.log = options.log ?? (() => undefined);
  }

  /** Backs up now (the start-up backup) and then whenever one is due. */
  start(): Promise<void> {
    this.timer = setInterval(() => void this.runIfDue(), this.checkMs);
    this.timer.unref();
    return this.run('start');
  }

  private newestAgeMs(): number {
    const newest = listSnapshots(this.core.paths).find((s) => s.kind !== 'pre-restore');
    return newest ? this.core.now().getTime() - Date.parse(newest.takenAt) : Infinity;
  }

  async runIfDue(): Promise<void> {
    if (this.newestAgeMs() >= this.everyMs) await this.run('scheduled');
  }

  private async run(why: string): Promise<void> {
    const result = await automaticBackup(this.core);
    if (result) this.log(`backup (${why}): ${result.snapshot.name}, ${result.photosCopied} new photo file(s)`);
    else this.log(`backup (${why}) failed: ${this.core.backups.lastAutomatic?.error ?? 'unknown error'}`);
  }

  /** Stops the timer and takes the backup on quit (bounded in time; a cut-short backup leaves no file behind). */
  async stop(options: { finalBackup?: boolean } = {}): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (options.finalBackup === false) {
      await this.core.backups.idle();
      return;
    }
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      this.run('quit'),
      new Promise<void>((resolve) => {
        timeout = setTimeout(() => {
          this.log('backup on quit took too long; it will run on the next start');
          resolve();
        }, this.quitTimeoutMs);
      }),
    ]);
    clearTimeout(timeout);
  }
}
