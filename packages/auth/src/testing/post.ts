import { type GraphQLBody, graphqlRequest } from '@federess/server-kit/testing';
import { authHeaders, type TestCaller } from './test-tokens';

/**
 * `post` with `TDefault` as the default shape of the answers: what a test folder binds its graph's
 * root type to (`export const post = postWith<Data>()`), so that its calls read typed data.
 */
export const postWith =
  <TDefault>() =>
  <TData = TDefault>(url: string, query: string, variables: Record<string, unknown> = {}, caller: TestCaller = null) =>
    post<TData>(url, query, variables, caller);

/** POSTs one operation as `caller` (anonymous by default) and returns its body; `TData` is the shape of its data. */
export async function post<TData = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  caller: TestCaller = null,
): Promise<GraphQLBody<TData>> {
  return (await graphqlRequest<TData>(url, query, variables, await authHeaders(caller))).body;
}
