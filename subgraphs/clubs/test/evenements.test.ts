import { readSubgraphSettings } from '@federess/config';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { clubIdOfRegion, stableUuid } from '@federess/vocabulaire';
import { createServer } from '../src/server';
import { ADMIN, post } from '@federess/auth/testing';

const BRE = clubIdOfRegion('BRE');
const MODIFIER = `mutation($id: ID!, $input: ModifierClubInput!) { modifierClub(id: $id, input: $input) { id } }`;
const CREER = `mutation($input: CreerClubInput!) { creerClub(input: $input) { id } }`;

/**
 * Each change of a club writes one event in the outbox every subgraph shares, in the change's own
 * transaction, naming what the change may alter: the club, its région, the collectivités that joined
 * or left it, the list of clubs (and, for a creation, the lookup by id).
 */
describe('subgraph clubs: change events', () => {
  const databaseUrl = testDatabaseUrl('clubs_evenements');
  let server: SubgraphServer;
  let url: string;

  const eventsAfter = async (id: string) =>
    server.dataSource.query<Record<string, unknown>[]>(
      'SELECT type, entite, entite_id, region, revision, entites, listes FROM evenement WHERE id > $1 ORDER BY id',
      [id],
    );
  const head = async () =>
    (await server.dataSource.query<{ id: string }[]>('SELECT coalesce(max(id), 0)::text AS id FROM evenement'))[0]?.id ?? '0';

  beforeAll(async () => {
    server = await createServer({ ...readSubgraphSettings('clubs', {}), databaseUrl });
    url = await server.listen(0);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('announces its start as a change of anything it serves', async () => {
    expect(await server.dataSource.query("SELECT listes FROM evenement WHERE type = 'REDEMARRAGE'")).toEqual([{ listes: ['*'] }]);
  });

  it('a modification names the club, its région and only the collectivités that joined or left it', async () => {
    await post(url, MODIFIER, { id: BRE, input: { collectiviteIds: ['COMMUNE:35238', 'COMMUNE:29019'] } }, ADMIN);
    const before = await head();
    const { errors } = await post(
      url,
      MODIFIER,
      { id: BRE, input: { nom: 'Club BRE', collectiviteIds: ['COMMUNE:35238', 'COMMUNE:56121'] } },
      ADMIN,
    );
    expect(errors).toBeUndefined();
    expect(await eventsAfter(before)).toEqual([
      {
        type: 'MODIFIE',
        entite: 'Club',
        entite_id: BRE,
        region: 'BRE',
        revision: null,
        entites: [`Club:${BRE}`, 'Region:BRE', 'Collectivite:COMMUNE:29019', 'Collectivite:COMMUNE:56121'],
        listes: ['Query.clubs'],
      },
    ]);
  });

  it('a creation names the lookup by id too', async () => {
    const before = await head();
    const { errors } = await post(url, CREER, { input: { region: 'IDF', nom: 'Club IDF', collectiviteIds: ['COMMUNE:75056'] } }, ADMIN);
    expect(errors).toBeUndefined();
    const id = clubIdOfRegion('IDF');
    expect(await eventsAfter(before)).toEqual([
      expect.objectContaining({
        type: 'CREE',
        entite_id: id,
        entites: [`Club:${id}`, 'Region:IDF', 'Collectivite:COMMUNE:75056'],
        listes: ['Query.clubs', 'Query.club'],
      }),
    ]);
  });

  it('a change refused halfway through writes no event (rolled back with it)', async () => {
    const before = await head();
    const rtes = stableUuid('organisation:rtes');
    // The club row is updated before the lists are checked: the refusal rolls the update back, and the event.
    const { errors } = await post(url, MODIFIER, { id: BRE, input: { nom: 'Jamais', animateurIds: [rtes], partenaireIds: [rtes] } }, ADMIN);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await eventsAfter(before)).toEqual([]);
  });
});
