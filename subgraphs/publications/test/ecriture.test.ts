import { expect } from '@jest/globals';
import { readSubgraphSettings } from '@federess/config';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { clubIdOfRegion, stableUuid } from '@federess/vocabulaire';
import { createServer } from '../src/server';
import { codeOf, codesOf, dataOf } from '@federess/server-kit/testing';
import { ADMIN } from '@federess/auth/testing';
import { post as envoyer } from './graph';
import { demarrerProprietaires, type Proprietaires } from './proprietaires';

// Writes need a token since authorisation exists: this file reads and writes as the national admin.
const post = (url: string, query: string, variables: Record<string, unknown> = {}) => envoyer(url, query, variables, ADMIN);

const pid = (slug: string) => stableUuid(`publication:${slug}`);
const FIELDS = `id titre resume type collection numero datePublication editeur thematiques acces fichier lien
  region { code } club { id } rencontre { id } collectivitesCitees { id }`;
const CREER = `mutation($input: CreerPublicationInput!) { creerPublication(input: $input) { ${FIELDS} } }`;
const MODIFIER = `mutation($id: ID!, $input: ModifierPublicationInput!) { modifierPublication(id: $id, input: $input) { ${FIELDS} } }`;

const minimal = { titre: 'Une publication de test', type: 'ETUDE', datePublication: '2024-06-01', editeur: 'RTES' };

describe('subgraph publications: writing', () => {
  const databaseUrl = testDatabaseUrl('publications_ecriture');
  let proprietaires: Proprietaires;
  let national: SubgraphServer;
  let aura: SubgraphServer;
  let url: string;
  let auraUrl: string;

  beforeAll(async () => {
    // The rencontres and collectivites subgraphs, which check the rencontre and the collectivités a publication references.
    proprietaires = await demarrerProprietaires();
    const { subgraphUrls } = proprietaires;
    national = await createServer({ ...readSubgraphSettings('publications', {}), databaseUrl, subgraphUrls });
    url = await national.listen(0);
    aura = await createServer({ ...readSubgraphSettings('publications', { FEDERESS_REGION: 'ARA' }), databaseUrl, subgraphUrls });
    auraUrl = await aura.listen(0);
  });
  afterAll(async () => {
    await aura?.stop();
    await national?.stop();
    await proprietaires?.stop();
  });

  const rows = async () => {
    const [r] = await national.dataSource.query<[{ publications: number; citations: number }]>(
      'SELECT (SELECT count(*)::int FROM publication) AS publications, (SELECT count(*)::int FROM publication_collectivite) AS citations',
    );
    return r;
  };
  const creer = (input: Record<string, unknown>, on = url) => post(on, CREER, { input });
  const modifier = (id: string, input: Record<string, unknown>, on = url) => post(on, MODIFIER, { id, input });

  it('creates a national publication with every field, and reads it back', async () => {
    const input = {
      titre: '  Évaluation & ESS  ',
      resume: 'Un résumé.',
      type: 'DENICHE_POUR_VOUS',
      collection: 'Déniché pour vous',
      numero: 3,
      datePublication: '2024-05-02',
      editeur: 'RTES',
      thematiques: ['EVALUATION_IMPACT', 'SIEG', 'EVALUATION_IMPACT'],
      acces: 'ADHERENTS',
      fichier: 'https://www.rtes.fr/fichier.pdf',
      lien: 'http://www.rtes.fr/article',
      rencontreId: stableUuid('rencontre:rtes-2023-evaluation-impact-social'),
      collectivitesCitees: ['EPCI:246700488', 'COMMUNE:13055', 'EPCI:246700488'],
    };
    const created = dataOf(await creer(input)).creerPublication;
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      titre: 'Évaluation & ESS',
      resume: 'Un résumé.',
      type: 'DENICHE_POUR_VOUS',
      collection: 'Déniché pour vous',
      numero: 3,
      datePublication: '2024-05-02',
      editeur: 'RTES',
      thematiques: ['EVALUATION_IMPACT', 'SIEG'],
      acces: 'ADHERENTS',
      fichier: 'https://www.rtes.fr/fichier.pdf',
      lien: 'http://www.rtes.fr/article',
      region: null,
      club: null,
      rencontre: { id: input.rencontreId },
      collectivitesCitees: [{ id: 'EPCI:246700488' }, { id: 'COMMUNE:13055' }],
    });
    const read = await post(url, `query($id: ID!) { publication(id: $id) { ${FIELDS} } }`, { id: created.id });
    expect(dataOf(read).publication).toEqual(created);
    const ressources = await post(
      url,
      `{ _entities(representations: [{ __typename: "Rencontre", id: "${input.rencontreId}" }]) { ... on Rencontre { ressources { id } } } }`,
    );
    expect(dataOf(ressources)._entities[0]?.ressources).toContainEqual({ id: created.id });
  });

  it('derives the région from the club, and lists the publication under the club and the région', async () => {
    const data = dataOf(await creer({ ...minimal, titre: 'Publication du club breton', clubId: clubIdOfRegion('BRE').toUpperCase() }));
    expect(data.creerPublication).toMatchObject({
      region: { code: 'BRE' },
      club: { id: clubIdOfRegion('BRE') },
      acces: 'PUBLIC',
      thematiques: [],
    });
    const same = await creer({ ...minimal, titre: 'Avec région cohérente', clubId: clubIdOfRegion('BRE'), region: 'bre' });
    expect(dataOf(same).creerPublication.region).toEqual({ code: 'BRE' });
    const regional = await creer({ ...minimal, titre: 'Régionale sans club', region: 'OCC' });
    expect(dataOf(regional).creerPublication).toMatchObject({ region: { code: 'OCC' }, club: null });
    const listed = await post(
      url,
      `{ _entities(representations: [{ __typename: "Club", id: "${clubIdOfRegion('BRE')}" }, { __typename: "Region", code: "BRE" }]) {
          ... on Club { publications { totalCount } } ... on Region { publications { totalCount } } } }`,
    );
    expect(dataOf(listed)._entities).toEqual([{ publications: { totalCount: 2 } }, { publications: { totalCount: 2 } }]);
  });

  it.each([
    ['an empty title', { titre: '   ' }],
    ['a title too long', { titre: 'x'.repeat(301) }],
    ['an empty publisher', { editeur: '' }],
    ['a number without a collection', { numero: 4 }],
    ['a non-positive number', { collection: 'Test', numero: 0 }],
    ['an unknown région', { region: 'XYZ' }],
    ['a malformed club id', { clubId: 'club-bretagne' }],
    ['an id that is no club', { clubId: '00000000-0000-4000-8000-000000000000' }],
    ['a région other than the club’s', { clubId: clubIdOfRegion('BRE'), region: 'ARA' }],
    ['a malformed rencontre id', { rencontreId: 'webinaire' }],
    ['a malformed collectivité id', { collectivitesCitees: ['Marseille'] }],
    ['a file that is not a URL', { fichier: 'rapport.pdf' }],
    ['a link that is not http(s)', { lien: 'ftp://www.rtes.fr/x' }],
    ['a javascript link', { lien: 'javascript:alert(1)' }],
    ['an implausible date', { datePublication: '1066-10-14' }],
    ['an impossible date', { datePublication: '2024-02-30' }],
  ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_what, override) => {
    const before = await rows();
    const r = await creer({ ...minimal, ...override });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.data?.creerPublication ?? null).toBeNull();
    expect(await rows()).toEqual(before);
  });

  it('refuses a number already taken in its collection with CONFLICT, even under concurrent writes', async () => {
    const before = await rows();
    const taken = await creer({ ...minimal, collection: 'Points de RepèrESS', numero: 9, collectivitesCitees: ['COMMUNE:75056'] });
    expect(codeOf(taken)).toBe('CONFLICT');
    expect(taken.errors![0]!.message).toBe('La collection « Points de RepèrESS » a déjà une publication n°9.');
    expect(await rows()).toEqual(before);

    const racing = await Promise.all([1, 2, 3, 4].map((i) => creer({ ...minimal, titre: `Course ${i}`, collection: 'Course', numero: 1 })));
    expect(racing.filter((r) => r.errors === undefined)).toHaveLength(1);
    expect(racing.filter((r) => codesOf(r)[0] === 'CONFLICT')).toHaveLength(3);
  });

  it('modifies only the fields given, clears optional ones with null, and moves with its club', async () => {
    const data = dataOf(
      await creer({
        ...minimal,
        resume: 'À effacer',
        fichier: 'https://exemple.org/a.pdf',
        region: 'OCC',
        thematiques: ['SIEG'],
      }),
    );
    const id = data.creerPublication.id;
    const renamed = await modifier(id, { titre: 'Nouveau titre' });
    expect(renamed.errors).toBeUndefined();
    expect(dataOf(renamed).modifierPublication).toEqual({ ...data.creerPublication, titre: 'Nouveau titre' });

    const cleared = await modifier(id, {
      resume: null,
      fichier: null,
      thematiques: ['SCIC', 'PTCE'],
      collectivitesCitees: ['COMMUNE:59350'],
    });
    expect(dataOf(cleared).modifierPublication).toMatchObject({
      titre: 'Nouveau titre',
      resume: null,
      fichier: null,
      thematiques: ['SCIC', 'PTCE'],
      region: { code: 'OCC' },
      collectivitesCitees: [{ id: 'COMMUNE:59350' }],
    });

    const moved = await modifier(id, { clubId: clubIdOfRegion('HDF') });
    expect(dataOf(moved).modifierPublication).toMatchObject({ region: { code: 'HDF' }, club: { id: clubIdOfRegion('HDF') } });
    const national = await modifier(id, { clubId: null, region: null });
    expect(dataOf(national).modifierPublication).toMatchObject({
      region: null,
      club: null,
      collectivitesCitees: [{ id: 'COMMUNE:59350' }],
    });
  });

  it('records when a publication last changed, a change of its citations alone included', async () => {
    const quand = `query($id: ID!) { publication(id: $id) { misAJourLe } }`;
    const lire = async (id: string) => Date.parse(dataOf(await post(url, quand, { id })).publication.misAJourLe);
    const { id } = dataOf(await creer({ ...minimal, titre: 'Datée' })).creerPublication;
    const creee = await lire(id);
    expect(Math.abs(creee - Date.now())).toBeLessThan(60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await modifier(id, { collectivitesCitees: ['COMMUNE:59350'] })).errors).toBeUndefined();
    expect(await lire(id)).toBeGreaterThan(creee);
  });

  it.each([
    ['a malformed id', 'pas-un-uuid', { titre: 'x' }, 'BAD_USER_INPUT'],
    ['an unknown id', '00000000-0000-4000-8000-000000000000', { titre: 'x' }, 'NOT_FOUND'],
    ['clearing the title', pid('points-de-reperess-12-esus'), { titre: null }, 'BAD_USER_INPUT'],
    ['clearing the date', pid('points-de-reperess-12-esus'), { datePublication: null }, 'BAD_USER_INPUT'],
    ['dropping the collection of a numbered issue', pid('points-de-reperess-12-esus'), { collection: null }, 'BAD_USER_INPUT'],
    ['a région other than the club’s', pid('points-de-reperess-ptce-hauts-de-france'), { region: 'PDL' }, 'BAD_USER_INPUT'],
    ['a bad URL', pid('points-de-reperess-12-esus'), { lien: 'www.rtes.fr' }, 'BAD_USER_INPUT'],
    ['a number taken in the collection', pid('points-de-reperess-12-esus'), { numero: 9 }, 'CONFLICT'],
  ])('refuses a modification with %s', async (_what, id, input, code) => {
    const before = await post(url, `{ publications(first: 200) { edges { node { ${FIELDS} } } } }`);
    const r = await modifier(id, input);
    expect(codeOf(r)).toBe(code);
    expect(r.errors![0]!.message).toMatch(/[a-zé]/);
    const after = await post(url, `{ publications(first: 200) { edges { node { ${FIELDS} } } } }`);
    expect(after.data).toEqual(before.data);
  });

  it('never writes part of a refused modification', async () => {
    const id = pid('webinaire-sieg-2024-compte-rendu');
    const before = await post(url, `query($id: ID!) { publication(id: $id) { ${FIELDS} } }`, { id });
    // The citations are replaced before the row, whose number then conflicts: both must roll back.
    const r = await modifier(id, {
      titre: 'Titre changé',
      collection: 'Points de RepèrESS',
      numero: 12,
      collectivitesCitees: ['COMMUNE:75056'],
    });
    expect(codeOf(r)).toBe('CONFLICT');
    const after = await post(url, `query($id: ID!) { publication(id: $id) { ${FIELDS} } }`, { id });
    expect(dataOf(after).publication).toEqual(dataOf(before).publication);
    expect(dataOf(after).publication.collectivitesCitees).toHaveLength(3);
  });

  it('on a regional instance, writes its own région only', async () => {
    const before = await rows();
    const nationale = await creer(minimal, auraUrl);
    expect(codeOf(nationale)).toBe('OUT_OF_REGION');
    const bretonne = await creer({ ...minimal, clubId: clubIdOfRegion('BRE') }, auraUrl);
    expect(codeOf(bretonne)).toBe('OUT_OF_REGION');
    expect(await rows()).toEqual(before);

    const auvergnate = await creer({ ...minimal, titre: 'Du club AURA', clubId: clubIdOfRegion('ARA') }, auraUrl);
    expect(auvergnate.errors).toBeUndefined();
    const id = dataOf(auvergnate).creerPublication.id;
    expect(dataOf(await modifier(id, { titre: 'Renommée en AURA' }, auraUrl)).modifierPublication.titre).toBe('Renommée en AURA');

    const moved = await modifier(id, { clubId: clubIdOfRegion('BRE') }, auraUrl);
    expect(codeOf(moved)).toBe('OUT_OF_REGION');
    const madeNational = await modifier(id, { clubId: null, region: null }, auraUrl);
    expect(codeOf(madeNational)).toBe('OUT_OF_REGION');
    const ofNational = await modifier(pid('points-de-reperess-12-esus'), { titre: 'Volé' }, auraUrl);
    expect(codeOf(ofNational)).toBe('OUT_OF_REGION');

    const check = await post(
      url,
      `{ a: publication(id: "${id}") { titre region { code } } b: publication(id: "${pid('points-de-reperess-12-esus')}") { titre } }`,
    );
    expect(check.data).toEqual({
      a: { titre: 'Renommée en AURA', region: { code: 'ARA' } },
      b: { titre: "L'agrément ESUS (Entreprise Solidaire d'Utilité Sociale)" },
    });
  });
});
