import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { LimitSettings, Mode } from '@federess/config';
import {
  connectionAuthorization,
  connectionParam,
  type CorsPolicy,
  HubCloseCode,
  prepareOperation,
  type RateLimiter,
  rateLimitedError,
  socketErrorFormatter,
  watchTokenExpiry,
} from '@federess/server-kit';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import type { OutboxListener } from '@federess/events';
import { GATEWAY_HEADER } from '@federess/auth';
import type { Authenticate, Caller, SubgraphResources } from '@federess/subgraph-kit';
import { createContext } from '../context';

export interface LiveFeedServerOptions {
  readonly listener: OutboxListener;
  /** graphql-ws keep-alive ping interval in ms (default 12000). */
  readonly keepAliveMs?: number;
  /** The abuse limits, the same as over HTTP. */
  readonly limits: LimitSettings;
  /** In production, as over HTTP: no introspection, no field suggestions, internal messages hidden. */
  readonly mode: Mode;
  /** The HTTP handler's rate limits (see SubgraphDefinition.attach). */
  readonly rateLimiter: RateLimiter;
  /** A page of an origin CORS does not allow may not open a socket either (browsers let any page try). */
  readonly cors?: CorsPolicy;
}

type SocketState = {
  caller?: Caller;
  /** Cancels the close planned for the token's expiry. */
  cancelExpiry?: () => void;
};

/**
 * graphql-ws on the subgraph's own `/graphql`, for the gateway and for regional sites, with the
 * protections of the HTTP path: abuse limits and rate limits before any SQL, introspection and
 * suggestions off in production, errors formatted alike. The connection_ack carries the id of the
 * last event already announced (`dernierEvenementId`): a client that subscribes with it as `apres`
 * misses nothing that commits in between.
 */
export async function attachLiveFeedServer(
  httpServer: Server,
  schema: GraphQLSchema,
  base: SubgraphResources,
  authenticate: Authenticate,
  options: LiveFeedServerOptions,
): Promise<() => Promise<void>> {
  // The retention purge runs in every subgraph (see createSubgraphServer); the listener is the feed's own.
  await options.listener.start();

  // Every operation sent over a socket counts as a request, in the same buckets as HTTP.
  const { rateLimiter } = options;
  const format = socketErrorFormatter(options.mode);
  // A message is bounded like an HTTP body (ws would otherwise accept 100 MiB).
  const wss = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    maxPayload: options.limits.maxBodyBytes,
    verifyClient: options.cors?.verifyClient,
  });
  const disposable = useServer<Record<string, unknown> | undefined, SocketState>(
    {
      schema,
      // Close reasons of internal faults stay vague in production.
      isProd: options.mode === 'production',
      // The caller was authenticated once, at connection; every event resolves with its rights.
      context: (ctx) => createContext({ ...base, ...ctx.extra.caller! }, options.listener),
      // connectionParams { authorization: "Bearer …" }; a bad or expired token (or a false gateway claim) closes with 4403.
      onConnect: async (ctx) => {
        let caller: Caller;
        try {
          caller = await authenticate(
            connectionParam(ctx.connectionParams, 'authorization'),
            connectionParam(ctx.connectionParams, GATEWAY_HEADER),
          );
        } catch {
          return false;
        }
        // The verifier tolerates a few seconds of clock skew; a socket still needs time left to live.
        const expiresAt = caller.viewer.expiresAt;
        if (expiresAt !== null && expiresAt <= Date.now()) return false;
        ctx.extra.caller = caller;
        const socket = ctx.extra.socket;
        ctx.extra.cancelExpiry = watchTokenExpiry(expiresAt, () => {
          if (socket.readyState !== WebSocket.OPEN) return;
          if (caller.fromGateway) socket.close(HubCloseCode.TryAgainLater, 'Jeton expiré : reconnectez-vous avec un jeton valide.');
          else socket.close(CloseCode.Forbidden, 'Jeton expiré');
        });
        return { dernierEvenementId: options.listener.head };
      },
      onClose: (ctx) => ctx.extra.cancelExpiry?.(),
      // Before any parsing or SQL: the rate limits (the gateway, proven by its secret, was limited
      // upstream already, as over HTTP), then the checks HTTP applies (see prepareOperation).
      onSubscribe: (ctx, _id, payload) => {
        const caller = ctx.extra.caller!;
        const refusal = caller.fromGateway
          ? undefined
          : rateLimiter.checkCaller(ctx.extra.request.socket.remoteAddress, connectionAuthorization(ctx.connectionParams));
        if (refusal) return [rateLimitedError(refusal)];
        const prepared = prepareOperation(payload, {
          schema,
          limits: options.limits,
          mode: options.mode,
          trusted: caller.fromGateway,
        });
        if (Array.isArray(prepared)) return prepared;
        return { schema, document: prepared.document, operationName: prepared.operationName, variableValues: prepared.variableValues };
      },
      onError: (_ctx, _id, _payload, errors) => format.errors(errors),
      onNext: (_ctx, _id, _payload, _args, result) => format.result(result),
    },
    wss,
    options.keepAliveMs ?? 12_000,
  );
  return async () => {
    await disposable.dispose();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await options.listener.stop();
  };
}
