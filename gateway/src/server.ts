import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { type GatewaySettings, SUBGRAPH_NAMES, type SubgraphName } from '@federess/config';
import { watchAnswerCache } from '@federess/observability';
import {
  CorsPolicy,
  createBoundedServer,
  createHttpHandler,
  Drain,
  listen,
  RateLimiter,
  sendJson,
  sharedApolloOptions,
} from '@federess/server-kit';
import { createTokenVerifier } from '@federess/auth';
import { AnswerCache } from './cache/answer-cache';
import { ChangeFeeds } from './cache/change-feeds';
import { stringifyResult } from './cache/kept-response';
import { gatewayContextFactory, type GatewayContext } from './context';
import { feedRoutes } from './feeds/routes';
import { OperationExecutor } from './operations/operation-executor';
import { SubgraphDataSource } from './subgraph-calls/subgraph-data-source';
import { SharedSubscriptions } from './subscriptions/shared-subscriptions';
import { SupergraphPlanner } from './subscriptions/supergraph-planner';
import { gatewayEventStream } from './subscriptions/sse-server';
import { attachGatewayWebSocket } from './subscriptions/websocket-server';
import { readSupergraph } from './supergraph-file';
import { pageRoutes } from './web/page-routes';

export interface GatewayServer {
  readonly httpServer: Server;
  readonly gateway: ApolloGateway;
  /** Federated subscriptions, shared between identical client subscriptions. */
  readonly subscriptions: SharedSubscriptions;
  /** The exact-freshness cache of subgraph answers (absent when FEDERESS_CACHE is off). */
  readonly cache: AnswerCache | undefined;
  /** Starts listening (port 0 picks a free one) and resolves with the GraphQL endpoint URL. */
  listen(port?: number): Promise<string>;
  stop(): Promise<void>;
}

const isSubgraphName = (name: string): name is SubgraphName => (SUBGRAPH_NAMES as readonly string[]).includes(name);

/** A subgraph's replicas: the setting's list for one of the four, the supergraph's own URL for any other. */
const subgraphUrls = (settings: GatewaySettings, name: string, composedUrl?: string): readonly string[] => {
  const targets = isSubgraphName(name) ? settings.subgraphReplicaUrls[name] : composedUrl ? [composedUrl] : [];
  if (targets.length === 0) throw new Error(`No URL for subgraph ${name}`);
  return targets;
};

/**
 * The gateway serves the supergraph from a file (the checked-in composition by default, or one
 * composed elsewhere through FEDERESS_SUPERGRAPH), calling each subgraph at its configured URL.
 * Queries and mutations run through @apollo/gateway; subscriptions, which it does not execute, run
 * through our own executor on the same query planner, over graphql-ws on the same `/graphql`.
 */
export async function createServer(settings: GatewaySettings): Promise<GatewayServer> {
  const supergraphSdl = readSupergraph(settings.supergraphPath);
  const cache = settings.cache.enabled ? new AnswerCache(settings.cache.maxBytes) : undefined;
  // Listening first: a subgraph's answers are cached only once its change events are heard.
  const feeds = cache ? new ChangeFeeds(cache, settings.cache.eventDatabaseUrls) : undefined;
  await feeds?.start();
  const unwatchCache =
    cache && feeds
      ? watchAnswerCache(
          () => cache.stats,
          () => feeds.status(),
        )
      : undefined;
  const services: Record<string, SubgraphDataSource> = {};
  // Half a subgraph's per-address connection cap (the same settings on both sides): the rest is room
  // for the upstream graphql-ws sockets and a second gateway replica on the same address.
  const { maxConnectionsPerAddress } = settings.limits;
  const maxSockets = maxConnectionsPerAddress > 0 ? Math.max(1, Math.floor(maxConnectionsPerAddress / 2)) : undefined;
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      services[name] ??= new SubgraphDataSource(
        name,
        subgraphUrls(settings, name, url),
        settings.subgraphTimeoutMs,
        settings.auth.gatewaySecret,
        maxSockets,
        cache,
      );
      return services[name];
    },
  });
  // Queries in flight share one execution, and whole responses are kept with the cache (see OperationExecutor).
  const operations = new OperationExecutor(cache);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: operations.around(gateway),
    stringifyResult,
    ...sharedApolloOptions(settings.mode, settings.limits),
  });
  let loaded = false;
  gateway.onSchemaLoadOrUpdate(() => {
    loaded = true;
  });
  await apollo.start();

  const planner = new SupergraphPlanner(supergraphSdl);
  const subscriptions = new SharedSubscriptions({
    planner,
    services,
    // The URLs queries use (the setting for one of the four, the supergraph's own for any other),
    // taking turns: an upstream that reconnects after its replica stopped goes to the next one.
    subscriptionUrl: (name) => {
      const service = services[name];
      if (!service) throw new Error(`No URL for subgraph ${name}`);
      return service.replicas.nextUrl().replace(/^http/, 'ws');
    },
    gatewaySecret: settings.auth.gatewaySecret,
  });

  const drain = new Drain();
  // Readiness: 503 until the supergraph is loaded, and again as soon as the gateway is stopping.
  const health = (_req: IncomingMessage, res: ServerResponse) =>
    sendJson(res, loaded && !drain.draining ? 200 : 503, {
      status: drain.draining ? 'stopping' : loaded ? 'ok' : 'supergraph not loaded',
      // The subgraphs' internal addresses help local debugging; in production they stay private.
      ...(settings.mode === 'production' ? {} : { subgraphs: settings.subgraphUrls }),
      upstreamSubscriptions: subscriptions.upstreamCount,
      connectedUpstreamSubscriptions: subscriptions.connectedCount,
      subscribedClients: subscriptions.clientCount,
      cache: cache ? { ...cache.stats, subgraphs: feeds!.status() } : null,
      eventStreams: eventStream.size,
    });

  // The same verification as every subgraph's (the same package and settings).
  const verifier = createTokenVerifier(settings.auth);
  // One set of buckets for HTTP and graphql-ws: a client cannot double its rate by switching protocol.
  const rateLimiter = new RateLimiter(settings.limits);
  const cors = new CorsPolicy(settings.cors);
  const eventStream = gatewayEventStream({ planner, subscriptions, verifier, limits: settings.limits, mode: settings.mode });
  const httpServer = createBoundedServer(
    createHttpHandler(apollo, {
      title: 'FédérESS — passerelle nationale',
      context: gatewayContextFactory(verifier),
      ...pageRoutes(settings, { '/health': health }),
      routeOf: feedRoutes({ apollo, supergraphSdl, publicUrl: settings.publicUrl, rateLimiter }),
      maxBodyBytes: settings.limits.maxBodyBytes,
      maxTokens: settings.limits.maxTokens,
      maxCharacters: settings.limits.maxCharacters,
      rateLimiter,
      cors,
      eventStream,
      drain,
      exposeMetrics: settings.mode === 'development',
    }),
    settings.limits,
  );
  const detachWebSocket = attachGatewayWebSocket(httpServer, {
    planner,
    subscriptions,
    apollo,
    verifier,
    limits: settings.limits,
    mode: settings.mode,
    rateLimiter,
    cors,
  });
  return {
    httpServer,
    gateway,
    subscriptions,
    cache,
    async listen(port = settings.port) {
      const actual = await listen(httpServer, port, settings.host);
      return `http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${actual}/graphql`;
    },
    async stop() {
      // Live feeds end first, so that their clients resume elsewhere with `apres` while the requests
      // in flight finish: event streams without `complete`, sockets with 1001, before the upstreams stop.
      await drain.close(httpServer, settings.observability.drainTimeoutMs, async () => {
        eventStream.close();
        await detachWebSocket();
      });
      unwatchCache?.();
      await apollo.stop();
      await feeds?.stop();
    },
  };
}
