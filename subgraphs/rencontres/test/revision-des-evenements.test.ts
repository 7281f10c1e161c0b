import { attendre, connecter, envoyer } from './flux';
import { creer, dataOf, graphql, startTestServer, type TestServer } from './helpers';

/**
 * A live event carries the revision the change made (`revision`) and the rencontre as it is when the
 * event is delivered (`rencontre`), not as it was at that revision: the schema says so, and a client
 * tells the two apart by comparing `revision` with `rencontre { revision }`.
 */

const MODIFIER = `mutation($id: ID!, $input: ModifierRencontreInput!) { modifierRencontre(id: $id, input: $input) { revision } }`;
const FLUX = `subscription($apres: ID) { rencontresEnDirect(apres: $apres) { type revision rencontreId rencontre { revision titre } } }`;
const DESCRIPTIONS = `{ __type(name: "EvenementRencontre") { fields { name description } } }`;

interface Evenement {
  readonly type: string;
  readonly revision: number;
  readonly rencontreId: string;
  readonly rencontre: { revision: number; titre: string };
}

describe('the revision of a live event and the state of its rencontre', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('rencontres_revision_evenements', { seed: false });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('says in the schema that `rencontre` is the current state and `revision` the event’s', async () => {
    const fields = (dataOf(await graphql(t.url, DESCRIPTIONS)) as { __type: { fields: { name: string; description: string }[] } }).__type
      .fields;
    const description = (name: string) => fields.find((f) => f.name === name)?.description ?? '';
    expect(description('rencontre')).toMatch(/état actuel/);
    expect(description('rencontre')).toMatch(/rencontre \{ revision \}/);
    expect(description('revision')).toMatch(/révision que ce changement a donnée/);
  });

  it('replays past events with the rencontre as it is now: a client sees which ones are behind', async () => {
    const { tete, client } = await connecter(t);
    const r = (await creer(t, { titre: 'Titre 1' })) as { id: string };
    for (let n = 2; n <= 5; n++) dataOf(await t.gql(MODIFIER, { id: r.id, input: { titre: `Titre ${n}`, lieu: { nom: `Salle ${n}` } } }));
    const reception = envoyer(client, FLUX, { apres: tete });
    await attendre(() => reception.results.length >= 5, 5000, 'les cinq événements');
    const evenements = reception.results.map((result: { data: { rencontresEnDirect: Evenement } }) => result.data.rencontresEnDirect);
    expect(evenements.map((e) => [e.revision, e.rencontre.revision, e.rencontre.titre])).toEqual([
      [1, 5, 'Titre 5'],
      [2, 5, 'Titre 5'],
      [3, 5, 'Titre 5'],
      [4, 5, 'Titre 5'],
      [5, 5, 'Titre 5'],
    ]);
    await client.dispose();
  });
});
