import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call, type ApiInput, type ApiOutput, type MethodName, type ApiCallError } from './client';
import { queryKey, refreshAfter, type RefreshOptions } from './invalidation';

/** Reads through the API with caching; the query key is the method and its input (invalidation.ts). */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: ApiInput<M>,
  options: Omit<UseQueryOptions<ApiOutput<M>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<ApiOutput<M>, ApiCallError>({
    queryKey: queryKey(method, input),
    queryFn: () => call(method, input),
    ...options,
  });
}

/** Writes through the API; on success, what the method touched (its area and the effects in invalidation.ts) is refreshed. */
export function useApiMutation<M extends MethodName>(method: M) {
  const client = useQueryClient();
  return useMutation<ApiOutput<M>, ApiCallError, ApiInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => refreshAfter(client, method),
  });
}

export interface WriteOptions extends RefreshOptions {
  /** Return as soon as the call has answered; the queries on screen are read again meanwhile. */
  background?: boolean;
}

/** A write from code that does more than one call (the quote and PI screens): call, then refresh what it touched. */
export function useApiWrite() {
  const client = useQueryClient();
  return useCallback(
    async <M extends MethodName>(method: M, input: ApiInput<M>, options: WriteOptions = {}): Promise<ApiOutput<M>> => {
      const result = await call(method, input);
      const refreshed = refreshAfter(client, method, options);
      if (!options.background) await refreshed;
      return result;
    },
    [client],
  );
}
