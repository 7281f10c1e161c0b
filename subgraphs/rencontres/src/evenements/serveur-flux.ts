import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { LimitSettings } from '@federess/config';
import { checkSubscribeLimits } from '@federess/server-kit';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { type OutboxListener, purgeExpiredEvents } from '@federess/events';
import { GATEWAY_HEADER } from '@federess/auth';
import type { Authenticate, Caller, SubgraphResources } from '@federess/subgraph-kit';
import { createContext } from '../context';

export interface ServeurFluxOptions {
  readonly listener: OutboxListener;
  readonly retentionDays: number;
  /** graphql-ws keep-alive ping interval in ms (default 12000). */
  readonly keepAliveMs?: number;
  /** The abuse limits, the same as over HTTP. */
  readonly limits: LimitSettings;
}

const HOUR = 60 * 60 * 1000;

/** A connectionParams entry, whatever the case of its name (`authorization` or `Authorization`). */
const param = (params: Readonly<Record<string, unknown>> | undefined, name: string): unknown =>
  Object.entries(params ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];

/**
 * graphql-ws on the subgraph's own `/graphql`, for the gateway and for regional sites. The
 * connection_ack carries the id of the last event already announced (`dernierEvenementId`): a client
 * that subscribes with it as `apres` misses nothing that commits in between.
 */
export async function attacherServeurFlux(
  httpServer: Server,
  schema: GraphQLSchema,
  base: SubgraphResources,
  authenticate: Authenticate,
  options: ServeurFluxOptions,
): Promise<() => Promise<void>> {
  await options.listener.start();
  const purger = () =>
    purgeExpiredEvents(base.dataSource, options.retentionDays).catch((error: unknown) =>
      console.error('[rencontres] outbox purge failed:', (error as Error).message),
    );
  await purger();
  const purge = setInterval(purger, HOUR);
  purge.unref();

  // A message is bounded like an HTTP body (ws would otherwise accept 100 MiB).
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: options.limits.maxBodyBytes });
  const disposable = useServer<Record<string, unknown> | undefined, { caller?: Caller }>(
    {
      schema,
      // The caller was authenticated once, at connection; every event resolves with its rights.
      context: (ctx) => createContext({ ...base, ...ctx.extra.caller! }, options.listener),
      // connectionParams { authorization: "Bearer …" }; a bad token (or a false gateway claim) closes with 4403.
      // The same abuse limits as over HTTP, before any SQL (the gateway, proven by its secret, skips the token count).
      onSubscribe: (ctx, _id, payload) => checkSubscribeLimits(schema, options.limits, payload, ctx.extra.caller?.fromGateway ?? false),
      onConnect: async (ctx) => {
        try {
          ctx.extra.caller = await authenticate(param(ctx.connectionParams, 'authorization'), param(ctx.connectionParams, GATEWAY_HEADER));
        } catch {
          return false;
        }
        return { dernierEvenementId: options.listener.head };
      },
    },
    wss,
    options.keepAliveMs ?? 12_000,
  );
  return async () => {
    clearInterval(purge);
    await disposable.dispose();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await options.listener.stop();
  };
}
