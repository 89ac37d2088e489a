import type { CallOutcome } from '../api/dispatch';
import type { Locale } from '../errors/apiError';
import type { Progress } from '../api/method';
import { logError, logInfo, logWarn } from '../logging/log';
import type { CoreLink, LinkCallOptions } from './link';
import type { FromCore, OpenedInfo, OpenProblem, ToCore } from './protocol';
import { say, translate } from '../errors/apiError';

/** The main process's handle on a started core process (utilityProcess in Electron, child_process.fork in tests). */
export interface CoreChild {
  post(message: ToCore): void;
  onMessage(listener: (message: FromCore) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
  readonly pid?: number | undefined;
}

export type SpawnCore = () => CoreChild;

export interface CoreClientHooks {
  /** Progress of a call, for the page (the door pushes it as an event). */
  onProgress?: (callId: string | undefined, method: string, progress: Progress) => void;
  /** The core process died and a new one has the data folder open again. */
  onRestarted?: (reason: string) => void;
  /** It died too often, or the data folder no longer opens: calls fail until the app is restarted. */
  onStopped?: (reason: string) => void;
  /** The core asks the door something (a folder picker for the USB-stick backup). */
  onAsk?: (question: 'chooseFolder') => Promise<unknown>;
  /** A restore swapped the database: the door reloads its windows. */
  onAfterRestore?: () => void;
}

export type OpenResult = { ok: true; info: OpenedInfo } | { ok: false; problem: OpenProblem };

interface Pending {
  resolve: (outcome: CallOutcome) => void;
  method: string;
  locale: Locale;
  onProgress?: ((progress: Progress) => void) | undefined;
  callId?: string | undefined;
}

const RESTARTS_PER_MINUTE = 5;

function lostCall(locale: Locale): CallOutcome {
  return {
    ok: false,
    error: {
      code: 'unavailable',
      message:
        say(locale, 'coreProcess.engineRestarted'),
    },
  };
}

/**
 * The relay in the main process: sends each call to the core process and
 * routes its answer (and progress) back by request id. When the core process
 * dies, the calls it had are answered "did not finish" (SQLite rolled back
 * whatever they had not committed), a new core process is started and the
 * data folder opened again; calls made meanwhile wait for it.
 */
export class CoreClient implements CoreLink {
  private child: CoreChild | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly waiting = new Map<number, (message: FromCore) => void>();
  private openArgs: { dataDir: string; allowNewDatabase?: boolean } | null = null;
  /** Resolves when a core process is up with the data folder open (calls wait on it). */
  private ready: Promise<void> = Promise.resolve();
  private closing = false;
  private stopped: string | null = null;
  private readonly restarts: number[] = [];

  constructor(
    private readonly spawn: SpawnCore,
    private readonly hooks: CoreClientHooks = {},
  ) {}

  /** Starts the core process and waits until it says it is ready. */
  async start(): Promise<void> {
    const child = this.spawn();
    this.child = child;
    const ready = this.expect((m) => m.kind === 'ready');
    child.onMessage((message) => this.onMessage(child, message));
    child.onExit((code) => this.onExit(child, code));
    await ready;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Opens the data folder in the core process. */
  async open(dataDir: string, options: { allowNewDatabase?: boolean } = {}): Promise<OpenResult> {
    const answer = this.expect((m) => m.kind === 'opened' || m.kind === 'open-failed');
    this.send({ kind: 'open', dataDir, ...options });
    const message = await answer;
    if (message.kind === 'opened') {
      this.openArgs = { dataDir, ...options };
      return { ok: true, info: message.info };
    }
    if (message.kind === 'open-failed') return { ok: false, problem: message.problem };
    throw new Error('unexpected answer to open');
  }

  /** Restores a backup into the data folder (before it is opened: the recovery dialog). */
  async restore(dataDir: string, file: string): Promise<void> {
    const id = this.nextId++;
    const answer = this.expect((m) => m.kind === 'restored' && m.id === id);
    this.send({ kind: 'restore', id, dataDir, file });
    const message = await answer;
    if (message.kind === 'restored' && message.error) throw new Error(message.error);
  }

  async call(method: string, input: unknown, locale: Locale, options: LinkCallOptions = {}): Promise<CallOutcome> {
    await this.ready;
    if (this.stopped) return { ok: false, error: { code: 'unavailable', message: this.stopped } };
    const id = this.nextId++;
    return new Promise<CallOutcome>((resolve) => {
      this.pending.set(id, { resolve, method, locale, onProgress: options.onProgress, callId: options.callId });
      this.send({ kind: 'call', id, method, input, session: { seat: 'pc' }, locale, ...(options.callId ? { callId: options.callId } : {}) });
    });
  }

  /** The methods of the calls under way (the updater waits for work to finish). */
  pendingMethods(): string[] {
    return [...this.pending.values()].map((p) => p.method);
  }

  cancel(callId: string): void {
    this.send({ kind: 'cancel', callId });
  }

  /** Closes the data folder (the backup on quit runs in the core) and lets the process end. */
  async close(timeoutMs = 40_000): Promise<void> {
    this.closing = true;
    const child = this.child;
    if (!child) return;
    const closed = this.expect((m) => m.kind === 'closed');
    this.send({ kind: 'close' });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    child.kill();
    this.child = null;
  }

  private send(message: ToCore): void {
    try {
      this.child?.post(message);
    } catch (error) {
      logError('core link: a message could not be sent', error);
    }
  }

  private expect(match: (message: FromCore) => boolean): Promise<FromCore> {
    return new Promise((resolve) => {
      const id = -this.nextId++;
      this.waiting.set(id, (message) => {
        if (!match(message)) return;
        this.waiting.delete(id);
        resolve(message);
      });
    });
  }

  private onMessage(child: CoreChild, message: FromCore): void {
    if (child !== this.child) return;
    for (const listener of [...this.waiting.values()]) listener(message);
    switch (message.kind) {
      case 'result': {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        pending?.resolve(message.outcome);
        return;
      }
      case 'progress': {
        const pending = this.pending.get(message.id);
        pending?.onProgress?.(message.progress);
        this.hooks.onProgress?.(message.callId, message.method, message.progress);
        return;
      }
      case 'ask': {
        const asked = this.hooks.onAsk ? this.hooks.onAsk(message.question) : Promise.resolve(null);
        void asked.then(
          (value) => this.send({ kind: 'answer', id: message.id, value }),
          () => this.send({ kind: 'answer', id: message.id, value: null }),
        );
        return;
      }
      case 'event':
        if (message.event === 'afterRestore') this.hooks.onAfterRestore?.();
        return;
      default:
        return;
    }
  }

  private onExit(child: CoreChild, code: number | null): void {
    if (child !== this.child) return;
    this.child = null;
    const inFlight = [...this.pending.values()];
    this.pending.clear();
    for (const call of inFlight) call.resolve(lostCall(call.locale));
    if (this.closing) return;
    const reason = `the core process ended unexpectedly (exit code ${code ?? 'none'})`;
    logError(`core link: ${reason}`, undefined, { calls: inFlight.map((c) => c.method) });
    const now = Date.now();
    this.restarts.push(now);
    while (this.restarts.length > 0 && (this.restarts[0] as number) < now - 60_000) this.restarts.shift();
    if (this.restarts.length > RESTARTS_PER_MINUTE || !this.openArgs) {
      this.stop(`${reason}; it stopped too often to be started again. Close the app and open it again.`);
      return;
    }
    this.ready = this.restart(reason);
  }

  private async restart(reason: string): Promise<void> {
    const args = this.openArgs;
    try {
      await this.start();
      const opened = args ? await this.open(args.dataDir, { ...(args.allowNewDatabase ? { allowNewDatabase: true } : {}) }) : null;
      if (opened && !opened.ok) {
        this.stop(`${reason}; the data folder could not be opened again: ${opened.problem.type === 'data' ? translate(opened.problem.message, 'en') : opened.problem.message}`);
        return;
      }
      logInfo('core link: a new core process has the data folder open', { pid: this.child?.pid });
      this.hooks.onRestarted?.(reason);
    } catch (error) {
      logError('core link: the core process could not be started again', error);
      this.stop(`${reason}; it could not be started again`);
    }
  }

  private stop(reason: string): void {
    this.stopped = reason;
    logWarn(`core link: ${reason}`);
    this.hooks.onStopped?.(reason);
  }
}
