import { readSubgraphSettings, type SubgraphSettings } from '@federess/config';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import { createServer as createCollectivites } from '@federess/subgraph-collectivites';
import { createServer as createRencontres } from '@federess/subgraph-rencontres';
import { type OwnerForTests, startOwnerSubgraph, withOwners } from '@federess/subgraph-kit/testing';

/**
 * The subgraphs whose entities a publication references: rencontres (its rencontre, with the
 * documented rencontres and the sample agenda of upcoming ones in five régions) and collectivites
 * (the collectivités it cites), each real, on databases the test files of a run share.
 */
export interface Proprietaires {
  /** The `subgraphUrls` a publications server reaches them at. */
  readonly subgraphUrls: SubgraphSettings['subgraphUrls'];
  readonly rencontresUrl: string;
  stop(): Promise<void>;
}

export async function demarrerProprietaires(): Promise<Proprietaires> {
  const collectivites = await startOwnerSubgraph(
    'collectivites',
    createCollectivites,
    testDatabaseUrl('publications_proprietaire_collectivites'),
  );
  const settings = readSubgraphSettings('rencontres', { FEDERESS_SAMPLE_AGENDA: 'true' });
  let rencontres: OwnerForTests;
  try {
    rencontres = await startOwnerSubgraph('rencontres', createRencontres, testDatabaseUrl('publications_proprietaire_rencontres'), {
      sampleAgenda: true,
      subgraphUrls: withOwners(settings, [collectivites]),
    });
  } catch (error) {
    await collectivites.stop();
    throw error;
  }
  return {
    subgraphUrls: withOwners(readSubgraphSettings('publications', {}), [collectivites, rencontres]),
    rencontresUrl: rencontres.url,
    async stop() {
      await rencontres.stop();
      await collectivites.stop();
    },
  };
}

/** The id of an upcoming rencontre of `region` (from the sample agenda). */
export async function uneRencontreDe(proprietaires: Proprietaires, region: string): Promise<string> {
  const response = await fetch(proprietaires.rencontresUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ rencontres(filtre: { regions: ["${region}"] }, first: 1) { edges { node { id } } } }` }),
  });
  const body = (await response.json()) as { data: { rencontres: { edges: { node: { id: string } }[] } } };
  const [edge] = body.data.rencontres.edges;
  if (!edge) throw new Error(`No rencontre in ${region} in the rencontres seed`);
  return edge.node.id;
}
