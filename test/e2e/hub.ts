import {
  childEnvironment,
  DEVELOPMENT_GATEWAY_SECRET,
  DEVELOPMENT_JWT_SECRET,
  readLauncherSettings,
  SUBGRAPH_NAMES,
} from '@federess/config';
import { freePort } from '@federess/database';
import { type RunningHub, type ServiceProcess, startHub, startService } from '@federess/launcher';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import { graphqlRequest } from '@federess/server-kit/testing';
import type { Data } from './graph';
import { ServiceLogs } from './service-logs';

export type { GraphQLBody as GraphQLResponse } from '@federess/server-kit/testing';

/** A hub of a test file, with what its services write (see ServiceLogs). */
export interface TestHub extends RunningHub {
  readonly logs: ServiceLogs;
  /** Starts one more service beside the hub's (another replica, another gateway), its output in `logs` too. */
  startService(name: string, entry: string, env: NodeJS.ProcessEnv): ServiceProcess;
}

/**
 * Starts the real hub, as `pnpm start` does (one process per subgraph, then the gateway), on the
 * test run's Postgres and on free ports. `prefix` gives each test file databases of its own. The
 * sample agenda is seeded too: the tests need upcoming rencontres in several régions. What the
 * services write goes to `logs` (and the run's log directory), not to the test's output.
 */
export async function startTestHub(prefix: string, extraEnv: Record<string, string> = {}): Promise<TestHub> {
  const ports = { gateway: await freePort() } as Record<string, number>;
  const env: Record<string, string> = { FEDERESS_SAMPLE_AGENDA: 'true', ...extraEnv };
  for (const name of SUBGRAPH_NAMES) {
    ports[name] = await freePort();
    env[`${name.toUpperCase()}_DATABASE_URL`] = testDatabaseUrl(`${prefix}_${name}`);
  }
  const settings = readLauncherSettings({ DATABASE_URL: testDatabaseUrl('postgres'), ...env });
  const logs = new ServiceLogs(prefix, [
    env.FEDERESS_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    env.FEDERESS_GATEWAY_SECRET ?? DEVELOPMENT_GATEWAY_SECRET,
  ]);
  const hub = await startHub(
    { ...settings, ports: ports as typeof settings.ports },
    { env: childEnvironment(env), log: () => undefined, output: logs.output },
  );
  return {
    ...hub,
    logs,
    startService: (name, entry, serviceEnv) => startService(name, entry, serviceEnv, { output: (line) => logs.output(name, line) }),
  };
}

/** POSTs one operation to the gateway (or a subgraph), with `Data` as the default shape of its answer. */
export const graphql = <TData = Data>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) => graphqlRequest<TData>(url, query, variables, headers);
