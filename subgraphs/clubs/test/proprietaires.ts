import { readSubgraphSettings, type SubgraphSettings } from '@federess/config';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import { createServer as createCollectivites } from '@federess/subgraph-collectivites';
import { type OwnerForTests, startOwnerSubgraph, withOwners } from '@federess/subgraph-kit/testing';

/** The collectivites subgraph, asked whether a club's member collectivités exist, on a database the test files share. */
export function demarrerCollectivites(): Promise<OwnerForTests> {
  return startOwnerSubgraph('collectivites', createCollectivites, testDatabaseUrl('clubs_proprietaire_collectivites'));
}

/** The settings of a clubs server that reaches `collectivites`, with `env` and `overrides`. */
export function reglages(
  collectivites: OwnerForTests,
  env: Record<string, string> = {},
  overrides: Partial<SubgraphSettings> = {},
): SubgraphSettings {
  const settings = readSubgraphSettings('clubs', env);
  return { ...settings, subgraphUrls: withOwners(settings, [collectivites]), ...overrides };
}
