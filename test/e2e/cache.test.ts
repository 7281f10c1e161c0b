import type { SubgraphName } from '@federess/config';
import { freePort, openDataSource } from '@federess/database';
import { entryOf, type ServiceProcess, waitHealthy } from '@federess/launcher';
import { clubIdOfRegion } from '@federess/vocabulaire';
import { get } from './feeds';
import { graphql, startTestHub, type TestHub } from './hub';
import { ADMIN, authHeaders } from '@federess/auth/testing';
import { firstOf, nodes } from '@federess/server-kit/testing';

const BRE = clubIdOfRegion('BRE');
const CLUB = `query($id: ID!) { club(id: $id) { id nom } }`;
const RENOMMER = `mutation($id: ID!, $nom: String!) { modifierClub(id: $id, input: { nom: $nom }) { nom } }`;

/** A page across three subgraphs: the club (clubs), its région's name (collectivites), its rencontres (rencontres). */
const PAGE = `query($id: ID!) { club(id: $id) { id nom region { code nom } rencontres(first: 3) { edges { node { id titre } } } } }`;
const RETITRER = `mutation($id: ID!, $titre: String!) { modifierRencontre(id: $id, input: { titre: $titre }) { titre } }`;

interface Health {
  cache: {
    hits: number;
    entries: number;
    responses: number;
    responseHits: number;
    subgraphs: Record<SubgraphName, { listening: boolean; lastEvent: string; losses: number }>;
  };
}

const health = async (gateway: string): Promise<Health> =>
  (await fetch(gateway.replace(/\/graphql$/, '/health'))).json() as Promise<Health>;
/** Lookups the cache answered: a fetch's kept answer, or a whole response kept. */
const served = async (gateway: string): Promise<number> => {
  const { cache } = await health(gateway);
  return cache.hits + cache.responseHits;
};

async function until(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The gateway's cache is exact: it serves kept answers, a change through another gateway process
 * evicts them as soon as its event arrives, and from the moment a gateway has been told of a
 * committed change (its /health shows the event applied), it never answers with a value older than
 * that change — even under concurrent readers racing the change's commit. A change through the
 * gateway itself is read back at once; a lost LISTEN connection empties the cache.
 */
describe('the exact-freshness cache of the gateway', () => {
  let hub: TestHub;
  let other: ServiceProcess;
  let otherUrl: string;
  let clubs: Awaited<ReturnType<typeof openDataSource>>;
  let admin: Record<string, string>;

  const nom = async (url: string) => (await graphql<{ club: { nom: string } }>(url, CLUB, { id: BRE })).body.data!.club.nom;
  const renommer = async (url: string, to: string) => {
    const { body } = await graphql(url, RENOMMER, { id: BRE, nom: to }, admin);
    expect(body.errors).toBeUndefined();
  };
  const lastEvent = async () =>
    (await clubs.query<[{ id: string }]>("SELECT max(id)::text AS id FROM evenement WHERE entite = 'Club'"))[0].id;
  const told = (gateway: string, event: string, subgraph: SubgraphName = 'clubs') =>
    until(`event ${event} applied`, async () => BigInt((await health(gateway)).cache.subgraphs[subgraph].lastEvent) >= BigInt(event));
  const page = async (url: string) => (await graphql(url, PAGE, { id: BRE })).body.data!.club;
  const firstRencontre = async (url: string) => firstOf(nodes((await page(url)).rencontres), 'rencontre of the club');

  beforeAll(async () => {
    // Eight readers loop from this one address: the per-address rate limit would answer 429.
    hub = await startTestHub('cache', { FEDERESS_RATE_LIMIT_IP_PER_SECOND: '0' });
    admin = await authHeaders(ADMIN);
    const port = await freePort();
    other = hub.startService('gateway-2', entryOf('@federess/gateway'), { ...hub.env, GATEWAY_PORT: String(port) });
    await waitHealthy(other, `http://127.0.0.1:${port}/health`, 60_000);
    otherUrl = `http://127.0.0.1:${port}/graphql`;
    clubs = await openDataSource({ url: hub.env.CLUBS_DATABASE_URL!, entities: [], migrations: [], poolSize: 2 });
    for (const url of [hub.gatewayUrl, otherUrl]) await until('listening', async () => (await health(url)).cache.subgraphs.clubs.listening);
  });
  afterAll(async () => {
    await clubs?.destroy();
    await other?.stop();
    await hub?.stop();
  });

  it('serves a kept answer, and evicts it on the event of a change made through another gateway process', async () => {
    const before = await nom(hub.gatewayUrl);
    const hits = await served(hub.gatewayUrl);
    expect(await nom(hub.gatewayUrl)).toBe(before);
    expect(await served(hub.gatewayUrl)).toBeGreaterThan(hits);

    await renommer(otherUrl, 'Club breton (par la passerelle 2)');
    await told(hub.gatewayUrl, await lastEvent());
    expect(await nom(hub.gatewayUrl)).toBe('Club breton (par la passerelle 2)');
  });

  it('reads its own writes at once, with no wait for the event', async () => {
    expect(await nom(hub.gatewayUrl)).toBe('Club breton (par la passerelle 2)');
    await renommer(hub.gatewayUrl, 'Club breton (lu aussitôt)');
    expect(await nom(hub.gatewayUrl)).toBe('Club breton (lu aussitôt)');
  });

  it('never answers with a value older than a committed change it was told of, under concurrent readers', async () => {
    const reads: { sentAt: number; revision: number }[] = [];
    let writing = true;
    const reader = async () => {
      while (writing) {
        const sentAt = performance.now();
        const match = /r(\d+)$/.exec(await nom(hub.gatewayUrl));
        reads.push({ sentAt, revision: match ? Number(match[1]) : 0 });
      }
    };
    const readers = Array.from({ length: 8 }, reader);
    const toldAt: number[] = [];
    for (let revision = 1; revision <= 15; revision++) {
      await renommer(otherUrl, `Club breton r${revision}`);
      await told(hub.gatewayUrl, await lastEvent());
      toldAt[revision] = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    writing = false;
    await Promise.all(readers);
    const stale = reads.filter((read) => toldAt.some((at, revision) => at <= read.sentAt && read.revision < revision));
    expect(reads.length).toBeGreaterThan(50);
    expect(stale).toEqual([]);
    // And it did serve from the cache meanwhile: exactness is not bought by never keeping anything.
    expect(await served(hub.gatewayUrl)).toBeGreaterThan(0);
  });

  it('keeps a whole response across subgraphs, evicted by the event of a change in any of them made through another process', async () => {
    const before = await page(hub.gatewayUrl);
    const kept = (await health(hub.gatewayUrl)).cache;
    expect(await page(hub.gatewayUrl)).toEqual(before);
    const after = (await health(hub.gatewayUrl)).cache;
    expect(after.responseHits).toBeGreaterThan(kept.responseHits);
    expect(after.responses).toBeGreaterThan(0);

    // A rencontre of the page retitled through the other gateway: the rencontres part of the response is stale.
    const rencontre = firstOf(nodes(before.rencontres), 'rencontre of the club').id;
    const { body } = await graphql(otherUrl, RETITRER, { id: rencontre, titre: 'Rencontre retitrée ailleurs' }, admin);
    expect(body.errors).toBeUndefined();
    const rencontres = await openDataSource({ url: hub.env.RENCONTRES_DATABASE_URL!, entities: [], migrations: [], poolSize: 1 });
    try {
      const [{ id }] = await rencontres.query<[{ id: string }]>('SELECT max(id)::text AS id FROM evenement');
      await told(hub.gatewayUrl, id, 'rencontres');
    } finally {
      await rencontres.destroy();
    }
    expect((await firstRencontre(hub.gatewayUrl)).titre).toBe('Rencontre retitrée ailleurs');

    // The club renamed through the other gateway: its clubs part.
    await renommer(otherUrl, 'Club breton (réponse entière)');
    await told(hub.gatewayUrl, await lastEvent());
    expect((await page(hub.gatewayUrl)).nom).toBe('Club breton (réponse entière)');
  });

  it('reads its own writes in a whole response at once', async () => {
    expect((await page(hub.gatewayUrl)).nom).toBe('Club breton (réponse entière)');
    await page(hub.gatewayUrl);
    await renommer(hub.gatewayUrl, 'Club breton (réponse relue)');
    expect((await page(hub.gatewayUrl)).nom).toBe('Club breton (réponse relue)');
    const rencontre = (await firstRencontre(hub.gatewayUrl)).id;
    await graphql(hub.gatewayUrl, RETITRER, { id: rencontre, titre: 'Rencontre retitrée ici' }, admin);
    expect((await firstRencontre(hub.gatewayUrl)).titre).toBe('Rencontre retitrée ici');
  });

  it('empties itself when its LISTEN connection is lost: even a change no event announced is then read', async () => {
    const kept = await nom(hub.gatewayUrl);
    expect(await nom(hub.gatewayUrl)).toBe(kept);
    const losses = (await health(hub.gatewayUrl)).cache.subgraphs.clubs.losses;
    // A change behind the hub's back (no event), then the gateway's listening connections cut.
    await clubs.query('UPDATE club SET nom = $1 WHERE id = $2', ['Club breton (sans événement)', BRE]);
    await clubs.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'federess-gateway-cache'",
    );
    await until('reconnected', async () => {
      const clubsStatus = (await health(hub.gatewayUrl)).cache.subgraphs.clubs;
      return clubsStatus.losses > losses && clubsStatus.listening;
    });
    expect(await nom(hub.gatewayUrl)).toBe('Club breton (sans événement)');
  });

  it('never gives a feed a newer version than its body: a change committed but not yet heard of is read afresh, not from the cache', async () => {
    const path = '/agenda.json?region=BRE';
    const { head } = firstOf(await clubs.query<{ head: string }[]>('SELECT coalesce(max(id), 0)::text AS head FROM evenement'), 'head');
    await told(hub.gatewayUrl, head);
    const first = await get(hub.gatewayUrl, path);
    expect(first.status).toBe(200);
    expect((await get(hub.gatewayUrl, path, { 'if-none-match': first.headers.get('etag')! })).status).toBe(304);
    // A change and its event committed with no NOTIFY (triggers off for this session): the gateway
    // hears of it only at its next poll, while the feed's version, read from the outbox, has it already.
    const renamed = 'Club breton (pas encore annoncé)';
    const inserted = await clubs.transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      await manager.query('UPDATE club SET nom = $1 WHERE id = $2', [renamed, BRE]);
      return manager.query<{ id: string }[]>(
        `INSERT INTO evenement (type, entite, entite_id, region, entites, listes, donnees)
         VALUES ('MODIFIE', 'Club', $1, 'BRE', ARRAY['Club:' || $1, 'Region:BRE'], ARRAY['Query.clubs'], '{}') RETURNING id::text AS id`,
        [BRE],
      );
    });
    const { id } = firstOf(inserted, 'event');
    const changed = await get(hub.gatewayUrl, path, { 'if-none-match': first.headers.get('etag')! });
    expect(changed.status).toBe(200);
    expect(changed.text).toContain(renamed);
    // Once heard, the same version: the reader that has it gets 304, and had the renamed club already.
    await told(hub.gatewayUrl, id);
    expect((await get(hub.gatewayUrl, path, { 'if-none-match': changed.headers.get('etag')! })).status).toBe(304);
  });
});
