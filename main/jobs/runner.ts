import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cancelledError, say, type Locale } from '../errors/apiError';
import type { CallOutcome, Progress, Role } from '../api/outcome';
import { logError } from '../logging/log';
import type { JobReply, JobRequest } from './protocol';

/**
 * Runs the API's long writing methods (imports; `job: true` in their spec) on
 * a worker thread with its own database connection, one job at a time. The
 * thread that answers every other call stays free: reads go on in WAL mode
 * (they never take the write lock), and writes are refused at once with
 * "an import is running" while a job holds the lock (dispatch.ts).
 * Progress comes back as messages; cancelling sets a shared flag the job
 * checks between rows, and its transaction rolls back.
 */
/** How long a cancelled job may take to stop by itself before its thread is stopped. */
const CANCEL_GRACE_MS = 3000;

export class JobRunner {
  private active = 0;
  private readonly workers = new Set<Worker>();

  constructor(
    private readonly dataDir: string,
    private readonly options: { now?: () => Date; workerEntry?: string } = {},
  ) {}

  /** Whether a job (which holds the write lock) is running. */
  get writing(): boolean {
    return this.active > 0;
  }

  async run(
    method: string,
    input: unknown,
    options: { role: Role; locale: Locale; progress?: ((p: Progress) => void) | undefined; cancelled?: (() => boolean) | undefined },
  ): Promise<CallOutcome> {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const request: JobRequest = {
      dataDir: this.dataDir,
      method,
      input,
      role: options.role,
      locale: options.locale,
      clockOffsetMs: this.options.now ? this.options.now().getTime() - Date.now() : 0,
      cancelFlag: flag,
    };
    this.active += 1;
    const worker = startWorker(this.options.workerEntry ?? workerEntry());
    this.workers.add(worker);
    let cancelledAt = 0;
    let stop: (() => void) | null = null;
    const watch = setInterval(() => {
      if (!options.cancelled?.()) return;
      Atomics.store(flag, 0, 1);
      cancelledAt ||= Date.now();
      // Work that does not check the flag (a buyers import) is stopped: its transaction never commits.
      if (Date.now() - cancelledAt > CANCEL_GRACE_MS) stop?.();
    }, 25);
    try {
      return await new Promise<CallOutcome>((resolve) => {
        let settled = false;
        const finish = (outcome: CallOutcome) => {
          if (settled) return;
          settled = true;
          resolve(outcome);
        };
        stop = () => {
          finish({ ok: false, error: cancelledError().toApiError(options.locale) });
          void worker.terminate();
        };
        worker.on('message', (reply: JobReply) => {
          if (reply.kind === 'progress') options.progress?.(reply.progress);
          else finish(reply.outcome);
        });
        worker.on('error', (error) => {
          logError(`job ${method}: the worker failed`, error, { method });
          finish({ ok: false, error: { code: 'internal', message: say(options.locale, 'jobs.importStopped') } });
        });
        worker.on('exit', (code) => {
          if (!settled) finish({ ok: false, error: { code: 'internal', message: say(options.locale, 'jobs.importStoppedWithCode', { code }) } });
        });
        worker.postMessage(request);
      });
    } finally {
      clearInterval(watch);
      this.active -= 1;
      this.workers.delete(worker);
      void worker.terminate();
    }
  }

  /** Stops every running job (their transactions roll back). */
  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.terminate()));
    this.workers.clear();
  }
}

/**
 * The worker's code: the bundle's jobWorker.mjs next to this bundle, or
 * worker.ts from the source (tsx, vitest), loaded through tsx.
 */
export function workerEntry(): string {
  const here = import.meta.url;
  if (/\.ts$/.test(here)) return fileURLToPath(new URL('./worker.ts', here));
  return fileURLToPath(new URL('./jobWorker.mjs', here));
}

function startWorker(entry: string): Worker {
  if (entry.endsWith('.ts')) {
    const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); })`;
    return new Worker(bootstrap, { eval: true });
  }
  return new Worker(entry);
}
