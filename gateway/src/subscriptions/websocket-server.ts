import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { LimitSettings, Mode } from '@federess/config';
import {
  connectionAuthorization,
  type CorsPolicy,
  ErrorCode,
  prepareOperation,
  type RateLimiter,
  rateLimitedError,
  socketErrorFormatter,
  watchTokenExpiry,
} from '@federess/server-kit';
import { type ExecutionResult, GraphQLError, getOperationAST, OperationTypeNode } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { TokenVerifier } from '@federess/auth';
import { contextOf, type GatewayContext } from '../context';
import type { SharedSubscriptions } from './shared-subscriptions';
import type { SupergraphPlanner } from './supergraph-planner';

export interface GatewayWebSocketOptions {
  readonly planner: SupergraphPlanner;
  readonly subscriptions: SharedSubscriptions;
  /** Queries and mutations sent over the socket run through the gateway like HTTP ones. */
  readonly apollo: ApolloServer<GatewayContext>;
  /** Verifies the token of connectionParams `{ authorization: "Bearer …" }` once per connection (closed with 4403 at its expiry). */
  readonly verifier: TokenVerifier;
  /** Keep-alive ping interval in ms (default 12000). */
  readonly keepAliveMs?: number;
  /** The abuse limits, the same as over HTTP. */
  readonly limits: LimitSettings;
  /** In production, as over HTTP: no introspection, no field suggestions. */
  readonly mode: Mode;
  /** The HTTP handler's rate limits: every operation sent over a socket counts as a request. */
  readonly rateLimiter?: RateLimiter;
  /** A page of an origin CORS does not allow may not open a socket either (browsers let any page try). */
  readonly cors?: CorsPolicy;
}

/**
 * graphql-ws on the gateway's `/graphql`, beside HTTP. Operations are parsed and validated against
 * the API schema first (protocol `error` messages for bad ones); subscriptions go to the shared
 * federated subscriptions, queries and mutations through the gateway.
 */
export function attachGatewayWebSocket(httpServer: Server, options: GatewayWebSocketOptions): () => Promise<void> {
  // A message is bounded like an HTTP body (ws would otherwise accept 100 MiB).
  const wss = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    maxPayload: options.limits.maxBodyBytes,
    verifyClient: options.cors?.verifyClient,
  });
  const schema = options.planner.apiGraphQLSchema;
  const format = socketErrorFormatter(options.mode);
  const disposable = useServer<Record<string, unknown>, { context?: GatewayContext }>(
    {
      schema,
      // Authentication happens once, at connection: a bad token closes the socket with 4403
      // (Forbidden); every operation of the connection then runs with the verified viewer, until the
      // token expires and the socket is closed with 4403 too.
      onConnect: async (ctx) => {
        try {
          ctx.extra.context = await contextOf(options.verifier, connectionAuthorization(ctx.connectionParams));
        } catch {
          return false;
        }
        const socket = ctx.extra.socket;
        const cancel = watchTokenExpiry(ctx.extra.context.viewer.expiresAt, () => socket.close(CloseCode.Forbidden, 'Jeton expiré'));
        socket.once('close', cancel);
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        const limited = options.rateLimiter?.checkCaller(
          ctx.extra.request.socket.remoteAddress,
          connectionAuthorization(ctx.connectionParams),
        );
        if (limited) return [rateLimitedError(limited)];
        // The same checks as over HTTP, in the same order, with the same codes (see prepareOperation).
        const prepared = prepareOperation(payload, { schema, limits: options.limits, mode: options.mode, trusted: false });
        if (Array.isArray(prepared)) return prepared;
        const contextValue: GatewayContext = ctx.extra.context!;
        return {
          schema,
          document: prepared.document,
          operationName: prepared.operationName,
          variableValues: prepared.variableValues,
          contextValue,
        };
      },
      // Errors of subscription events leave here as those of HTTP responses leave Apollo's formatter
      // (queries and mutations over the socket already went through it in `execute`).
      onNext: (_ctx, _id, _payload, args, result) =>
        result.errors?.length && getOperationAST(args.document, args.operationName)?.operation === OperationTypeNode.SUBSCRIPTION
          ? format.result(result)
          : undefined,
      subscribe: (args) =>
        options.subscriptions.subscribe(
          args.document,
          args.operationName ?? undefined,
          args.variableValues ?? {},
          args.contextValue as GatewayContext,
        ),
      execute: async (args): Promise<ExecutionResult> => {
        const response = await options.apollo.executeOperation(
          {
            query: args.document,
            variables: args.variableValues ?? {},
            operationName: args.operationName ?? undefined,
          },
          { contextValue: args.contextValue as GatewayContext },
        );
        if (response.body.kind !== 'single')
          return {
            errors: [
              new GraphQLError('Réponse incrémentale non prise en charge sur WebSocket.', { extensions: { code: ErrorCode.BAD_REQUEST } }),
            ],
          };
        // Apollo hands back errors already formatted (plain objects); graphql-ws serialises errors with
        // toJSON() and would close the socket on a plain one, so they become GraphQLErrors again.
        const { errors, ...rest } = response.body.singleResult;
        if (!errors) return rest;
        return {
          ...rest,
          errors: errors.map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions })),
        };
      },
    },
    wss,
    options.keepAliveMs ?? 12_000,
  );
  // At shutdown the sockets are closed with 1001 (going away) before the upstreams stop, and no
  // subscription is completed: graphql-ws clients retry after 1001 and resume with `apres`, whereas a
  // `complete` would tell them the feed is over.
  return async () => {
    await disposable.dispose();
    options.subscriptions.close();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
}
