import { type LauncherSettings, SUBGRAPH_NAMES, type SubgraphName } from '@federess/config';
import { startEmbeddedPostgres } from '@federess/database';
import { entryOf, type ServiceProcess, startService, waitHealthy } from './service-process';

/** Each service's offset from FEDERESS_METRICS_PORT, when the hub is given one: the order of the default ports. */
const METRICS_PORT_OFFSETS: Readonly<Record<'gateway' | (typeof SUBGRAPH_NAMES)[number], number>> = {
  gateway: 0,
  clubs: 1,
  rencontres: 2,
  publications: 3,
  collectivites: 4,
};

export interface RunningHub {
  readonly gatewayUrl: string;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  readonly databaseUrl: string;
  /** The environment the services run with (to start another replica like them). */
  readonly env: NodeJS.ProcessEnv;
  /** The running service processes by name (`gateway`, `clubs`, …). */
  readonly services: Readonly<Record<SubgraphName | 'gateway', ServiceProcess>>;
  /**
   * Stops the gateway, the subgraphs, then the embedded Postgres if this hub started it. The caller
   * calls it on SIGINT, SIGTERM and SIGHUP: an embedded Postgres does not stop itself on a signal here.
   */
  stop(): Promise<void>;
}

export interface HubOptions {
  /** The environment handed to the services (the launcher's own, plus what the hub sets). */
  readonly env: NodeJS.ProcessEnv;
  /** Progress lines (default: console.log). */
  readonly log?: (line: string) => void;
  /** How long each service may take to become healthy (default 120 s: a first start loads the COG). */
  readonly startTimeoutMs?: number;
  /** Each line a service writes (default: this process's output, prefixed with the service's name). */
  readonly output?: (service: string, line: string, stream: 'stdout' | 'stderr') => void;
}

/** One value per name, as a record keyed by those names. */
function recordOf<K extends string, V>(names: readonly K[], value: (name: K) => V): Record<K, V> {
  // fromEntries types its keys as string: here they are exactly `names`.
  return Object.fromEntries(names.map((name) => [name, value(name)])) as Record<K, V>;
}

/**
 * Starts the whole hub: Postgres (embedded unless a server URL is configured), the four subgraphs
 * (each creates and migrates its own database, then seeds), then the gateway once they are healthy.
 */
export async function startHub(settings: LauncherSettings, options: HubOptions): Promise<RunningHub> {
  const log = options.log ?? ((line: string) => console.log(line));
  const timeout = options.startTimeoutMs ?? 120_000;
  const started: ServiceProcess[] = [];
  let stopPostgres = (): Promise<void> => Promise.resolve();

  const stopAll = async () => {
    for (const service of started.reverse()) await service.stop();
    await stopPostgres();
  };

  try {
    let databaseUrl = settings.databaseUrl;
    if (!databaseUrl) {
      log(`Postgres: starting the embedded server (data in ${settings.dataDir})`);
      // Whoever runs the hub stops it (services first, then Postgres) on a signal: see `stop` below.
      const pg = await startEmbeddedPostgres({ dataDir: settings.dataDir, port: settings.pgPort, stopOnSignals: false });
      log(`Postgres: ${pg.created ? 'new cluster created' : 'existing data reused'}, port ${settings.pgPort}`);
      databaseUrl = pg.url;
      stopPostgres = () => pg.stop();
    } else {
      log('Postgres: using DATABASE_URL');
    }

    const host = settings.host === '0.0.0.0' ? 'localhost' : settings.host;
    const urlOf = (port: number) => `http://${host}:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...options.env,
      DATABASE_URL: databaseUrl,
      FEDERESS_MODE: settings.mode,
      HOST: settings.host,
      GATEWAY_PORT: String(settings.ports.gateway),
    };
    for (const name of SUBGRAPH_NAMES) {
      env[`${name.toUpperCase()}_PORT`] = String(settings.ports[name]);
      env[`${name.toUpperCase()}_URL`] = `${urlOf(settings.ports[name])}/graphql`;
    }

    const { output } = options;
    const { metricsPort, drainTimeoutMs } = settings.observability;
    const start = (name: keyof typeof METRICS_PORT_OFFSETS, entry: string) =>
      startService(
        name,
        entry,
        metricsPort === undefined ? env : { ...env, FEDERESS_METRICS_PORT: String(metricsPort + METRICS_PORT_OFFSETS[name]) },
        { output: output && ((line, stream) => output(name, line, stream)), killAfterMs: drainTimeoutMs + 5_000 },
      );
    log(`Subgraphs: starting ${SUBGRAPH_NAMES.join(', ')} (migrations, then seed data)`);
    const subgraphs = recordOf(SUBGRAPH_NAMES, (name) => start(name, entryOf(`@federess/subgraph-${name}`)));
    started.push(...Object.values(subgraphs));
    await Promise.all(SUBGRAPH_NAMES.map((name) => waitHealthy(subgraphs[name], `${urlOf(settings.ports[name])}/health`, timeout)));

    log('Gateway: starting');
    const gateway = start('gateway', entryOf('@federess/gateway'));
    started.push(gateway);
    await waitHealthy(gateway, `${urlOf(settings.ports.gateway)}/health`, timeout);

    return {
      gatewayUrl: `${urlOf(settings.ports.gateway)}/graphql`,
      subgraphUrls: recordOf(SUBGRAPH_NAMES, (name) => `${urlOf(settings.ports[name])}/graphql`),
      databaseUrl,
      env,
      services: { ...subgraphs, gateway },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
