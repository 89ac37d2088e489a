/**
 * One error shape for both doors (IPC and HTTP): { code, message, field? }.
 * Messages are written for the person at the stall, in the UI's language.
 */
import { m, translate, type Locale, type Message } from './messages';

export { m, pickLocale, translate, type Locale, type Message, type MessageParam } from './messages';

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

/**
 * @deprecated a message from two literal strings, for the files not yet moved to
 * catalog keys (main/errors/locales/*.json); new code uses m(key, params).
 */
export function msg(en: string, zh: string): Message {
  return { key: '', literal: { en, zh } };
}

/** @deprecated a message's text in English and Chinese, as plain data (main/imports/** still keeps its row problems this way). */
export interface TextPair {
  en: string;
  zh: string;
}

/** @deprecated the text of a TextPair in a UI language (Chinese for zh…, else English). */
export function textOf(pair: TextPair, locale: Locale): string {
  return /^zh\b/i.test(locale) ? pair.zh : pair.en;
}

/** A Message, or a TextPair from a file not moved to keys yet. */
export function asMessage(message: Message | TextPair): Message {
  return 'key' in message ? message : msg(message.en, message.zh);
}

/** The text of a message in English and Chinese (and every other catalog language asked for). */
export type Localized = { en: string; zh: string } & Record<string, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly content: Message;

  constructor(code: ErrorCode, message: Message | TextPair | string, field?: string) {
    const keyed = typeof message === 'string' ? msg(message, message) : asMessage(message);
    super(translate(keyed, 'en'));
    this.name = 'AppError';
    this.code = code;
    this.field = field;
    this.content = keyed;
  }

  /** The message's text in English and Chinese (files that read `.localized.en` keep working). */
  get localized(): Localized {
    const message = this.content;
    return { en: translate(message, 'en'), zh: translate(message, 'zh') } as Localized;
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
export function invalid(field: string, reason: Message | TextPair): AppError {
  return new AppError('invalid_input', m('errors.invalidField', { field, reason: asMessage(reason) }), field);
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
