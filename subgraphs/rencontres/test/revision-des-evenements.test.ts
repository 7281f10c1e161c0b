import { connect, send, waitUntil } from './flux';
import { creer, dataOf, startTestServer, type TestServer } from './helpers';

/**
 * A live event carries the revision the change made (`revision`) and the rencontre as it is when the
 * event is delivered (`rencontre`), not as it was at that revision: the schema says so, and a client
 * tells the two apart by comparing `revision` with `rencontre { revision }`.
 */

const MODIFIER = `mutation($id: ID!, $input: ModifierRencontreInput!) { modifierRencontre(id: $id, input: $input) { revision } }`;
const FLUX = `subscription($apres: ID) { rencontresEnDirect(apres: $apres) { type revision rencontreId rencontre { revision titre } } }`;
const DESCRIPTIONS = `{ __type(name: "EvenementRencontre") { fields { name description } } }`;

describe('the revision of a live event and the state of its rencontre', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('rencontres_revision_evenements', { seed: false });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('says in the schema that `rencontre` is the current state and `revision` the event’s', async () => {
    type Described = { __type: { fields: { name: string; description: string }[] } };
    const { fields } = dataOf(await t.gql<Described>(DESCRIPTIONS, {}, null)).__type;
    const description = (name: string) => fields.find((f) => f.name === name)?.description ?? '';
    expect(description('rencontre')).toMatch(/état actuel/);
    expect(description('rencontre')).toMatch(/rencontre \{ revision \}/);
    expect(description('revision')).toMatch(/révision que ce changement a donnée/);
  });

  it('replays past events with the rencontre as it is now: a client sees which ones are behind', async () => {
    const { head, client } = await connect(t);
    const r = await creer(t, { titre: 'Titre 1' });
    for (let n = 2; n <= 5; n++) dataOf(await t.gql(MODIFIER, { id: r.id, input: { titre: `Titre ${n}`, lieu: { nom: `Salle ${n}` } } }));
    const received = send(client, FLUX, { apres: head });
    await waitUntil(() => received.results.length >= 5, 5000, 'les cinq événements');
    const events = received.results.map((result) => result.data?.rencontresEnDirect);
    expect(events.map((e) => [e?.revision, e?.rencontre?.revision, e?.rencontre?.titre])).toEqual([
      [1, 5, 'Titre 5'],
      [2, 5, 'Titre 5'],
      [3, 5, 'Titre 5'],
      [4, 5, 'Titre 5'],
      [5, 5, 'Titre 5'],
    ]);
    await client.dispose();
  });
});
