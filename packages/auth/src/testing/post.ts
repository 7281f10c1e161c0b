import { type GraphQLBody, graphqlRequest } from '@federess/server-kit/testing';
import { authHeaders, type TestCaller } from './test-tokens';

/** POSTs one operation as `caller` (anonymous by default) and returns its body; `TData` is the shape of its data. */
export async function post<TData = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  caller: TestCaller = null,
): Promise<GraphQLBody<TData>> {
  return (await graphqlRequest<TData>(url, query, variables, await authHeaders(caller))).body;
}
