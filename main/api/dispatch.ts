import { z } from 'zod';
import type { Core } from '../core';
import { AppError, DISK_FULL, isDiskFull, m, say, translate, type ApiError, type Locale } from '../errors/apiError';
import type { MethodContext, MethodSpec, Progress, Session } from './method';
import type { CallOutcome } from './outcome';
import { readTransaction, writeTransaction } from '../../db/transactions';
import { catchUpSearchIndexes } from './catchUp';
import { logError } from '../logging/log';
import { apiTable, type MethodName } from './table';
import { zodToApiError } from '../errors/validation';
import { stripOwnerFields } from '../auth/redact';

export type { CallOutcome } from './outcome';

export interface CallOptions {
  session: Session;
  locale?: Locale;
  /** Progress of long work, for the door to pass on to the page. */
  progress?: (progress: Progress) => void;
  /** Whether the caller has cancelled (checked by work that can stop cleanly). */
  cancelled?: () => boolean;
}

const zodLocales = { en: z.locales.en().localeError, zh: z.locales.zhCN().localeError };

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(apiTable, name);
}

export function methodSpec(name: MethodName): MethodSpec {
  return apiTable[name] as unknown as MethodSpec;
}

function unknownMethod(name: string, locale: Locale): ApiError {
  const shown = name.length > 80 ? `${name.slice(0, 80)}…` : name;
  return {
    code: 'unknown_method',
    message: say(locale, 'api.noMethodNamed', { shown }),
  };
}

/** SQLite constraint failures that reach the door are turned into plain conflicts. */
function sqliteToApiError(error: Error & { code?: string }, locale: Locale): ApiError | null {
  if (typeof error.code !== 'string' || !error.code.startsWith('SQLITE_')) return null;
  if (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const column = /UNIQUE constraint failed: \w+\.(\w+)/.exec(error.message)?.[1];
    const out: ApiError = {
      code: 'conflict',
      message: column ? say(locale, 'api.sameValueExists', { column }) : say(locale, 'api.sameRecordExists'),
    };
    if (column) out.field = column;
    return out;
  }
  if (error.code.startsWith('SQLITE_CONSTRAINT')) {
    return {
      code: 'conflict',
      message: say(locale, 'api.notSavedDataWould', { message: error.message }),
    };
  }
  if (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_LOCKED') {
    return {
      code: 'unavailable',
      message: say(locale, 'api.databaseBusyPleaseTry'),
    };
  }
  return null;
}

export function toApiError(error: unknown, locale: Locale): ApiError {
  if (isDiskFull(error)) return { code: 'disk_full', message: translate(DISK_FULL, locale) };
  if (error instanceof AppError) return error.toApiError(locale);
  if (error instanceof z.ZodError) return zodToApiError(error, locale);
  if (error instanceof Error) {
    const mapped = sqliteToApiError(error as Error & { code?: string }, locale);
    if (mapped) return mapped;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: say(locale, 'api.internalErrorNothingChanged', { detail }),
  };
}

/**
 * The one entry point of both doors: checks the method exists and the caller
 * may use it, validates the input with the method's schema, and runs the
 * handler (inside a transaction unless it is an async method).
 */
export async function callMethod(core: Core, name: string, rawInput: unknown, options: CallOptions): Promise<CallOutcome> {
  const locale = options.locale ?? 'en';
  if (!isMethodName(name)) return { ok: false, error: unknownMethod(name, locale) };
  const spec = methodSpec(name);
  if (spec.access === 'owner' && options.session.role !== 'owner') {
    return {
      ok: false,
      error: {
        code: 'forbidden',
        message: translate(spec.ownerOnly ? m('api.ownerOnlyBecause', { reason: spec.ownerOnly }) : m('api.needsOwnerPin'), locale),
      },
    };
  }
  const parsed = spec.input.safeParse(rawInput === undefined || rawInput === null ? {} : rawInput, {
    error: /^zh\b/i.test(locale) ? zodLocales.zh : zodLocales.en,
  });
  if (!parsed.success) return { ok: false, error: zodToApiError(parsed.error, locale) };
  const ctx: MethodContext = {
    core,
    session: options.session,
    locale,
    ...(options.progress ? { progress: options.progress } : {}),
    ...(options.cancelled ? { cancelled: options.cancelled } : {}),
  };
  // Using the app keeps the owner's unlock alive; status polling does not.
  if (!spec.passive) options.session.seat?.touch(core.now().getTime());
  // Staff never receive owner-only fields (cost, margin, profit), whatever a handler returns.
  const shown = (result: unknown): unknown => (options.session.role === 'owner' ? result : stripOwnerFields(result));
  try {
    if (spec.job && core.jobs) {
      const outcome = await core.jobs.run(name, parsed.data, { role: options.session.role, locale, progress: options.progress, cancelled: options.cancelled });
      return outcome.ok ? { ok: true, result: shown(outcome.result) } : outcome;
    }
    if (spec.kind !== 'async' && !spec.readOnly && core.jobs?.writing) return { ok: false, error: busyWithJob(locale) };
    if (spec.readOnly && spec.searches && catchUpSearchIndexes(core) === 'busy') return { ok: false, error: busyWithJob(locale) };
    if (spec.kind === 'async') {
      return { ok: true, result: shown(await spec.handler(parsed.data, ctx)) };
    }
    const prepared = spec.prepare ? await spec.prepare(parsed.data, ctx) : undefined;
    const work = () => spec.handler(parsed.data, ctx, prepared);
    const result: unknown = spec.readOnly ? readTransaction(core.db, work) : writeTransaction(core.db, work);
    if (result instanceof Promise) throw new Error(`${name}: a transactional handler must not be async`);
    if (spec.afterCommit) {
      await spec.afterCommit(result, ctx).catch((error: unknown) => logError(`api ${name}: follow-up after commit failed`, error, { method: name }));
    }
    return { ok: true, result: shown(result) };
  } catch (error) {
    const apiError = toApiError(error, locale);
    if (apiError.code === 'internal') logError(`api ${name} failed`, error, { method: name, ids: idsOf(rawInput) });
    return { ok: false, error: apiError };
  }
}

/** A write while an import holds the write lock: answered at once instead of waiting for it. */
function busyWithJob(locale: Locale): ApiError {
  return {
    code: 'unavailable',
    message: say(locale, 'api.importRunningChangesSaved'),
  };
}

/** The ids in a call's input (top level and one level down), the only part of it a log may keep. */
export function idsOf(input: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  const visit = (value: unknown, prefix: string, depth: number) => {
    if (!value || typeof value !== 'object' || Array.isArray(value) || depth > 1) return;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === 'number' && Number.isInteger(v) && /^(id|[a-z]+Id)$/.test(key)) out[`${prefix}${key}`] = v;
      else visit(v, `${prefix}${key}.`, depth + 1);
    }
  };
  visit(input, '', 0);
  return out;
}

export interface MethodInfo {
  name: string;
  summary: string;
  access: string;
  input: unknown;
}

/** The table as data: what GET /api lists and docs/api.md is generated from. */
export function describeMethods(): MethodInfo[] {
  return (Object.keys(apiTable) as MethodName[]).sort().map((name) => {
    const spec = methodSpec(name);
    return {
      name,
      summary: spec.summary,
      access: spec.access,
      input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
    };
  });
}
