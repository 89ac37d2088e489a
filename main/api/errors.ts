/**
 * One error shape for both doors (IPC and HTTP): { code, message, field? }.
 * Messages are written for the person at the stall, in the UI's language.
 */
export type Locale = 'en' | 'zh';

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

/** A message in every UI language. */
export interface Message {
  en: string;
  zh: string;
}

export function msg(en: string, zh: string): Message {
  return { en, zh };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly localized: Message;

  constructor(code: ErrorCode, message: Message | string, field?: string) {
    const localized = typeof message === 'string' ? { en: message, zh: message } : message;
    super(localized.en);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
    this.localized = localized;
  }

  toApiError(locale: Locale): ApiError {
    const error: ApiError = { code: this.code, message: this.localized[locale] };
    if (this.field !== undefined) error.field = this.field;
    return error;
  }
}

/** Invalid input for one field: the message names the field. */
export function invalid(field: string, reason: Message): AppError {
  return new AppError('invalid_input', msg(`${field}: ${reason.en}`, `${field}：${reason.zh}`), field);
}

export function notFound(what: Message, field?: string): AppError {
  return new AppError('not_found', what, field);
}

/** What a person reads when the disk is full (ENOSPC, SQLITE_FULL). */
export const DISK_FULL = msg('Disk full — nothing was changed. Free some space on the disk and try again.', '磁盘已满——没有做任何更改。请清理磁盘空间后重试。');

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

export function pickLocale(value: string | null | undefined): Locale {
  return value && /^zh\b/i.test(value.trim()) ? 'zh' : 'en';
}

/** The caller cancelled long work that stops cleanly (an import rolls back: nothing is changed). */
export function cancelledError(): AppError {
  return new AppError('cancelled', msg('Cancelled: nothing was changed', '已取消：没有任何更改'));
}

export function isCancelled(error: unknown): boolean {
  return error instanceof AppError && error.code === 'cancelled';
}
