import { childEnvironment, readLauncherSettings, SUBGRAPH_NAMES } from '@federess/config';
import { freePort } from '@federess/database';
import { startHub, type RunningHub } from '@federess/launcher';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import { graphqlRequest } from '@federess/server-kit/testing';
import type { Data } from './graph';

export type { GraphQLBody as GraphQLResponse } from '@federess/server-kit/testing';

/**
 * Starts the real hub, as `pnpm start` does (one process per subgraph, then the gateway), on the
 * test run's Postgres and on free ports. `prefix` gives each test file databases of its own. The
 * sample agenda is seeded too: the tests need upcoming rencontres in several régions.
 */
export async function startTestHub(prefix: string, extraEnv: Record<string, string> = {}): Promise<RunningHub> {
  const ports = { gateway: await freePort() } as Record<string, number>;
  const env: Record<string, string> = { FEDERESS_SAMPLE_AGENDA: 'true', ...extraEnv };
  for (const name of SUBGRAPH_NAMES) {
    ports[name] = await freePort();
    env[`${name.toUpperCase()}_DATABASE_URL`] = testDatabaseUrl(`${prefix}_${name}`);
  }
  const settings = readLauncherSettings({ DATABASE_URL: testDatabaseUrl('postgres'), ...env });
  return startHub({ ...settings, ports: ports as typeof settings.ports }, { env: childEnvironment(env), log: () => undefined });
}

/** POSTs one operation to the gateway (or a subgraph), with `Data` as the default shape of its answer. */
export const graphql = <TData = Data>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) => graphqlRequest<TData>(url, query, variables, headers);
