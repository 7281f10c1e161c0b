import { readEventStream, type StreamMessage } from '@federess/server-kit/testing';
import { CLUB_BRE, creer, startTestServer, type TestServer } from './helpers';
import { authHeaders, refusedTokens } from '@federess/auth/testing';

/**
 * A regional site's browser subscribes to the subgraph over Server-Sent Events (the graphql-sse
 * protocol, distinct connections): every `next` carries the event id as its SSE `id:`, and a
 * reconnect with `Last-Event-ID` resumes exactly as `apres`.
 */

// `id` is not selected: the SSE id is given all the same.
const LIVE = `subscription Live($apres: ID, $filtre: RencontresEnDirectFiltre) {
  rencontresEnDirect(apres: $apres, filtre: $filtre) { type rencontre { id titre } }
}`;

describe('subgraph rencontres: the live feed over Server-Sent Events', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('rencontres_flux_sse', { seed: false });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const idsOf = async (rencontreIds: string[]) =>
    (
      await t.server.dataSource.query<{ id: string }[]>('SELECT id::text FROM evenement WHERE entite_id = ANY($1) ORDER BY id', [
        rencontreIds,
      ])
    ).map((r) => r.id);
  const titreOf = (m: StreamMessage) =>
    (m.data as { data: { rencontresEnDirect: { rencontre: { titre: string } } } }).data.rencontresEnDirect.rencontre.titre;

  it('streams each event with its outbox id; Last-Event-ID (GET, as EventSource sends it) resumes exactly as apres', async () => {
    const live = await readEventStream(t.url, { body: { query: LIVE, variables: { filtre: { regions: ['ARA'] } } } });
    expect(live.status).toBe(200);
    expect(live.contentType).toMatch(/^text\/event-stream/);
    const created = [await creer(t, { titre: 'SSE A' }), await creer(t, { titre: 'SSE B' }), await creer(t, { titre: 'SSE C' })];
    await creer(t, { clubId: CLUB_BRE, titre: 'SSE hors filtre', lieu: { nom: 'Mairie', communeId: 'COMMUNE:35238' } });
    const events = await live.waitFor(3);
    live.close();
    const ids = await idsOf(created.map((r) => r.id));
    expect(events.map((e) => e.id)).toEqual(ids);
    expect(events.map(titreOf)).toEqual(['SSE A', 'SSE B', 'SSE C']);

    const url = new URL(t.url);
    url.searchParams.set('query', LIVE);
    url.searchParams.set('variables', JSON.stringify({ filtre: { regions: ['ARA'] } }));
    const resumed = await readEventStream(url.toString(), { method: 'GET', headers: { 'last-event-id': ids[0]! } });
    const viaApres = await readEventStream(t.url, { body: { query: LIVE, variables: { filtre: { regions: ['ARA'] }, apres: ids[0] } } });
    const [fromHeader, fromApres] = [await resumed.waitFor(2), await viaApres.waitFor(2)];
    expect(fromHeader.map((e) => e.id)).toEqual(ids.slice(1));
    expect(fromHeader).toEqual(fromApres);
    // Then live, on both, with nothing replayed twice.
    const d = await creer(t, { titre: 'SSE D' });
    const [liveHeader, liveApres] = [await resumed.waitFor(3), await viaApres.waitFor(3)];
    expect(liveHeader[2]?.id).toEqual((await idsOf([d.id]))[0]);
    expect(liveApres.map((e) => e.id)).toEqual(liveHeader.map((e) => e.id));
    resumed.close();
    viaApres.close();
  });

  it('starts a live stream with the id it starts after: a client cut before its first event misses nothing', async () => {
    const first = await readEventStream(t.url, { body: { query: LIVE, variables: { filtre: { regions: ['ARA'] } } } });
    for (let i = 0; i < 50 && first.lastEventId === undefined; i++) await new Promise((r) => setTimeout(r, 20));
    const start = first.lastEventId;
    expect(start).toMatch(/^\d+$/);
    first.close();
    await creer(t, { titre: 'SSE pendant la coupure' });
    const resumed = await readEventStream(t.url, {
      body: { query: LIVE, variables: { filtre: { regions: ['ARA'] } } },
      headers: { 'last-event-id': start! },
    });
    expect((await resumed.waitFor(1)).map(titreOf)).toEqual(['SSE pendant la coupure']);
    resumed.close();
  });

  it('refuses what graphql-ws refuses, as JSON with the HTTP status of the same request', async () => {
    const { tampered } = await refusedTokens();
    const badToken = await readEventStream(t.url, { body: { query: LIVE }, headers: { authorization: `Bearer ${tampered}` } });
    expect(badToken.refusal).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    const unknownField = await readEventStream(t.url, { body: { query: 'subscription { rencontresEnDirect { nexistePas } }' } });
    expect(unknownField.refusal).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    const future = await readEventStream(t.url, { body: { query: LIVE }, headers: { 'last-event-id': '999999999' } });
    expect(future.refusal).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    const query = await readEventStream(t.url, { body: { query: '{ rencontres(first: 1) { totalCount } }' } });
    expect(query.refusal).toEqual({ status: 400, code: 'BAD_REQUEST' });
  });

  it('answers a subscription sent as a plain HTTP request with BAD_REQUEST naming the ways to subscribe', async () => {
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authHeaders(null)) },
      body: JSON.stringify({ query: LIVE }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]?.message).toMatch(/text\/event-stream/);
    expect(body.errors[0]?.message).toMatch(/graphql-ws/);
    expect((await t.gql('{ __typename }', {}, null)).data).toEqual({ __typename: 'Query' });
  });
});
