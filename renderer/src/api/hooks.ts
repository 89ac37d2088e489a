import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { call, type ApiInput, type ApiOutput, type MethodName, type ApiCallError } from './client';

/** Reads through the API with caching; the query key is the method and its input. */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: ApiInput<M>,
  options: Omit<UseQueryOptions<ApiOutput<M>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<ApiOutput<M>, ApiCallError>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    ...options,
  });
}

/** Writes through the API; on success, every cached query of the listed areas is refreshed. */
export function useApiMutation<M extends MethodName>(method: M, invalidateAreas: string[] = []) {
  const client = useQueryClient();
  return useMutation<ApiOutput<M>, ApiCallError, ApiInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) => typeof q.queryKey[0] === 'string' && invalidateAreas.some((a) => (q.queryKey[0] as string).startsWith(`${a}.`)),
      }),
  });
}
