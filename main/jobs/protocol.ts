import type { Locale } from '../errors/apiError';
import type { CallOutcome, Progress, Role } from '../api/outcome';

/** What the job runner sends its worker: one call of the API table. */
export interface JobRequest {
  dataDir: string;
  method: string;
  input: unknown;
  role: Role;
  locale: Locale;
  /** The door's clock minus the real one (tests move the clock). */
  clockOffsetMs: number;
  /** Set to 1 by the runner when the caller cancels. */
  cancelFlag: Int32Array;
}

export type JobReply = { kind: 'progress'; progress: Progress } | { kind: 'done'; outcome: CallOutcome };
