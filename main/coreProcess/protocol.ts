import type { CallOutcome } from '../api/dispatch';
import type { Locale, Message } from '../errors/apiError';
import type { Progress } from '../api/method';

/**
 * The messages between the Electron main process and the core process (the
 * database and the API table, in an Electron utilityProcess; a Node child
 * process in tests, with the same messages). A call is a request id, a method,
 * its input and who is calling; the answer is the method's result or its
 * error `{ code, message, field }`, as over HTTP.
 */

/** Who is calling: the person at the shop PC (the only caller through the Electron door). */
export interface SessionDescriptor {
  seat: 'pc';
}

export type ToCore =
  | { kind: 'open'; dataDir: string; allowNewDatabase?: boolean }
  | { kind: 'restore'; id: number; dataDir: string; file: string }
  | { kind: 'call'; id: number; method: string; input: unknown; session: SessionDescriptor; locale: Locale; callId?: string }
  | { kind: 'cancel'; callId: string }
  | { kind: 'answer'; id: number; value: unknown }
  | { kind: 'close' };

export interface BackupRef {
  file: string;
  takenAt: string;
  name: string;
}

/** Why the data folder did not open. */
export type OpenProblem =
  | { type: 'busy'; message: string }
  | { type: 'data'; kind: 'damaged' | 'missing'; message: Message; newestGoodBackup: BackupRef | null }
  | { type: 'error'; message: string };

export interface OpenedInfo {
  dataDir: string;
  photosDir: string;
  logDir: string;
}

export type FromCore =
  | { kind: 'ready'; pid: number }
  | { kind: 'opened'; info: OpenedInfo }
  | { kind: 'open-failed'; problem: OpenProblem }
  | { kind: 'restored'; id: number; error?: string }
  | { kind: 'result'; id: number; outcome: CallOutcome }
  | { kind: 'progress'; id: number; method: string; callId?: string; progress: Progress }
  | { kind: 'ask'; id: number; question: 'chooseFolder' }
  | { kind: 'event'; event: 'afterRestore' }
  | { kind: 'closed' };

/** The core process's end of the channel: Electron's parentPort or a forked child's process.send. */
export interface CorePort {
  post(message: FromCore): void;
  onMessage(listener: (message: ToCore) => void): void;
}
