import { collectDefaultMetrics, Counter, Gauge, Histogram, register } from 'prom-client';
import { DeliveryLag } from './delivery-lag';
import { operationLabel } from './operation-label';

/**
 * Every metric of the hub, on prom-client's registry of the process (one service per process; the
 * `service` label says which). Code records through the functions below, which do nothing while
 * metrics are off (FEDERESS_METRICS=false).
 */
let enabled = true;

/** Seconds, from 5 ms to 10 s: an operation of the hub, a subgraph call. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const httpRequests = new Counter({
  name: 'federess_http_requests_total',
  help: 'HTTP requests served, by GraphQL operation name, operation type (http: a route that is no operation) and outcome code (OK, or the first error code)',
  labelNames: ['operation', 'type', 'code'] as const,
});
const httpDuration = new Histogram({
  name: 'federess_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, from its first byte to the end of the answer',
  labelNames: ['operation', 'type', 'code'] as const,
  buckets: LATENCY_BUCKETS,
});
const subgraphRequests = new Counter({
  name: 'federess_subgraph_requests_total',
  help: 'Calls of the gateway to a subgraph, by subgraph and outcome code (OK, the first error code of the answer, SUBGRAPH_UNAVAILABLE)',
  labelNames: ['subgraph', 'code'] as const,
});
const subgraphDuration = new Histogram({
  name: 'federess_subgraph_request_duration_seconds',
  help: 'Time of one call of the gateway to a subgraph, by subgraph and outcome code',
  labelNames: ['subgraph', 'code'] as const,
  buckets: LATENCY_BUCKETS,
});
const graphqlErrors = new Counter({
  name: 'federess_graphql_errors_total',
  help: 'GraphQL errors sent to clients, by extensions.code',
  labelNames: ['code'] as const,
});
const limitRefusals = new Counter({
  name: 'federess_limit_refusals_total',
  help: 'Requests, operations and connections refused by an abuse limit, by limit',
  labelNames: ['limit'] as const,
});
const liveEventsDelivered = new Counter({
  name: 'federess_live_events_delivered_total',
  help: 'Live-feed events delivered to clients (one per client and event)',
});
const liveFeedReplays = new Counter({
  name: 'federess_live_feed_replays_total',
  help: 'Live-feed subscriptions that resumed after an event id (apres, Last-Event-ID), replaying what they missed',
});
const upstreamReconnections = new Counter({
  name: 'federess_upstream_reconnections_total',
  help: 'Upstream subscriptions of the gateway reconnected to a rencontres replica after their connection dropped',
});
const liveEventDelay = new Histogram({
  name: 'federess_live_event_delay_seconds',
  help: "Time from a live event's commit to its delivery to clients",
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
});

/** Gauges read when scraped, from the sources that register below. */
type Reading = () => number;
const liveFeedSources = new Map<string, Set<Reading>>();
const upstreamSources = { held: new Set<Reading>(), connected: new Set<Reading>() };
const poolSources = new Set<() => PoolReading>();

export interface PoolReading {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
}

const sum = (readings: Iterable<Reading>) => {
  let total = 0;
  for (const read of readings) total += read();
  return total;
};

new Gauge({
  name: 'federess_live_feed_clients',
  help: 'Live-feed clients connected now, by transport (graphql-ws, sse)',
  labelNames: ['transport'] as const,
  collect() {
    this.reset();
    for (const [transport, readings] of liveFeedSources) this.set({ transport }, sum(readings));
  },
});
new Gauge({
  name: 'federess_upstream_subscriptions',
  help: 'Upstream subscriptions the gateway holds to the rencontres subgraph (one per distinct operation, variables and scope)',
  collect() {
    this.set(sum(upstreamSources.held));
  },
});
new Gauge({
  name: 'federess_upstream_subscriptions_connected',
  help: 'Upstream subscriptions whose connection is established now',
  collect() {
    this.set(sum(upstreamSources.connected));
  },
});
new Gauge({
  name: 'federess_outbox_lag_seconds',
  help: 'How far behind the live feeds are: now − the commit time of the oldest event received and not yet delivered to clients (0 when caught up)',
  collect() {
    this.set(DeliveryLag.worstSeconds(Date.now()));
  },
});
new Gauge({
  name: 'federess_sql_pool_connections',
  help: "Connections of the subgraph's SQL pool, by state (in_use, idle)",
  labelNames: ['state'] as const,
  collect() {
    let inUse = 0;
    let idle = 0;
    for (const read of poolSources) {
      const pool = read();
      inUse += pool.total - pool.idle;
      idle += pool.idle;
    }
    this.set({ state: 'in_use' }, inUse);
    this.set({ state: 'idle' }, idle);
  },
});
new Gauge({
  name: 'federess_sql_pool_waiting',
  help: 'Statements waiting for a free connection of the SQL pool',
  collect() {
    let waiting = 0;
    for (const read of poolSources) waiting += read().waiting;
    this.set(waiting);
  },
});

/** What the gateway's answer cache reports of itself (AnswerCache.stats): totals since start, and its size now. */
export interface CacheReading {
  readonly entries: number;
  readonly bytes: number;
  readonly hits: number;
  readonly misses: number;
  readonly evictions: number;
  readonly responseHits: number;
  readonly responseMisses: number;
}
const cacheSources = new Set<{ stats: () => CacheReading; listening: () => Readonly<Record<string, { listening: boolean }>> }>();

/** A counter that follows a running total read at each scrape (the cache keeps its own). */
function totalCounter(name: string, help: string, read: (cache: CacheReading) => number): void {
  let counted = 0;
  new Counter({
    name,
    help,
    collect() {
      let total = 0;
      for (const source of cacheSources) total += read(source.stats());
      if (total > counted) this.inc(total - counted);
      counted = Math.max(counted, total);
    },
  });
}
totalCounter('federess_cache_hits_total', "Subgraph answers the gateway's cache gave without calling the subgraph", (c) => c.hits);
totalCounter('federess_cache_misses_total', 'Cacheable subgraph calls the cache could not answer', (c) => c.misses);
totalCounter(
  'federess_cache_response_hits_total',
  "Whole responses the gateway's cache gave without running the query plan",
  (c) => c.responseHits,
);
totalCounter(
  'federess_cache_response_misses_total',
  'Cacheable queries whose whole response the cache could not give',
  (c) => c.responseMisses,
);
totalCounter('federess_cache_evictions_total', 'Answers evicted from the cache by change events (or by its size)', (c) => c.evictions);
/** A gauge of the caches' size now, summed over them. */
function cacheGauge(name: string, help: string, read: (cache: CacheReading) => number): void {
  new Gauge({
    name,
    help,
    collect() {
      let value = 0;
      for (const source of cacheSources) value += read(source.stats());
      this.set(value);
    },
  });
}
cacheGauge('federess_cache_entries', "Answers in the gateway's cache now", (c) => c.entries);
cacheGauge('federess_cache_bytes', "Memory the gateway's cache holds, roughly (bytes)", (c) => c.bytes);
new Gauge({
  name: 'federess_cache_listening',
  help: "1 while the cache hears a subgraph's change events (LISTEN), 0 while it is bypassed for that subgraph",
  labelNames: ['subgraph'] as const,
  collect() {
    this.reset();
    for (const source of cacheSources)
      for (const [subgraph, status] of Object.entries(source.listening())) this.set({ subgraph }, status.listening ? 1 : 0);
  },
});

/** The limit each limit error code stands for (the rate limits and connection caps count themselves, see limitRefused). */
const LIMIT_OF_CODE: Readonly<Record<string, string>> = {
  DEPTH_LIMIT_EXCEEDED: 'depth',
  ALIAS_LIMIT_EXCEEDED: 'aliases',
  ROOT_FIELD_LIMIT_EXCEEDED: 'root_fields',
  TOKEN_LIMIT_EXCEEDED: 'tokens',
  CHARACTER_LIMIT_EXCEEDED: 'characters',
  DIRECTIVE_LIMIT_EXCEEDED: 'directives',
  COST_LIMIT_EXCEEDED: 'cost',
};

/** Turns metrics on at start: the service label, Node's own process metrics; or off, recording nothing. */
export function enableMetrics(service: string, on: boolean): void {
  enabled = on;
  if (!on) return;
  register.setDefaultLabels({ service });
  collectDefaultMetrics();
}

export const metricsEnabled = (): boolean => enabled;

export function recordHttpRequest(operation: string | undefined, type: string, code: string, seconds: number): void {
  if (!enabled) return;
  const labels = { operation: type === 'http' ? (operation ?? 'other') : operationLabel(operation), type, code };
  httpRequests.inc(labels);
  httpDuration.observe(labels, seconds);
}

export function recordSubgraphCall(subgraph: string, code: string, seconds: number): void {
  if (!enabled) return;
  subgraphRequests.inc({ subgraph, code });
  subgraphDuration.observe({ subgraph, code }, seconds);
}

/** An error sent to a client; a limit's own code counts as a refusal by that limit too. */
export function recordGraphqlError(code: string): void {
  if (!enabled) return;
  graphqlErrors.inc({ code });
  const limit = LIMIT_OF_CODE[code];
  if (limit) limitRefusals.inc({ limit });
}

/** A refusal by a limit that has no error code of its own: `rate_ip`, `rate_token`, `body_size`, `connections_per_address`. */
export function recordLimitRefusal(limit: string): void {
  if (enabled) limitRefusals.inc({ limit });
}

/** `count` clients received one live event committed at `committedAtMs` (undefined: not known, e.g. a replayed event). */
export function recordLiveDelivery(count: number, committedAtMs: number | undefined): void {
  if (!enabled || count === 0) return;
  liveEventsDelivered.inc(count);
  if (committedAtMs !== undefined) liveEventDelay.observe(Math.max(0, Date.now() - committedAtMs) / 1000);
}

export function recordReplay(): void {
  if (enabled) liveFeedReplays.inc();
}

export function recordUpstreamReconnection(): void {
  if (enabled) upstreamReconnections.inc();
}

/** A count of live-feed clients over `transport`, read at each scrape. */
export function watchLiveFeedClients(transport: string, read: Reading): () => void {
  const readings = liveFeedSources.get(transport) ?? new Set<Reading>();
  liveFeedSources.set(transport, readings);
  readings.add(read);
  return () => readings.delete(read);
}

/** The gateway's upstream subscriptions: held, and connected now. */
export function watchUpstreamSubscriptions(held: Reading, connected: Reading): () => void {
  upstreamSources.held.add(held);
  upstreamSources.connected.add(connected);
  return () => {
    upstreamSources.held.delete(held);
    upstreamSources.connected.delete(connected);
  };
}

/** The gateway's answer cache: its totals and size, and whether it hears each subgraph, read at each scrape. */
export function watchAnswerCache(stats: () => CacheReading, listening: () => Readonly<Record<string, { listening: boolean }>>): () => void {
  const source = { stats, listening };
  cacheSources.add(source);
  return () => cacheSources.delete(source);
}

/** A node-postgres pool (its `totalCount`, `idleCount`, `waitingCount`), read at each scrape. */
export function watchSqlPool(pool: { readonly totalCount: number; readonly idleCount: number; readonly waitingCount: number }): () => void {
  const read = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
  poolSources.add(read);
  return () => poolSources.delete(read);
}

/** The Prometheus text of every metric, and its content type. */
export async function scrapeMetrics(): Promise<{ contentType: string; text: string }> {
  return { contentType: register.contentType, text: await register.metrics() };
}
