import { entryOf, type ServiceProcess, waitHealthy } from '@federess/launcher';
import { freePort } from '@federess/database';
import type { Browser, Page } from 'puppeteer-core';
import NodeWebSocket from 'ws';
import { clubOf } from '../e2e/clubs';
import { graphql, startTestHub, type TestHub } from '../e2e/hub';
import { ADMIN, authHeaders } from '@federess/auth/testing';
import { launchBrowser, type PartnerSite, partnerSite, until } from './browser';

const LIVE = 'subscription($filtre: RencontresEnDirectFiltre) { rencontresEnDirect(filtre: $filtre) { type rencontre { titre } } }';
const AGENDA = '{ rencontres(filtre: { regions: ["OCC"] }, first: 3) { totalCount } }';

/** What a page's fetch, WebSocket and EventSource to `url` achieve, tried from inside the page. */
const tryFromPage = (page: Page, url: string, live: string) =>
  page.evaluate(
    async (graphqlUrl, subscription) => {
      const fetched = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ regions { code } }' }),
      }).then(
        async (r) => `status ${r.status}, ${((await r.json()) as { data?: { regions: unknown[] } }).data?.regions.length} régions`,
        (e: Error) => `${e.name}: ${e.message}`,
      );
      const socket = await new Promise<string>((resolve) => {
        const ws = new WebSocket(graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
        ws.onopen = () => {
          ws.close();
          resolve('open');
        };
        ws.onerror = () => resolve('refused');
      });
      const stream = await new Promise<string>((resolve) => {
        const source = new EventSource(`${graphqlUrl}?query=${encodeURIComponent(subscription)}`);
        source.onopen = () => {
          source.close();
          resolve('open');
        };
        source.onerror = () => {
          source.close();
          resolve('refused');
        };
      });
      return { fetched, socket, stream };
    },
    url,
    live,
  );

describe('the hub from a page on another origin, in a real browser', () => {
  let hub: TestHub;
  let browser: Browser;
  let site: PartnerSite;
  let page: Page;
  beforeAll(async () => {
    [hub, browser, site] = await Promise.all([startTestHub('navigateur'), launchBrowser(), partnerSite()]);
    page = await browser.newPage();
    await page.goto(site.page('/', '<!doctype html><html lang="fr"><title>Partenaire</title><h1>Partenaire</h1></html>'));
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await hub?.stop();
  });

  it('from an allowed origin, fetch, WebSocket and EventSource work; a GET query needs no preflight header', async () => {
    expect(await tryFromPage(page, hub.gatewayUrl, LIVE)).toEqual({ fetched: 'status 200, 18 régions', socket: 'open', stream: 'open' });
    const viaGet = await page.evaluate(
      async (url) => (await fetch(url)).json() as Promise<{ data?: { rencontres: { totalCount: number } } }>,
      `${hub.gatewayUrl}?query=${encodeURIComponent(AGENDA)}`,
    );
    expect(viaGet.data?.rencontres.totalCount).toBeGreaterThan(0);
    // A regional site calls its subgraph directly: CORS there too.
    expect((await tryFromPage(page, hub.subgraphUrls.rencontres, LIVE)).fetched).toMatch(/^status 400|^status 200/);
  });

  it('with FEDERESS_CORS_ORIGINS naming another origin, the browser blocks fetch and the hub refuses the WebSocket and the stream', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/graphql`;
    const restricted = hub.startService('gateway-restreinte', entryOf('@federess/gateway'), {
      ...hub.env,
      GATEWAY_PORT: String(port),
      FEDERESS_CORS_ORIGINS: 'https://www.autre-site.example',
    });
    try {
      await waitHealthy(restricted, url.replace('/graphql', '/health'), 60_000);
      // Refused by the hub itself, not only hidden by the browser: the upgrade and the stream get 403.
      const stream = await fetch(`${url}?query=${encodeURIComponent(LIVE)}`, {
        headers: { accept: 'text/event-stream', origin: site.origin },
      });
      expect(stream.status).toBe(403);
      const upgrade = await new Promise<number>((resolve) => {
        const ws = new NodeWebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { origin: site.origin });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => resolve(101));
      });
      expect(upgrade).toBe(403);
      const pageOrigin = await page.evaluate(() => location.origin);
      expect([pageOrigin, await tryFromPage(page, url, LIVE)]).toEqual([
        site.origin,
        { fetched: 'TypeError: Failed to fetch', socket: 'refused', stream: 'refused' },
      ]);
      // The listed origin is served.
      const listed = await fetch(url, {
        method: 'OPTIONS',
        headers: { origin: 'https://www.autre-site.example', 'access-control-request-method': 'POST' },
      });
      expect(listed.headers.get('access-control-allow-origin')).toBe('https://www.autre-site.example');
    } finally {
      await restricted.stop();
    }
  });

  it('an EventSource cut by a gateway restart reconnects by itself and receives every event committed meanwhile, once each, in order', async () => {
    const clubNaq = await clubOf(hub.gatewayUrl, 'NAQ');
    const creer = async (url: string, titre: string) => {
      const created = await graphql(
        url,
        'mutation($input: CreerRencontreInput!) { creerRencontre(input: $input) { id } }',
        {
          input: {
            clubId: clubNaq,
            titre,
            thematiques: ['SCIC'],
            format: 'DISTANCIEL',
            debut: '2027-05-04T09:30:00+02:00',
            fin: '2027-05-04T11:30:00+02:00',
            lienEnLigne: 'https://visio.example.org/naq',
          },
        },
        await authHeaders(ADMIN),
      );
      expect(created.body.errors).toBeUndefined();
    };
    const feedUrl = `${hub.gatewayUrl}?query=${encodeURIComponent(LIVE)}&variables=${encodeURIComponent(JSON.stringify({ filtre: { regions: ['NAQ'] } }))}`;
    await page.evaluate((u) => {
      const received: { id: string; titre: string }[] = [];
      (window as unknown as { received: typeof received }).received = received;
      const source = new EventSource(u);
      source.addEventListener('next', (e) => {
        const message = e as MessageEvent<string>;
        const data = JSON.parse(message.data) as { data: { rencontresEnDirect: { rencontre: { titre: string } } } };
        received.push({ id: message.lastEventId, titre: data.data.rencontresEnDirect.rencontre.titre });
      });
    }, feedUrl);
    const received = () => page.evaluate(() => (window as unknown as { received: { id: string; titre: string }[] }).received);
    await until(
      'the stream open',
      async () =>
        ((await (await fetch(hub.gatewayUrl.replace('/graphql', '/health'))).json()) as { eventStreams: number }).eventStreams === 1,
      10_000,
    );
    await creer(hub.gatewayUrl, 'NAQ avant la coupure');
    await until('the first event', async () => (await received()).length === 1);

    const gatewayPort = new URL(hub.gatewayUrl).port;
    await hub.services.gateway.stop();
    // Committed while the gateway is down, through the subgraph itself.
    for (const n of [1, 2, 3]) await creer(hub.subgraphUrls.rencontres, `NAQ pendant la coupure ${n}`);
    let restarted: ServiceProcess | undefined;
    try {
      restarted = hub.startService('gateway', entryOf('@federess/gateway'), { ...hub.env, GATEWAY_PORT: gatewayPort });
      await waitHealthy(restarted, hub.gatewayUrl.replace('/graphql', '/health'), 60_000);
      await until('the events missed', async () => (await received()).length >= 4, 15_000);
      await new Promise((r) => setTimeout(r, 500));
      const all = await received();
      expect(all.map((e) => e.titre)).toEqual([
        'NAQ avant la coupure',
        'NAQ pendant la coupure 1',
        'NAQ pendant la coupure 2',
        'NAQ pendant la coupure 3',
      ]);
      const ids = all.map((e) => BigInt(e.id));
      expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    } finally {
      await page.close();
      await restarted?.stop();
    }
  });
});
