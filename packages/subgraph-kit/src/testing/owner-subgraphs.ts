import { readSubgraphSettings, type SubgraphName, type SubgraphSettings } from '@federess/config';
import type { SubgraphServer } from '../subgraph-server';

/** How a subgraph package creates its server (its `createServer`). */
export type CreateSubgraphServer = (settings: SubgraphSettings) => Promise<SubgraphServer>;

/** A subgraph started in-process for another subgraph's tests. */
export interface OwnerForTests {
  readonly name: SubgraphName;
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts, for another subgraph's tests, the real subgraph that owns entities its writes reference
 * (collectivites for a registration's collectivité, rencontres for a publication's rencontre), on
 * its own database of the test run's Postgres and a free port. Databases named alike are shared by
 * the test files of a run: the COG referential is loaded once, later starts skip the seed.
 */
export async function startOwnerSubgraph(
  name: SubgraphName,
  create: CreateSubgraphServer,
  databaseUrl: string,
  overrides: Partial<SubgraphSettings> = {},
): Promise<OwnerForTests> {
  const server = await create({ ...readSubgraphSettings(name, {}), databaseUrl, ...overrides });
  return { name, url: await server.listen(0), stop: () => server.stop() };
}

/** The `subgraphUrls` of settings whose owners are these (the others keep their defaults, and are not called). */
export function withOwners(settings: SubgraphSettings, owners: readonly OwnerForTests[]): SubgraphSettings['subgraphUrls'] {
  return { ...settings.subgraphUrls, ...Object.fromEntries(owners.map((o) => [o.name, o.url])) };
}
