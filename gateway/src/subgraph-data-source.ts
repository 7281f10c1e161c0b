import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GATEWAY_HEADER } from '@federess/auth';
import { ClientError, ErrorCode } from '@federess/server-kit';
import type { GatewayContext } from './context';

type ProcessOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0];
type ProcessResult = ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>;
type SendOptions = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0];

function isGraphQLErrorBody(body: unknown): body is { errors: { message: string }[] } {
  return typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors);
}

/**
 * How the gateway calls one subgraph: forwards the caller's Authorization header (every subgraph
 * checks it again), proves it is the gateway with the shared secret header, bounds the call with a timeout, and turns a subgraph that cannot be reached into
 * a SUBGRAPH_UNAVAILABLE error naming it, so the response still carries the other subgraphs' data.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    private readonly timeoutMs: number,
    private readonly gatewaySecret: string,
  ) {
    super({
      url,
      // Node's own fetch (keep-alive pooled by undici), with a deadline on every call.
      fetcher: ((input: string, init: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never,
    });
  }

  override willSendRequest({ request, context }: SendOptions): void {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    request.http?.headers.set(GATEWAY_HEADER, this.gatewaySecret);
  }

  override async process(options: ProcessOptions): ProcessResult {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof ClientError) throw error;
      // A subgraph that answers with a non-2xx status and a GraphQL body (400 for a variable its own
      // scalar refuses) is reachable: its errors, with their codes, are the answer.
      const body = (error as { extensions?: { response?: { body?: unknown } } }).extensions?.response?.body;
      if (isGraphQLErrorBody(body)) return { errors: body.errors } as Awaited<ProcessResult>;
      const timedOut = /timeout|aborted/i.test(String((error as Error).message ?? error)) || (error as Error).name === 'TimeoutError';
      console.error(`[gateway] subgraph ${this.subgraphName} ${timedOut ? 'timed out' : 'unreachable'}: ${(error as Error).message}`);
      const reason = timedOut ? `n'a pas répondu en ${this.timeoutMs} ms` : 'est injoignable';
      throw new ClientError(ErrorCode.SUBGRAPH_UNAVAILABLE, `Le sous-graphe ${this.subgraphName} ${reason} : ses champs manquent dans cette réponse.`, {
        serviceName: this.subgraphName,
      });
    }
  }
}
