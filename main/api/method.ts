import type { z } from 'zod';
import type { Core } from '../core';
import type { Locale, Message } from '../errors/apiError';
import type { Seat } from '../auth/seat';

/** Who is calling: the owner (cost prices, margins, settings, backups) or staff. */
import type { Progress, Role } from './outcome';

export type { Progress, Role } from './outcome';

export interface Session {
  role: Role;
  /** The paired device, for calls that came over the local network. */
  deviceId?: number;
  /** Where the caller sits (the shop PC or a paired device): auth.unlock and auth.lock act on it. */
  seat?: Seat;
  /**
   * Set by the HTTP door (browser mode and the local network): file paths a
   * call names (backup.restore, backup.export) must be in the data folder, its
   * backups/ folder or a removable drive. Electron picks them in its own
   * dialogs; the CLI and tests run as the person at the PC.
   */
  limitedPaths?: boolean;
}

/** How far a long call has come: done of total (null: not known), and what it is doing. */
export interface MethodContext {
  core: Core;
  session: Session;
  locale: Locale;
  /** Long work reports how far it has come (imports, backups, restores, PDFs); absent when nobody listens. */
  progress?: (progress: Progress) => void;
  /** True once the caller cancelled: work that can stop cleanly throws cancelledError() (main/api/errors.ts). */
  cancelled?: () => boolean;
}

interface BaseSpec<S extends z.ZodType> {
  /** One line for GET /api and docs/api.md. */
  summary: string;
  input: S;
  /** The least role allowed to call it. */
  access: Role;
  /** For owner methods: what staff are told when refused (default: "This needs the owner PIN: unlock first"). */
  ownerOnly?: Message;
  /** Does not count as activity for the owner's idle timeout (status polling). */
  passive?: boolean;
  /**
   * Only reads: runs in a deferred (read) transaction with writes refused
   * (PRAGMA query_only), so it never takes the write lock and never waits
   * for a long import.
   */
  readOnly?: boolean;
  /** A read-only search: stale search-index rows are rewritten first, in their own write (main/api/catchUp.ts). */
  searches?: boolean;
  /**
   * Long work that writes (imports): where the door has a job runner
   * (core.jobs), it runs on a worker thread with its own connection, so
   * other calls are answered meanwhile; it reports progress and can be cancelled.
   */
  job?: boolean;
}

/**
 * A method whose handler runs synchronously inside one SQLite transaction:
 * it either commits all its writes or, on any error, none of them.
 * `prepare` may do async work first (decoding images, reading files) but must
 * not write to the database.
 */
export interface TransactionalSpec<S extends z.ZodType, P, R> extends BaseSpec<S> {
  kind?: 'transaction';
  prepare?: (input: z.output<S>, ctx: MethodContext) => Promise<P>;
  handler: (input: z.output<S>, ctx: MethodContext, prepared: P) => R;
  /**
   * Async follow-up once the transaction has committed (e.g. storing an issued
   * PI's PDF). The call has already succeeded: a failure here is logged, never
   * reported as the call's error, so it must be safe to redo later.
   */
  afterCommit?: (result: R, ctx: MethodContext) => Promise<void>;
}

/** A method that awaits in the middle (PDFs, backups); it keeps its own writes atomic. */
export interface AsyncSpec<S extends z.ZodType, R> extends BaseSpec<S> {
  kind: 'async';
  handler: (input: z.output<S>, ctx: MethodContext) => Promise<R>;
}

export type MethodSpec<S extends z.ZodType = z.ZodType, R = unknown> =
  | TransactionalSpec<S, unknown, R>
  | AsyncSpec<S, R>;

export function method<S extends z.ZodType, R, P = undefined>(
  spec: TransactionalSpec<S, P, R>,
): TransactionalSpec<S, P, R>;
export function method<S extends z.ZodType, R>(spec: AsyncSpec<S, R>): AsyncSpec<S, R>;
export function method(spec: unknown): unknown {
  return spec;
}

type TransactionalExtras<S extends z.ZodType, P, R> = Omit<TransactionalSpec<S, P, R>, 'summary' | 'access' | 'input' | 'handler'>;
type AsyncExtras<S extends z.ZodType, R> = Omit<AsyncSpec<S, R>, 'summary' | 'access' | 'input' | 'handler'>;

interface Declare {
  <S extends z.ZodType, R, P = undefined>(summary: string, input: S, handler: TransactionalSpec<S, P, R>['handler'], extras?: TransactionalExtras<S, P, R>): TransactionalSpec<S, P, R>;
  <S extends z.ZodType, R>(summary: string, input: S, handler: AsyncSpec<S, R>['handler'], extras: AsyncExtras<S, R>): AsyncSpec<S, R>;
}

function declareFor(access: Role): Declare {
  return ((summary: string, input: z.ZodType, handler: unknown, extras: object = {}) => ({ summary, access, input, handler, ...extras })) as Declare;
}

/**
 * A method in one call: `owner(summary, input, handler, extras?)` for the owner's methods,
 * `staff(…)` for those staff may call too; extras are the rest of the spec (kind, readOnly,
 * prepare, afterCommit, job, ownerOnly…).
 */
export const owner = declareFor('owner');
export const staff = declareFor('staff');
