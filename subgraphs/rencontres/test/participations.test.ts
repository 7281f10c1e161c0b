import { CLUB_BRE, INSCRIRE, creer, dataOf, personne, startTestServer, type TestServer } from './helpers';
import { ADMIN, adherent, editeur, type TestCaller } from '@federess/auth/testing';

/**
 * `Collectivite.participations` says which rencontres a collectivité's people registered for. It is
 * answered in full to the collectivité's own adherents and to admins, to an editor for the
 * rencontres of its régions, and to anyone else as an empty connection — in the field's resolver,
 * so the gateway's entity fetches follow the rule.
 */

const LYON = 'COMMUNE:69123';
const CLERMONT = 'COMMUNE:63113';
const PARTICIPATIONS = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Collectivite { id participations(first: 10) { totalCount edges { node { titre region { code } } } } } } }`;

describe('who sees a collectivité’s participations', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('rencontres_participations', { seed: false });
    // Lyon's people registered to one rencontre in ARA and one in BRE.
    const ara = await creer(t, { titre: 'Rencontre ARA' });
    const bre = await creer(t, { titre: 'Rencontre BRE', clubId: CLUB_BRE, lieu: { nom: 'Mairie', communeId: 'COMMUNE:35238' } });
    for (const [n, id] of [
      [1, ara.id],
      [2, bre.id],
    ] as const)
      dataOf(await t.gql(INSCRIRE, { id, input: personne(n, { collectiviteId: LYON }) }));
  });
  afterAll(async () => {
    await t?.stop();
  });

  interface Vue {
    _entities: [{ participations: { totalCount: number; edges: { node: { region: { code: string } } }[] } }];
  }
  const vues = async (caller: TestCaller) => {
    const data = dataOf(await t.gql<Vue>(PARTICIPATIONS, { r: [{ __typename: 'Collectivite', id: LYON }] }, caller));
    const { participations } = data._entities[0];
    return { total: participations.totalCount, regions: participations.edges.map((e) => e.node.region.code).sort() };
  };

  it.each<[string, TestCaller, { total: number; regions: string[] }]>([
    ['an admin: all of them', ADMIN, { total: 2, regions: ['ARA', 'BRE'] }],
    ['an adherent of the collectivité: all of them', adherent(LYON), { total: 2, regions: ['ARA', 'BRE'] }],
    ['an editor: those of its régions', editeur('ARA'), { total: 1, regions: ['ARA'] }],
    ['an editor of both régions: both', editeur('ARA', 'BRE'), { total: 2, regions: ['ARA', 'BRE'] }],
    ['an adherent of another collectivité: none', adherent(CLERMONT), { total: 0, regions: [] }],
    ['an anonymous caller: none', null, { total: 0, regions: [] }],
  ])('%s', async (_who, qui, expected) => {
    expect(await vues(qui)).toEqual(expected);
  });
});
