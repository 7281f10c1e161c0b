import type { Server } from 'node:http';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { LimitSettings, Mode } from '@federess/config';
import { type CorsPolicy, ErrorCode, type RateLimiter, watchTokenExpiry } from '@federess/server-kit';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import type { OutboxListener } from '@federess/events';
import { GATEWAY_HEADER } from '@federess/auth';
import type { Authenticate, Caller, SubgraphResources } from '@federess/subgraph-kit';
import { createContext } from '../context';
import { formateurFlux } from './format-flux';
import { preparerOperation } from './operation-flux';

export interface ServeurFluxOptions {
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

/** graphql-ws's Forbidden: a bad token at connection, or a token that expired on an open socket. */
export const FERMETURE_JETON_REFUSE = 4403;
/**
 * The gateway's socket carries a client's token for a subscription it may share between clients
 * (see the gateway's SharedSubscriptions): 4403 would end it for all of them. "Try again later"
 * makes it reconnect, resume with `apres`, and present its freshest token — refused with 4403 if none is valid.
 */
export const FERMETURE_JETON_EXPIRE_PASSERELLE = 1013;

/** A connectionParams entry, whatever the case of its name (`authorization` or `Authorization`). */
const param = (params: Readonly<Record<string, unknown>> | undefined, name: string): unknown =>
  Object.entries(params ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];

type Connexion = {
  caller?: Caller;
  /** Cancels the close planned for the token's expiry. */
  finExpiration?: () => void;
};

/**
 * graphql-ws on the subgraph's own `/graphql`, for the gateway and for regional sites, with the
 * protections of the HTTP path: abuse limits and rate limits before any SQL, introspection and
 * suggestions off in production, errors formatted alike. The connection_ack carries the id of the
 * last event already announced (`dernierEvenementId`): a client that subscribes with it as `apres`
 * misses nothing that commits in between.
 */
export async function attacherServeurFlux(
  httpServer: Server,
  schema: GraphQLSchema,
  base: SubgraphResources,
  authenticate: Authenticate,
  options: ServeurFluxOptions,
): Promise<() => Promise<void>> {
  // The retention purge runs in every subgraph (see createSubgraphServer); the listener is the feed's own.
  await options.listener.start();

  // Every operation sent over a socket counts as a request, in the same buckets as HTTP.
  const { rateLimiter } = options;
  const format = formateurFlux(options.mode);
  // A message is bounded like an HTTP body (ws would otherwise accept 100 MiB).
  const wss = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    maxPayload: options.limits.maxBodyBytes,
    verifyClient: options.cors?.verifyClient,
  });
  const disposable = useServer<Record<string, unknown> | undefined, Connexion>(
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
          caller = await authenticate(param(ctx.connectionParams, 'authorization'), param(ctx.connectionParams, GATEWAY_HEADER));
        } catch {
          return false;
        }
        // The verifier tolerates a few seconds of clock skew; a socket still needs time left to live.
        const expiresAt = caller.viewer.expiresAt;
        if (expiresAt !== null && expiresAt <= Date.now()) return false;
        ctx.extra.caller = caller;
        const socket = ctx.extra.socket;
        ctx.extra.finExpiration = watchTokenExpiry(expiresAt, () => {
          if (socket.readyState !== WebSocket.OPEN) return;
          if (caller.fromGateway) socket.close(FERMETURE_JETON_EXPIRE_PASSERELLE, 'Jeton expiré : reconnectez-vous avec un jeton valide.');
          else socket.close(FERMETURE_JETON_REFUSE, 'Jeton expiré');
        });
        return { dernierEvenementId: options.listener.head };
      },
      onClose: (ctx) => ctx.extra.finExpiration?.(),
      // Before any parsing or SQL: the rate limits (the gateway, proven by its secret, was limited
      // upstream already, as over HTTP), then the checks of preparerOperation.
      onSubscribe: (ctx, _id, payload) => {
        const caller = ctx.extra.caller!;
        const authorization = param(ctx.connectionParams, 'authorization');
        const refuse = caller.fromGateway
          ? undefined
          : rateLimiter.checkCaller(ctx.extra.request.socket.remoteAddress, typeof authorization === 'string' ? authorization : undefined);
        if (refuse) {
          return [
            new GraphQLError(refuse.message, { extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: refuse.retryAfterSeconds } }),
          ];
        }
        const prete = preparerOperation(schema, payload, {
          limits: options.limits,
          mode: options.mode,
          depuisPasserelle: caller.fromGateway,
        });
        return Array.isArray(prete) ? prete : { schema, ...prete };
      },
      onError: (_ctx, _id, _payload, errors) => format.erreurs(errors),
      onNext: (_ctx, _id, _payload, _args, result) => format.resultat(result),
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
