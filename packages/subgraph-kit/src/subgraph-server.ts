import type { IncomingMessage, Server } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { DataSource, Logger } from 'typeorm';
import type { SubgraphName, SubgraphSettings } from '@federess/config';
import { openDataSource, type DataSourceOptions } from '@federess/database';
import {
  CorsPolicy,
  createBoundedServer,
  createHttpHandler,
  Drain,
  type EventStreamEndpoint,
  listen,
  RateLimiter,
  sendJson,
  serviceSdlGuardPlugin,
  sharedApolloOptions,
} from '@federess/server-kit';
import { announceStart, collectAppendedEvents, scheduleRetention } from '@federess/events';
import { AnswerCacheHints, answerCachePlugin } from './answer-cache';
import { type Authenticate, authenticateRequest, type Caller, createAuthenticate } from './caller';
import { isGatewayCall } from './gateway-call';
import { type OwnerSubgraphs, ownerSubgraphs } from './references';
import { parseRegionSetting } from './region-scope';

/** What a subgraph instance holds for all its requests. */
export interface SubgraphResources {
  readonly dataSource: DataSource;
  /** The region this instance is scoped to (`FEDERESS_REGION`), or undefined for a national instance. */
  readonly region: string | undefined;
  /** The other subgraphs, asked about the entities they own when a write references one (see OwnerSubgraph). */
  readonly owners: OwnerSubgraphs;
}

/** What every request context of a subgraph holds, before the subgraph's own loaders: who asks, too. */
export interface BaseSubgraphContext extends SubgraphResources, Caller {
  /** What resolvers tell the gateway's cache about time (see AnswerCacheHints); absent outside HTTP requests. */
  readonly cacheHints?: AnswerCacheHints;
}

/** What a subgraph adds to its HTTP server (live feeds): what to stop at shutdown, and its event stream if any. */
export interface AttachedProtocols {
  stop(): Promise<void>;
  /** Subscriptions over Server-Sent Events on `/graphql`. */
  readonly eventStream?: EventStreamEndpoint;
}

export interface SubgraphDefinition<TContext extends BaseContext> {
  readonly name: SubgraphName;
  readonly title: string;
  readonly entities: DataSourceOptions['entities'];
  readonly migrations: DataSourceOptions['migrations'];
  buildSchema(): Promise<GraphQLSchema>;
  /** Builds a request's context: the place for per-request DataLoaders (and for credentials of the subgraph's own, read from `req`). */
  createContext(base: BaseSubgraphContext, req: IncomingMessage): TContext | Promise<TContext>;
  /** Loads seed data; must be idempotent. */
  seed?(dataSource: DataSource, settings: SubgraphSettings): Promise<void>;
  /**
   * Adds protocols to the HTTP server (graphql-ws, Server-Sent Events). They authenticate their own
   * callers with `authenticate` (e.g. from graphql-ws connectionParams), count their operations in
   * the HTTP handler's `rateLimiter` (one allowance per caller, whatever the protocol), and refuse
   * pages of origins `cors` does not allow.
   */
  attach?(
    httpServer: Server,
    schema: GraphQLSchema,
    resources: SubgraphResources,
    authenticate: Authenticate,
    rateLimiter: RateLimiter,
    cors: CorsPolicy,
  ): Promise<AttachedProtocols>;
}

export interface SubgraphServerOptions {
  /** A TypeORM logger, e.g. a StatementCounter in tests. */
  readonly logger?: Logger;
}

export interface SubgraphServer {
  readonly name: SubgraphName;
  readonly schema: GraphQLSchema;
  readonly dataSource: DataSource;
  readonly httpServer: Server;
  /** Starts listening (port 0 picks a free one) and resolves with the GraphQL endpoint URL. */
  listen(port?: number): Promise<string>;
  stop(): Promise<void>;
}

export async function createSubgraphServer<TContext extends BaseContext>(
  definition: SubgraphDefinition<TContext>,
  settings: SubgraphSettings,
  options: SubgraphServerOptions = {},
): Promise<SubgraphServer> {
  const region = parseRegionSetting(settings.region);
  if (!settings.databaseUrl) {
    throw new Error(
      `No database for subgraph ${definition.name}: set DATABASE_URL (a Postgres server) or ${definition.name.toUpperCase()}_DATABASE_URL, or start the whole hub with \`pnpm start\`.`,
    );
  }
  const dataSource = await openDataSource({
    url: settings.databaseUrl,
    entities: definition.entities,
    migrations: definition.migrations,
    sql: settings.sql,
    logger: options.logger,
  });
  if (settings.seed && definition.seed) await definition.seed(dataSource, settings);
  // Every subgraph has an outbox (its migrations create it): what this instance serves may differ from
  // what ran before (new code, new seed), so its start is an event that drops what was derived from it.
  await announceStart(dataSource);
  const stopRetention = await scheduleRetention(dataSource, settings.eventRetentionDays, definition.name);

  const schema = await definition.buildSchema();
  const owners = ownerSubgraphs(settings.subgraphUrls, settings.subgraphTimeoutMs, settings.auth.gatewaySecret);
  const resources: SubgraphResources = { dataSource, region, owners };
  const authenticate = createAuthenticate(settings.auth);
  const shared = sharedApolloOptions(settings.mode, settings.limits);
  // Inline tracing only serves Apollo's hosted studio, which this hub does not report to.
  // The gateway's cache learns what each of its calls read, and what each of its mutations changed.
  const plugins = [...shared.plugins, ApolloServerPluginInlineTraceDisabled(), answerCachePlugin(schema)];
  // In production `_service { sdl }` is the gateway's alone, like introspection is nobody's. A context
  // that dropped `fromGateway` reads as not the gateway: refused, never let through.
  if (settings.mode === 'production') plugins.push(serviceSdlGuardPlugin((context) => (context as Partial<Caller>).fromGateway === true));
  const apollo = new ApolloServer<TContext>({ schema, ...shared, plugins });
  await apollo.start();

  const drain = new Drain();
  const health = async (_req: IncomingMessage, res: Parameters<typeof sendJson>[0]) => {
    // Readiness: a stopping replica is out of its balancer's rotation before it closes.
    if (drain.draining) return sendJson(res, 503, { status: 'stopping', subgraph: definition.name });
    try {
      await dataSource.query('SELECT 1');
      sendJson(res, 200, { status: 'ok', subgraph: definition.name, region: region ?? null });
    } catch {
      sendJson(res, 503, { status: 'database unavailable', subgraph: definition.name });
    }
  };
  const rateLimiter = new RateLimiter(settings.limits);
  const cors = new CorsPolicy(settings.cors);
  // The protocols attach to the server before its handler exists: the handler serves their event stream.
  let handler: Parameters<typeof createBoundedServer>[0] = (_req, res) => res.destroy();
  // Each request notes the change events it appends, for its answer to tell the gateway (see answerCachePlugin).
  const httpServer = createBoundedServer((req, res) => collectAppendedEvents(() => handler(req, res)), settings.limits);
  const attached = definition.attach
    ? await definition.attach(httpServer, schema, resources, authenticate, rateLimiter, cors)
    : { stop: () => Promise.resolve() };
  handler = createHttpHandler(apollo, {
    title: `FédérESS — sous-graphe ${definition.name}${region ? ` (${region})` : ''}`,
    // A bad token or a false gateway claim fails here, before any parsing or SQL (HTTP 401).
    context: async (req) =>
      definition.createContext(
        { ...resources, ...(await authenticateRequest(authenticate, req)), cacheHints: new AnswerCacheHints() },
        req,
      ),
    routes: { '/health': health },
    maxBodyBytes: settings.limits.maxBodyBytes,
    maxTokens: settings.limits.maxTokens,
    maxCharacters: settings.limits.maxCharacters,
    rateLimiter,
    // The gateway's fetches come from operations it has already bounded (see createHttpHandler).
    trustedCaller: (req) => isGatewayCall(req, settings.auth.gatewaySecret),
    cors,
    eventStream: attached.eventStream,
    drain,
    exposeMetrics: settings.mode === 'development',
  });

  return {
    name: definition.name,
    schema,
    dataSource,
    httpServer,
    async listen(port = settings.port) {
      const actual = await listen(httpServer, port, settings.host);
      return `http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${actual}/graphql`;
    },
    async stop() {
      stopRetention();
      // Live feeds are closed first (sockets with 1001, event streams without `complete`): their
      // clients (the gateways) resume on another replica while the requests in flight finish.
      await drain.close(httpServer, settings.observability.drainTimeoutMs, () => attached.stop());
      await apollo.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
