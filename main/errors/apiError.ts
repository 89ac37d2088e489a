/**
 * One error shape for both doors (IPC and HTTP): { code, message, field? }.
 * Messages are written for the person at the stall, in the UI's language.
 */
import { isMessage, m, renameField, translate, type Locale, type Message } from './messages';

export { isMessage, m, pickLocale, say, translate, type Locale, type Message, type MessageParam } from './messages';

export const ERROR_STATUS = {
  invalid_input: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  cancelled: 409,
  internal: 500,
  /** ENOSPC or SQLITE_FULL: the disk (or the USB stick) is full; the call changed nothing. */
  disk_full: 507,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ApiError {
  code: ErrorCode;
  message: string;
  field?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly content: Message;

  constructor(code: ErrorCode, message: Message, field?: string) {
    super(translate(message, 'en'));
    this.name = 'AppError';
    this.code = code;
    this.field = field;
    this.content = message;
  }

  /** What is wrong, without the field's name: the reason given to invalid(), else the whole message. */
  get reason(): Message {
    const { key, params } = this.content;
    return key === 'errors.invalidField' && isMessage(params?.reason) ? params.reason : this.content;
  }

  /** The same error under another field name (a nested method names fields as its caller did). */
  renamed(field: string): AppError {
    return new AppError(this.code, this.field === undefined ? this.content : renameField(this.content, this.field, field), field);
  }

  /** The message's text in one UI language. */
  textIn(locale: Locale): string {
    return translate(this.content, locale);
  }

  toApiError(locale: Locale): ApiError {
    const error: ApiError = { code: this.code, message: translate(this.content, locale) };
    if (this.field !== undefined) error.field = this.field;
    return error;
  }
}

/** Invalid input for one field: the message names the field. */
export function invalid(field: string, reason: Message): AppError {
  return new AppError('invalid_input', m('errors.invalidField', { field, reason }), field);
}

export function notFound(what: Message, field?: string): AppError {
  return new AppError('not_found', what, field);
}

/** What a person reads when the disk is full (ENOSPC, SQLITE_FULL). */
export const DISK_FULL = m('errors.diskFull');

/** Whether an error (or an error it was caused by) says the disk is full: ENOSPC from the file system, SQLITE_FULL from SQLite. */
export function isDiskFull(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') return true;
  return isDiskFull((error as Error & { cause?: unknown }).cause, depth + 1);
}

export function statusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}

/** The caller cancelled long work that stops cleanly (an import rolls back: nothing is changed). */
export function cancelledError(): AppError {
  return new AppError('cancelled', m('errors.cancelled'));
}

export function isCancelled(error: unknown): boolean {
  return error instanceof AppError && error.code === 'cancelled';
}
