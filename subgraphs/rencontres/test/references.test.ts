import { freePort } from '@federess/database';
import { readSubgraphSettings } from '@federess/config';
import {
  CREER,
  INSCRIRE,
  creer,
  dataOf,
  type GraphQLBody,
  inDays,
  personne,
  rencontreInput,
  startTestServer,
  type TestServer,
} from './helpers';

/**
 * The collectivités a write names — a registration's `collectiviteId`, a place's `communeId`, an
 * intervenant's collectivité — belong to the collectivites subgraph, which this one cannot read:
 * it is asked at write time. An unknown one is BAD_USER_INPUT naming the field; when it cannot be
 * asked, the write is refused with SUBGRAPH_UNAVAILABLE. Either way, nothing is written.
 */

const MODIFIER = `mutation($id: ID!, $input: ModifierRencontreInput!) { modifierRencontre(id: $id, input: $input) { id } }`;

/** Each error's code, and what it names: the field refused, or the subgraph that could not be asked. */
const refus = (body: GraphQLBody) =>
  body.errors?.map((e) => [
    e.extensions?.code,
    e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' ? e.extensions.serviceName : e.extensions?.champ,
  ]);

describe('references to the collectivites subgraph', () => {
  let t: TestServer;
  let sansCollectivites: TestServer;
  beforeAll(async () => {
    t = await startTestServer('rencontres_references', { seed: false });
    // The same subgraph, with the collectivites subgraph nowhere to be reached.
    const ailleurs = `http://127.0.0.1:${await freePort()}/graphql`;
    sansCollectivites = await startTestServer('rencontres_references', {
      seed: false,
      subgraphUrls: { ...readSubgraphSettings('rencontres', {}).subgraphUrls, collectivites: ailleurs },
    });
  });
  afterAll(async () => {
    await sansCollectivites?.stop();
    await t?.stop();
  });

  const lignes = async (): Promise<Record<string, number>> => {
    const [row] = await t.server.dataSource.query<[Record<string, number>]>(
      `SELECT (SELECT count(*)::int FROM rencontre) AS rencontres, (SELECT count(*)::int FROM inscription) AS inscriptions,
              (SELECT count(*)::int FROM evenement) AS evenements`,
    );
    return row;
  };

  it('registers a person of a collectivité the referential has, refuses one it has not', async () => {
    const r = await creer(t);
    const inscrite = dataOf(await t.gql(INSCRIRE, { id: r.id, input: personne(1, { collectiviteId: 'COMMUNE:42218' }) }));
    expect(inscrite.inscrire.collectivite).toEqual({ id: 'COMMUNE:42218' });
    const avant = await lignes();
    const refusee = await t.gql(INSCRIRE, { id: r.id, input: personne(2, { collectiviteId: 'COMMUNE:00000' }) });
    expect(refus(refusee)).toEqual([['BAD_USER_INPUT', 'collectiviteId']]);
    expect(refusee.errors?.[0]?.message).toMatch(/COMMUNE:00000/);
    expect(await lignes()).toEqual(avant);
  });

  it.each([
    ['lieu.communeId', { lieu: { nom: 'Salle', communeId: 'COMMUNE:99999' } }],
    [
      'sessions[1].lieu.communeId',
      {
        debut: undefined,
        fin: undefined,
        sessions: [
          { debut: inDays(30, 8), fin: inDays(30, 11) },
          { debut: inDays(31, 8), fin: inDays(31, 11), lieu: { nom: 'Salle', communeId: 'COMMUNE:99998' } },
        ],
      },
    ],
    [
      'intervenants[1].collectiviteId',
      {
        intervenants: [
          { nom: 'A', collectiviteId: 'EPCI:200046977' },
          { nom: 'B', collectiviteId: 'EPCI:000000000' },
        ],
      },
    ],
  ])('refuses a rencontre whose %s is unknown, and writes nothing', async (champ, changes) => {
    const avant = await lignes();
    expect(refus(await t.gql(CREER, { input: rencontreInput(changes) }))).toEqual([['BAD_USER_INPUT', champ]]);
    expect(await lignes()).toEqual(avant);
  });

  it('refuses a modification that moves a rencontre to an unknown commune', async () => {
    const r = await creer(t);
    const avant = await lignes();
    expect(refus(await t.gql(MODIFIER, { id: r.id, input: { lieu: { nom: 'Ailleurs', communeId: 'COMMUNE:99999' } } }))).toEqual([
      ['BAD_USER_INPUT', 'lieu.communeId'],
    ]);
    expect(await lignes()).toEqual(avant);
    expect(await t.gql(MODIFIER, { id: r.id, input: { lieu: { nom: 'Ailleurs', communeId: 'COMMUNE:42218' } } })).not.toHaveProperty(
      'errors',
    );
  });

  it('refuses what it cannot check when the collectivites subgraph does not answer: SUBGRAPH_UNAVAILABLE, nothing written', async () => {
    const r = await creer(t);
    const avant = await lignes();
    const creation = await sansCollectivites.gql(CREER, { input: rencontreInput() });
    expect(refus(creation)).toEqual([['SUBGRAPH_UNAVAILABLE', 'collectivites']]);
    expect(creation.errors?.[0]?.message).toMatch(/n’a pas pu être vérifié/);
    expect(refus(await sansCollectivites.gql(INSCRIRE, { id: r.id, input: personne(3) }))).toEqual([
      ['SUBGRAPH_UNAVAILABLE', 'collectivites'],
    ]);
    expect(await lignes()).toEqual(avant);
    // What names no collectivité needs no answer from it.
    const sansLieu = rencontreInput({ format: 'DISTANCIEL', lieu: undefined, lienEnLigne: 'https://visio.example.org/a' });
    expect(await sansCollectivites.gql(CREER, { input: sansLieu })).not.toHaveProperty('errors');
  });
});
