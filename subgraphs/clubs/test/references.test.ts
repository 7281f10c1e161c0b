import { freePort } from '@federess/database';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { OwnerForTests } from '@federess/subgraph-kit/testing';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { clubIdOfRegion } from '@federess/vocabulaire';
import { createServer } from '../src/server';
import { ADMIN, post } from '@federess/auth/testing';
import { demarrerCollectivites, reglages } from './proprietaires';

/**
 * A club's member collectivités belong to the collectivites subgraph: modifierClub and creerClub ask
 * it, and refuse an unknown one (BAD_USER_INPUT naming collectiviteIds) or one they cannot check
 * (SUBGRAPH_UNAVAILABLE), writing nothing.
 */

const BRE = clubIdOfRegion('BRE');
const MODIFIER = `mutation($id: ID!, $input: ModifierClubInput!) { modifierClub(id: $id, input: $input) { collectivitesMembres { id } } }`;

describe('subgraph clubs: member collectivités are checked with their subgraph', () => {
  const databaseUrl = testDatabaseUrl('clubs_references');
  let collectivites: OwnerForTests;
  let server: SubgraphServer;
  let sansCollectivites: SubgraphServer;
  let url: string;
  let urlSans: string;

  beforeAll(async () => {
    collectivites = await demarrerCollectivites();
    server = await createServer({ ...reglages(collectivites), databaseUrl });
    url = await server.listen(0);
    const ailleurs = { ...reglages(collectivites).subgraphUrls, collectivites: `http://127.0.0.1:${await freePort()}/graphql` };
    sansCollectivites = await createServer({ ...reglages(collectivites, {}, { subgraphUrls: ailleurs }), databaseUrl });
    urlSans = await sansCollectivites.listen(0);
  });
  afterAll(async () => {
    await sansCollectivites?.stop();
    await server?.stop();
    await collectivites?.stop();
  });

  const membres = async (): Promise<string[]> =>
    (
      await server.dataSource.query<{ collectivite_id: string }[]>(
        'SELECT collectivite_id FROM club_collectivite WHERE club_id = $1 ORDER BY 1',
        [BRE],
      )
    ).map((r) => r.collectivite_id);

  it('refuses an unknown member collectivité, and one it cannot check, changing nothing', async () => {
    const avant = await membres();
    const inconnue = await post(url, MODIFIER, { id: BRE, input: { collectiviteIds: ['COMMUNE:35238', 'COMMUNE:00000'] } }, ADMIN);
    expect(inconnue.errors?.map((e) => [e.extensions?.code, e.extensions?.champ])).toEqual([['BAD_USER_INPUT', 'collectiviteIds']]);
    expect(inconnue.errors?.[0]?.message).toMatch(/COMMUNE:00000/);
    const injoignable = await post(urlSans, MODIFIER, { id: BRE, input: { collectiviteIds: ['COMMUNE:35238'] } }, ADMIN);
    expect(injoignable.errors?.map((e) => e.extensions?.code)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(await membres()).toEqual(avant);
  });

  it('writes known ones', async () => {
    const { data, errors } = (await post(
      url,
      MODIFIER,
      { id: BRE, input: { collectiviteIds: ['COMMUNE:35238', 'EPCI:243500139'] } },
      ADMIN,
    )) as {
      data: { modifierClub: { collectivitesMembres: { id: string }[] } };
      errors?: unknown;
    };
    expect(errors).toBeUndefined();
    expect(data.modifierClub.collectivitesMembres).toEqual([{ id: 'COMMUNE:35238' }, { id: 'EPCI:243500139' }]);
  });
});
