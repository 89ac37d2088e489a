/**
 * The shapes a call's caller and the job worker share (who calls, how far long work is, what a
 * call gave back), apart from the API table: the job runner, which the core holds, names them
 * without importing the table (so no module imports itself round the areas, not even as types).
 */
import type { ApiError } from '../errors/apiError';

export type Role = 'owner' | 'staff';

/** How far a long call is: `total` null while it is not known yet. */
export interface Progress {
  done: number;
  total: number | null;
  phase?: string;
}

export type CallOutcome = { ok: true; result: unknown } | { ok: false; error: ApiError };
