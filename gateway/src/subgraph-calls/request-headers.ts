import { FEED_TOKEN_HEADER, GATEWAY_HEADER } from '@federess/auth';
import type { ProcessOptions } from './process-options';

/**
 * The headers of a call: those the plan adds (e.g. tracing), JSON, the caller's token (every
 * subgraph checks it again) or a private feed's token, and the gateway's proof that the call comes through it. Names are
 * lower-cased and set in a fixed order, so identical calls give identical in-flight keys.
 */
export function subgraphHeaders(options: ProcessOptions, gatewaySecret: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const planned = options.request.http?.headers as Iterable<[string, string]> | undefined;
  if (planned) for (const [name, value] of planned) headers[name.toLowerCase()] = value;
  headers['content-type'] = 'application/json';
  // @apollo/gateway types the context loosely: read as what GatewayContext says it holds.
  const authorization: unknown = options.context?.authorization;
  if (typeof authorization === 'string' && authorization) headers.authorization = authorization;
  const feedToken: unknown = options.context?.feedToken;
  if (typeof feedToken === 'string' && feedToken) headers[FEED_TOKEN_HEADER] = feedToken;
  headers[GATEWAY_HEADER] = gatewaySecret;
  return headers;
}
