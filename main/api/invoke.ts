import type { Core } from '../core';
import { callMethod } from './dispatch';
import type { ApiError, Locale } from '../errors/apiError';
import type { Session } from './method';
import type { ApiInput, ApiOutput, MethodName } from './table';

/** An API error raised as an exception, for in-process callers (CLI, demo, tests). */
export class ApiFailure extends Error {
  constructor(
    readonly method: string,
    readonly error: ApiError,
  ) {
    super(`${method}: ${error.message}`);
    this.name = 'ApiFailure';
  }
}

/**
 * Calls a method of the API table in process, typed, through the same
 * validation and transaction as the two doors. Throws ApiFailure on error.
 */
export async function invoke<M extends MethodName>(
  core: Core,
  method: M,
  input: ApiInput<M>,
  options: { session?: Session; locale?: Locale } = {},
): Promise<ApiOutput<M>> {
  const outcome = await callMethod(core, method, input, {
    session: options.session ?? { role: 'owner' },
    locale: options.locale ?? 'en',
  });
  if (!outcome.ok) throw new ApiFailure(method, outcome.error);
  return outcome.result as ApiOutput<M>;
}
