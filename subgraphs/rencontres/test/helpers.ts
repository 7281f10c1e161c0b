import { readSubgraphSettings, type SubgraphSettings } from '@federess/config';
import { StatementCounter } from '@federess/database';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import { createServer as createCollectivites } from '@federess/subgraph-collectivites';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { type OwnerForTests, startOwnerSubgraph, withOwners } from '@federess/subgraph-kit/testing';
import { clubIdOfRegion } from '@federess/vocabulaire';
import { createServer } from '../src/server';
import { ADMIN, post, type TestCaller } from '@federess/auth/testing';
import { dataOf, type GraphQLBody } from '@federess/server-kit/testing';
import type { Data, Rencontre } from './graph';

export { codeOf, dataOf, type GraphQLBody } from '@federess/server-kit/testing';

export interface TestServer {
  readonly server: SubgraphServer;
  readonly url: string;
  readonly counter: StatementCounter;
  /**
   * Sends an operation as `caller`: the national admin by default (it may do and see everything, as
   * every caller could before authorisation existed); `null` for an anonymous caller.
   */
  gql<TData = Data>(query: string, variables?: Record<string, unknown>, caller?: TestCaller): Promise<GraphQLBody<TData>>;
  stop(): Promise<void>;
}

/**
 * The collectivites subgraph, which the writes of this one ask whether a collectivité exists: one
 * for the test servers of a file, stopped with the last of them.
 */
let collectivites: { owner: Promise<OwnerForTests>; users: number } | undefined;

function collectivitesSubgraph(): Promise<OwnerForTests> {
  collectivites ??= {
    owner: startOwnerSubgraph('collectivites', createCollectivites, testDatabaseUrl('rencontres_proprietaire_collectivites')),
    users: 0,
  };
  collectivites.users += 1;
  return collectivites.owner;
}

async function releaseCollectivites(): Promise<void> {
  if (!collectivites || --collectivites.users > 0) return;
  const { owner } = collectivites;
  collectivites = undefined;
  await (await owner).stop();
}

/**
 * Starts the real subgraph in-process on its own database of the run's throwaway Postgres, with the
 * real collectivites subgraph beside it (`overrides.subgraphUrls` may point elsewhere).
 */
export async function startTestServer(database: string, overrides: Partial<SubgraphSettings> = {}): Promise<TestServer> {
  const counter = new StatementCounter();
  const base = readSubgraphSettings('rencontres', {});
  const settings: SubgraphSettings = {
    ...base,
    databaseUrl: testDatabaseUrl(database),
    subgraphUrls: withOwners(base, [await collectivitesSubgraph()]),
    ...overrides,
  };
  const server = await createServer(settings, { logger: counter });
  const url = await server.listen(0);
  return {
    server,
    url,
    counter,
    gql: (query, variables, caller = ADMIN) => post(url, query, variables, caller),
    stop: async () => {
      await server.stop();
      await releaseCollectivites();
    },
  };
}

export const CLUB_ARA = clubIdOfRegion('ARA');
export const CLUB_BRE = clubIdOfRegion('BRE');

const DAY = 86_400_000;
/** An ISO instant `days` from now, at a round hour. */
export function inDays(days: number, hour = 9): string {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
}

export const CREER = `mutation($input: CreerRencontreInput!) {
  creerRencontre(input: $input) { id titre statut revision debut fin format capacite region { code } club { id }
    sessions { ordre debut fin lienEnLigne lieu { nom commune { id } } } intervenants { nom role collectivite { id } } }
}`;

/** A valid one-session input in ARA; override what a test needs. */
export function rencontreInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clubId: CLUB_ARA,
    titre: 'Rencontre de test',
    thematiques: ['ECONOMIE_CIRCULAIRE'],
    format: 'PRESENTIEL',
    debut: inDays(30, 8),
    fin: inDays(30, 11),
    lieu: { nom: 'Hôtel de ville', communeId: 'COMMUNE:69123' },
    ...overrides,
  };
}

export async function creer(t: TestServer, overrides: Record<string, unknown> = {}): Promise<Rencontre> {
  return dataOf(await t.gql(CREER, { input: rencontreInput(overrides) })).creerRencontre;
}

export const INSCRIRE = `mutation($id: ID!, $input: InscriptionInput!) {
  inscrire(rencontreId: $id, input: $input) { id statut email personne { prenom nom } collectivite { id } rencontre { id statut nombreInscrits placesRestantes } }
}`;

export function personne(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    prenom: `Prénom${n}`,
    nom: `Nom${n}`,
    email: `personne${n}@example.org`,
    qualite: 'AGENT',
    collectiviteId: 'COMMUNE:69123',
    ...overrides,
  };
}
