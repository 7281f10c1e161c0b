import { createClient as createSseClient } from 'graphql-sse';
import { type Client as WsClient, createClient as createWsClient } from 'graphql-ws';
import { getOperationAST, OperationTypeNode, parse } from 'graphql';

export interface FetchParams {
  readonly query: string;
  readonly operationName?: string | null;
  readonly variables?: Record<string, unknown> | null;
}

export type Transport = 'sse' | 'ws';

export interface FetcherOptions {
  /** The page's own `/graphql`. */
  readonly endpoint: string;
  /** The token typed in the page, read at each operation. */
  readonly token: () => string;
  /** How subscriptions are sent, chosen in the page. */
  readonly transport: () => Transport;
}

const isSubscription = (params: FetchParams): boolean => {
  try {
    return getOperationAST(parse(params.query), params.operationName ?? undefined)?.operation === OperationTypeNode.SUBSCRIPTION;
  } catch {
    return false;
  }
};

/**
 * GraphiQL's fetcher: queries and mutations as POST JSON; subscriptions over Server-Sent Events
 * (graphql-sse, the token in `Authorization`) or graphql-ws (the token in `connectionParams`).
 */
export function createFetcher(options: FetcherOptions) {
  let ws: { client: WsClient; token: string } | undefined;
  const authorization = (): Record<string, string> => {
    const token = options.token().trim();
    return token ? { authorization: token.startsWith('Bearer ') ? token : `Bearer ${token}` } : {};
  };
  return (params: FetchParams) => {
    if (isSubscription(params)) {
      const payload = { query: params.query, operationName: params.operationName ?? undefined, variables: params.variables ?? undefined };
      if (options.transport() === 'sse') {
        const client = createSseClient({ url: options.endpoint, singleConnection: false, retryAttempts: 0, headers: authorization });
        return client.iterate(payload);
      }
      const token = options.token();
      if (!ws || ws.token !== token) {
        void ws?.client.dispose();
        ws = {
          token,
          client: createWsClient({ url: options.endpoint.replace(/^http/, 'ws'), connectionParams: () => authorization() }),
        };
      }
      return ws.client.iterate(payload);
    }
    return fetch(options.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization() },
      body: JSON.stringify(params),
    }).then((response) => response.json() as Promise<unknown>);
  };
}
