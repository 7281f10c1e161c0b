import { INSCRIRE, creer, dataOf, personne, startTestServer, type TestServer } from './helpers';

describe('concurrent registrations', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('rencontres_concurrence', { seed: false });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('never exceeds the capacity: 20 parallel inscrire over HTTP on 5 places → exactly 5 succeed', async () => {
    const r = await creer(t, { capacite: 5 });
    const bodies = await Promise.all(Array.from({ length: 20 }, (_, n) => t.gql(INSCRIRE, { id: r.id, input: personne(n) })));

    const ok = bodies.filter((b) => !b.errors && b.data?.inscrire?.statut === 'CONFIRMEE');
    const refused = bodies.filter((b) => b.errors?.[0]?.extensions?.code === 'CAPACITY_REACHED');
    expect(ok).toHaveLength(5);
    expect(refused).toHaveLength(15);

    const state = dataOf(
      await t.gql('query($id: ID!) { rencontre(id: $id) { statut nombreInscrits placesRestantes revision inscriptions { statut } } }', {
        id: r.id,
      }),
    ).rencontre;
    expect(state).toMatchObject({ statut: 'COMPLETE', nombreInscrits: 5, placesRestantes: 0, revision: 2 });
    expect(state.inscriptions).toHaveLength(5);
    const [{ n }] = await t.server.dataSource.query<[{ n: number }]>(
      "SELECT count(*)::int n FROM inscription WHERE rencontre_id = $1 AND statut = 'CONFIRMEE'",
      [r.id],
    );
    expect(n).toBe(5);
  });

  it('registers the same person once even when the same request races with itself', async () => {
    const r = await creer(t, { capacite: 50 });
    const bodies = await Promise.all(Array.from({ length: 8 }, () => t.gql(INSCRIRE, { id: r.id, input: personne(1) })));
    expect(bodies.filter((b) => !b.errors)).toHaveLength(1);
    expect(bodies.filter((b) => b.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(7);
  });
});
