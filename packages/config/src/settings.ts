import * as os from 'node:os';
import * as path from 'node:path';
import { type Environment, readBoolean, readChoice, readHttpUrl, readInteger, readOptionalString, readString } from './read';
import { type AuthSettings, readAuthSettings } from './auth-settings';
import { type LimitSettings, readLimitSettings } from './limit-settings';
import { type ObservabilitySettings, readObservabilitySettings } from './observability-settings';
import { readSqlSettings, type SqlSettings } from './sql-settings';
import { type CorsSettings, readCorsSettings } from './web-settings';

export const SUBGRAPH_NAMES = ['clubs', 'rencontres', 'publications', 'collectivites'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Default ports: the gateway on 4000, then one port per subgraph in the order above. */
export const DEFAULT_PORTS: Readonly<Record<SubgraphName | 'gateway', number>> = {
  gateway: 4000,
  clubs: 4001,
  rencontres: 4002,
  publications: 4003,
  collectivites: 4004,
};

export const MODES = ['development', 'production'] as const;
export type Mode = (typeof MODES)[number];

export interface CommonSettings {
  /** `FEDERESS_MODE` (default `development`): production hides internal error details. */
  readonly mode: Mode;
  /** `HOST` (default `127.0.0.1`): the interface servers listen on; `0.0.0.0` in containers. */
  readonly host: string;
  /** Token verification and the gateway's shared secret: see AuthSettings for each setting and default. */
  readonly auth: AuthSettings;
  /** The abuse limits every server applies: see LimitSettings for each setting and default. */
  readonly limits: LimitSettings;
  /** Metrics, traces, logs and the drain at shutdown: see ObservabilitySettings for each setting and default. */
  readonly observability: ObservabilitySettings;
  /** Which web pages may call the server from a browser: see CorsSettings. */
  readonly cors: CorsSettings;
}

export interface SubgraphSettings extends CommonSettings {
  readonly name: SubgraphName;
  /** `<NAME>_PORT`, e.g. `CLUBS_PORT` (defaults: 4001–4004). */
  readonly port: number;
  /**
   * The subgraph's own database. `<NAME>_DATABASE_URL` names it exactly; otherwise it is database
   * `federess_<name>` on the server of `DATABASE_URL`, created if missing. Undefined when neither is set.
   */
  readonly databaseUrl: string | undefined;
  /** `FEDERESS_REGION` (default: none, national): the region code a regional site's instance is scoped to. */
  readonly region: string | undefined;
  /** `FEDERESS_SEED` (default `true`): load the seed data at start (idempotent, skipped when up to date). */
  readonly seed: boolean;
  /**
   * `FEDERESS_SAMPLE_AGENDA` (default `true` in development, `false` in production): also seed a sample
   * quarterly agenda of upcoming club meetings in six régions (invented dates, places and example.org
   * links, with example registrations). The source documents hold only past rencontres, nearly all
   * before 2024 outside Bretagne: a local hub shows the network's shape with it; a production hub
   * holds only what the documents say.
   */
  readonly sampleAgenda: boolean;
  /** `FEDERESS_EVENT_RETENTION_DAYS` (default 30): how long live-feed events stay replayable with `apres`. */
  readonly eventRetentionDays: number;
  /** Timeouts and pool size of the calls to the database: see SqlSettings for each setting and default. */
  readonly sql: SqlSettings;
  /**
   * `<NAME>_URL`, e.g. `COLLECTIVITES_URL` (default `http://localhost:<port>/graphql`): where the
   * other subgraphs answer. A write that references another subgraph's entity (a rencontre, a
   * collectivité) asks its owner whether it exists, at this URL (see docs/graph-contract.md).
   */
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** `FEDERESS_SUBGRAPH_TIMEOUT_MS` (default 10000): the longest one call to another subgraph may take. */
  readonly subgraphTimeoutMs: number;
}

export interface GatewaySettings extends CommonSettings {
  /** `GATEWAY_PORT` (default 4000). */
  readonly port: number;
  /** `FEDERESS_SUPERGRAPH` (default: the composed `supergraph.graphql` shipped with the gateway). */
  readonly supergraphPath: string | undefined;
  /** `<NAME>_URL`, e.g. `CLUBS_URL` (default `http://localhost:<port>/graphql`): where each subgraph answers (its first replica). */
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /**
   * `<NAME>_URL` as a comma-separated list, e.g. `RENCONTRES_URL=http://a:4002/graphql,http://b:4002/graphql`:
   * every replica of each subgraph. The gateway spreads its calls over them, and moves a call or a
   * live feed to the next one when a replica refuses connections (stopped, draining, down).
   */
  readonly subgraphReplicaUrls: Readonly<Record<SubgraphName, readonly string[]>>;
  /** `FEDERESS_SUBGRAPH_TIMEOUT_MS` (default 10000): the longest the gateway waits for one subgraph call. */
  readonly subgraphTimeoutMs: number;
  /** The exact-freshness cache of subgraph answers: see GatewayCacheSettings. */
  readonly cache: GatewayCacheSettings;
  /**
   * `FEDERESS_GRAPHIQL` (default `true` in development, `false` in production): serve GraphiQL at `/`.
   * Hidden, the path answers 404 like any other unknown one.
   */
  readonly graphiql: boolean;
  /**
   * `FEDERESS_PUBLIC_URL` (default `http://localhost:<GATEWAY_PORT>`): the gateway's address as its
   * readers reach it, behind any proxy. Calendars, feeds, pages and the sitemap link to it, and every
   * calendar event's UID ends with its host: set it once, and keep it, or calendars see new events.
   */
  readonly publicUrl: string;
}

export interface GatewayCacheSettings {
  /** `FEDERESS_CACHE` (default `true`): cache subgraph answers, evicted by the subgraphs' change events. */
  readonly enabled: boolean;
  /** `FEDERESS_CACHE_MAX_MB` (default 64): the most the cached answers may hold, in MiB (the least recently used go first). */
  readonly maxBytes: number;
  /**
   * Where the gateway LISTENs to each subgraph's change events: the subgraph's own database, set as
   * for the subgraph (`<NAME>_DATABASE_URL`, or `federess_<name>` on `DATABASE_URL`). A subgraph
   * without one is never cached (nothing would tell the gateway its answers changed).
   */
  readonly eventDatabaseUrls: Readonly<Partial<Record<SubgraphName, string>>>;
}

export interface LauncherSettings extends CommonSettings {
  /** `DATABASE_URL` (default: none, an embedded Postgres is started): an external Postgres server. */
  readonly databaseUrl: string | undefined;
  /** `FEDERESS_DATA_DIR` (default `<tmpdir>/federess/pgdata`): the embedded Postgres data, kept across restarts. */
  readonly dataDir: string;
  /** `FEDERESS_PG_PORT` (default 5488): the embedded Postgres port. */
  readonly pgPort: number;
  readonly ports: Readonly<Record<SubgraphName | 'gateway', number>>;
}

function envName(name: SubgraphName, suffix: string): string {
  return `${name.toUpperCase()}_${suffix}`;
}

/** `DATABASE_URL` with its database replaced by `database`: how one server holds one database per subgraph. */
export function databaseUrlOn(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function subgraphDatabaseName(name: SubgraphName): string {
  return `federess_${name}`;
}

function common(env: Environment): CommonSettings {
  const mode = readChoice(env, 'FEDERESS_MODE', MODES, 'development');
  return {
    mode,
    host: readString(env, 'HOST', '127.0.0.1'),
    auth: readAuthSettings(env, mode === 'production'),
    limits: readLimitSettings(env),
    observability: readObservabilitySettings(env, mode === 'production'),
    cors: readCorsSettings(env),
  };
}

/** Mode, host and authentication alone: for tools such as `pnpm token` that are not a server. */
export function readCommonSettings(env: Environment = process.env): CommonSettings {
  return common(env);
}

/** A subgraph's database: `<NAME>_DATABASE_URL`, or database `federess_<name>` on the server of `DATABASE_URL`. */
function subgraphDatabaseUrl(env: Environment, name: SubgraphName): string | undefined {
  const server = readOptionalString(env, 'DATABASE_URL');
  return readOptionalString(env, envName(name, 'DATABASE_URL')) ?? (server ? databaseUrlOn(server, subgraphDatabaseName(name)) : undefined);
}

/** Where each subgraph's replicas answer: `<NAME>_URL` (a comma-separated list), or the default port of `<NAME>_PORT` on localhost. */
function readSubgraphReplicaUrls(env: Environment): Readonly<Record<SubgraphName, readonly string[]>> {
  return Object.fromEntries(
    SUBGRAPH_NAMES.map((name): [SubgraphName, readonly string[]] => [
      name,
      readString(env, envName(name, 'URL'), `http://localhost:${readInteger(env, envName(name, 'PORT'), DEFAULT_PORTS[name])}/graphql`)
        .split(',')
        .map((url) => url.trim())
        .filter((url) => url.length > 0),
    ]),
  ) as Record<SubgraphName, readonly string[]>;
}

/** The first replica of each subgraph: where a subgraph asks another about the entities it owns. */
function firstReplicas(replicas: Readonly<Record<SubgraphName, readonly string[]>>): Readonly<Record<SubgraphName, string>> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, replicas[name][0] ?? ''])) as Record<SubgraphName, string>;
}

const readSubgraphTimeout = (env: Environment): number => readInteger(env, 'FEDERESS_SUBGRAPH_TIMEOUT_MS', 10_000, 1);

export function readSubgraphSettings(name: SubgraphName, env: Environment = process.env): SubgraphSettings {
  const settings = common(env);
  return {
    ...settings,
    name,
    port: readInteger(env, envName(name, 'PORT'), DEFAULT_PORTS[name]),
    databaseUrl: subgraphDatabaseUrl(env, name),
    region: readOptionalString(env, 'FEDERESS_REGION')?.toUpperCase(),
    seed: readBoolean(env, 'FEDERESS_SEED', true),
    sampleAgenda: readBoolean(env, 'FEDERESS_SAMPLE_AGENDA', settings.mode === 'development'),
    eventRetentionDays: readInteger(env, 'FEDERESS_EVENT_RETENTION_DAYS', 30, 1),
    sql: readSqlSettings(env),
    subgraphUrls: firstReplicas(readSubgraphReplicaUrls(env)),
    subgraphTimeoutMs: readSubgraphTimeout(env),
  };
}

export function readGatewaySettings(env: Environment = process.env): GatewaySettings {
  const port = readInteger(env, 'GATEWAY_PORT', DEFAULT_PORTS.gateway);
  const settings = common(env);
  const replicas = readSubgraphReplicaUrls(env);
  return {
    ...settings,
    port,
    supergraphPath: readOptionalString(env, 'FEDERESS_SUPERGRAPH'),
    subgraphUrls: firstReplicas(replicas),
    subgraphReplicaUrls: replicas,
    subgraphTimeoutMs: readSubgraphTimeout(env),
    graphiql: readBoolean(env, 'FEDERESS_GRAPHIQL', settings.mode === 'development'),
    cache: {
      enabled: readBoolean(env, 'FEDERESS_CACHE', true),
      maxBytes: readInteger(env, 'FEDERESS_CACHE_MAX_MB', 64, 1) * 1024 * 1024,
      eventDatabaseUrls: Object.fromEntries(
        SUBGRAPH_NAMES.flatMap((name) => {
          const url = subgraphDatabaseUrl(env, name);
          return url ? [[name, url]] : [];
        }),
      ),
    },
    publicUrl: readHttpUrl(env, 'FEDERESS_PUBLIC_URL', `http://localhost:${port}`),
  };
}

export function readLauncherSettings(env: Environment = process.env): LauncherSettings {
  const ports = Object.fromEntries(
    (['gateway', ...SUBGRAPH_NAMES] as const).map((name) => [
      name,
      readInteger(env, name === 'gateway' ? 'GATEWAY_PORT' : envName(name, 'PORT'), DEFAULT_PORTS[name]),
    ]),
  ) as Record<SubgraphName | 'gateway', number>;
  return {
    ...common(env),
    databaseUrl: readOptionalString(env, 'DATABASE_URL'),
    dataDir: readString(env, 'FEDERESS_DATA_DIR', path.join(os.tmpdir(), 'federess', 'pgdata')),
    pgPort: readInteger(env, 'FEDERESS_PG_PORT', 5488, 1),
    ports,
  };
}
