import { GATEWAY_HEADER } from '@federess/auth';
import { DEVELOPMENT_GATEWAY_SECRET, readSubgraphSettings } from '@federess/config';
import { freePort } from '@federess/database';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { createServer } from '../src/server';
import { dataOf, type GraphQLBody } from '@federess/server-kit/testing';
import { post } from './graph';
import { ADMIN, editeur, authHeaders } from '@federess/auth/testing';
import { demarrerProprietaires, type Proprietaires, uneRencontreDe } from './proprietaires';

/**
 * A publication that reports on a rencontre shows among its `ressources`, to everyone: it must
 * belong to the rencontre's région (or be national, which only admins write), and the rencontre
 * must exist; the collectivités it cites must exist too. The publications subgraph cannot read
 * their databases: it asks the rencontres and collectivites subgraphs at write time, and refuses
 * what it cannot check.
 */

const CREER = `mutation($input: CreerPublicationInput!) { creerPublication(input: $input) { id region { code } rencontre { id } } }`;
const MODIFIER = `mutation($id: ID!, $input: ModifierPublicationInput!) { modifierPublication(id: $id, input: $input) { id region { code } } }`;
const base = {
  titre: 'Replay officiel',
  type: 'REPLAY',
  datePublication: '2026-06-01',
  editeur: 'CRESS',
  lien: 'https://example.org/replay',
};

/** Each error's code, and what it names: the field refused, or the subgraph that could not be asked. */
const refus = (r: GraphQLBody) =>
  r.errors?.map((e) => {
    const extensions = (e.extensions ?? {}) as Record<string, unknown>;
    return [extensions.code, extensions.code === 'SUBGRAPH_UNAVAILABLE' ? extensions.serviceName : extensions.champ];
  });

describe('the references a publication takes to other subgraphs', () => {
  const databaseUrl = testDatabaseUrl('publications_references');
  let proprietaires: Proprietaires;
  let server: SubgraphServer;
  let sansRencontres: SubgraphServer;
  let url: string;
  let urlSansRencontres: string;
  let ara: string;
  let bre: string;

  beforeAll(async () => {
    proprietaires = await demarrerProprietaires();
    const settings = readSubgraphSettings('publications', {});
    server = await createServer({ ...settings, databaseUrl, seed: false, subgraphUrls: proprietaires.subgraphUrls });
    url = await server.listen(0);
    const ailleurs = `http://127.0.0.1:${await freePort()}/graphql`;
    sansRencontres = await createServer({
      ...settings,
      databaseUrl,
      seed: false,
      subgraphUrls: { ...proprietaires.subgraphUrls, rencontres: ailleurs },
    });
    urlSansRencontres = await sansRencontres.listen(0);
    [ara, bre] = await Promise.all([uneRencontreDe(proprietaires, 'ARA'), uneRencontreDe(proprietaires, 'BRE')]);
  });
  afterAll(async () => {
    await sansRencontres?.stop();
    await server?.stop();
    await proprietaires?.stop();
  });

  const publications = async (): Promise<number> =>
    (await server.dataSource.query<[{ n: number }]>('SELECT count(*)::int AS n FROM publication'))[0].n;
  const creer = (input: Record<string, unknown>, qui = editeur('ARA'), on = url) => post(on, CREER, { input: { ...base, ...input } }, qui);

  it('attaches a publication to a rencontre of its own région', async () => {
    const created = await creer({ region: 'ARA', rencontreId: ara });
    expect(created.errors).toBeUndefined();
    expect(dataOf(created).creerPublication).toMatchObject({ region: { code: 'ARA' }, rencontre: { id: ara } });
  });

  it("refuses an editor's publication on another région's rencontre, however it is sent", async () => {
    const avant = await publications();
    expect(refus(await creer({ region: 'ARA', rencontreId: bre }))).toEqual([['BAD_USER_INPUT', 'rencontreId']]);
    // With the gateway's secret as well: the check is the subgraph's own.
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_HEADER]: DEVELOPMENT_GATEWAY_SECRET, ...(await authHeaders(editeur('ARA'))) },
      body: JSON.stringify({ query: CREER, variables: { input: { ...base, region: 'ARA', rencontreId: bre } } }),
    });
    expect(refus((await response.json()) as GraphQLBody)).toEqual([['BAD_USER_INPUT', 'rencontreId']]);
    // An admin's regional publication follows the same rule; its national one may report on any.
    expect(refus(await creer({ region: 'ARA', rencontreId: bre }, ADMIN))).toEqual([['BAD_USER_INPUT', 'rencontreId']]);
    expect(await publications()).toBe(avant);
    expect((await creer({ rencontreId: bre }, ADMIN)).errors).toBeUndefined();
  });

  it('refuses a rencontre that does not exist', async () => {
    const refusee = await creer({ region: 'ARA', rencontreId: '00000000-0000-4000-8000-000000000000' });
    expect(refus(refusee)).toEqual([['BAD_USER_INPUT', 'rencontreId']]);
    expect(refusee.errors?.[0]?.message).toMatch(/rencontre inconnue/);
  });

  it('refuses a modification that attaches a publication elsewhere, or moves it away from its rencontre', async () => {
    const { id } = dataOf(await creer({ region: 'ARA', rencontreId: ara })).creerPublication;
    expect(refus(await post(url, MODIFIER, { id, input: { rencontreId: bre } }, editeur('ARA')))).toEqual([
      ['BAD_USER_INPUT', 'rencontreId'],
    ]);
    expect(refus(await post(url, MODIFIER, { id, input: { region: 'BRE' } }, ADMIN))).toEqual([['BAD_USER_INPUT', 'rencontreId']]);
    const [row] = await server.dataSource.query<{ region_code: string; rencontre_id: string }[]>(
      'SELECT region_code, rencontre_id FROM publication WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ region_code: 'ARA', rencontre_id: ara });
    // Moving it with its rencontre detached is fine; so is editing what references nothing.
    expect((await post(url, MODIFIER, { id, input: { titre: 'Un autre titre' } }, editeur('ARA'))).errors).toBeUndefined();
    expect((await post(url, MODIFIER, { id, input: { region: 'BRE', rencontreId: null } }, ADMIN)).errors).toBeUndefined();
  });

  it('refuses an unknown cited collectivité, naming its place in the list', async () => {
    const refusee = await creer({ region: 'ARA', collectivitesCitees: ['COMMUNE:69123', 'COMMUNE:00000'] });
    expect(refus(refusee)).toEqual([['BAD_USER_INPUT', 'collectivitesCitees[1]']]);
    expect((await creer({ region: 'ARA', collectivitesCitees: ['COMMUNE:69123', 'EPCI:200046977'] })).errors).toBeUndefined();
  });

  it('refuses what it cannot check when the rencontres subgraph does not answer: SUBGRAPH_UNAVAILABLE, nothing written', async () => {
    const avant = await publications();
    const refusee = await creer({ region: 'ARA', rencontreId: ara }, editeur('ARA'), urlSansRencontres);
    expect(refus(refusee)).toEqual([['SUBGRAPH_UNAVAILABLE', 'rencontres']]);
    expect(refusee.errors?.[0]?.message).toMatch(/rencontreId n’a pas pu être vérifié/);
    expect(await publications()).toBe(avant);
    expect((await creer({ region: 'ARA' }, editeur('ARA'), urlSansRencontres)).errors).toBeUndefined();
  });
});
