import { randomBytes } from 'node:crypto';
import { ADMIN, authHeaders } from '@federess/auth/testing';
import { freePort } from '@federess/database';
import { entryOf, type ServiceProcess, startService, waitHealthy } from '@federess/launcher';
import { dataOf } from '@federess/server-kit/testing';
import { graphql, startTestHub, type TestHub } from './hub';
import { collect, liveClient } from './live';
import { openRencontres } from './open-rencontres';
import { metricsUrlOf, Scrape } from './prometheus';
import { runLogs } from './service-logs';
import { type CollectedSpan, SpanCollector } from './span-collector';

/**
 * What an operator of the hub sees: Prometheus metrics on every service, one OpenTelemetry trace
 * across the gateway, the subgraphs and their SQL, and logs that never hold a token, an e-mail or a
 * secret. This file runs last in the e2e run (see run-order.js): its last test reads the logs of
 * every service every test file started.
 */

const LIVE = `subscription Live($apres: ID) { rencontresEnDirect(apres: $apres) { id type rencontre { titre club { nom } } } }`;
const AGENDA = `query Agenda { rencontres(first: 5) { totalCount edges { node { id titre region { nom } club { nom } ressources { titre } } } } }`;

describe('a hub its operators can see into', () => {
  let hub: TestHub;
  let collector: SpanCollector;
  let admin: Record<string, string>;
  let rencontreId: string;
  const extra: ServiceProcess[] = [];

  beforeAll(async () => {
    collector = await SpanCollector.start();
    hub = await startTestHub('exploitation', {
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      // Spans are sent every 100 ms rather than every 5 s: the test waits for them.
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    admin = await authHeaders(ADMIN);
    // One still open to registration: the last test registers someone to it.
    const open = (await openRencontres(hub.gatewayUrl)).at(0);
    if (!open) throw new Error('no upcoming rencontre open to registration in the sample agenda');
    rencontreId = open.id;
  });

  afterAll(async () => {
    for (const service of extra) await service.stop();
    await hub?.stop();
    await collector?.stop();
  });

  it('counts requests, subgraph calls, errors, refusals and live-feed deliveries, on the gateway and every subgraph', async () => {
    const urls = { gateway: hub.gatewayUrl, ...hub.subgraphUrls };
    const before: Record<string, Scrape> = {};
    for (const [name, url] of Object.entries(urls)) before[name] = await Scrape.of(metricsUrlOf(url));

    expect((await graphql(hub.gatewayUrl, AGENDA)).body.errors).toBeUndefined();
    // The same again: answered from the gateway's cache, without calling the subgraphs.
    expect((await graphql(hub.gatewayUrl, AGENDA)).body.errors).toBeUndefined();
    await graphql(hub.gatewayUrl, '{ rencontres(first: 1) { ');
    const nested = (depth: number): string => (depth === 0 ? 'id' : `club { rencontres { edges { node { ${nested(depth - 1)} } } } }`);
    const deep = `{ rencontres { edges { node { ${nested(3)} } } } }`;
    expect((await graphql(hub.gatewayUrl, deep)).body.errors?.[0]?.extensions?.code).toBe('DEPTH_LIMIT_EXCEEDED');

    // A live feed through the gateway: a client, an event delivered, then a client resuming after it.
    const client = liveClient(hub.gatewayUrl);
    const feed = collect(client, LIVE);
    let gateway = await until(metricsUrlOf(hub.gatewayUrl), (s) => s.value('federess_upstream_subscriptions_connected') === 1);
    expect(gateway.value('federess_live_feed_clients', { transport: 'graphql-ws' })).toBe(1);
    const renamed = await graphql(
      hub.gatewayUrl,
      'mutation Renommer($id: ID!) { modifierRencontre(id: $id, input: { titre: "Rencontre observée" }) { revision } }',
      { id: rencontreId },
      admin,
    );
    expect(renamed.body.errors).toBeUndefined();
    const [event] = await feed.waitFor(1);
    const resumed = collect(client, LIVE, { apres: String(BigInt(event!.id) - 1n) });
    await resumed.waitFor(1);
    feed.stop();
    resumed.stop();

    gateway = await until(metricsUrlOf(hub.gatewayUrl), (s) => s.value('federess_live_feed_clients') === 0);
    await client.dispose();
    const after: Record<string, Scrape> = { gateway };
    for (const [name, url] of Object.entries(hub.subgraphUrls)) after[name] = await Scrape.of(metricsUrlOf(url));
    const moved = (service: string, name: string, labels: Record<string, string> = {}) =>
      after[service]!.value(name, labels) - before[service]!.value(name, labels);

    expect(moved('gateway', 'federess_http_requests_total', { operation: 'Agenda', type: 'query', code: 'OK' })).toBe(2);
    expect(moved('gateway', 'federess_http_request_duration_seconds_count', { operation: 'Agenda', type: 'query', code: 'OK' })).toBe(2);
    // The first Agenda misses its four fetches and its whole response; the second is its kept whole response.
    expect(moved('gateway', 'federess_cache_misses_total')).toBeGreaterThanOrEqual(4);
    expect(moved('gateway', 'federess_cache_response_misses_total')).toBeGreaterThanOrEqual(1);
    expect(moved('gateway', 'federess_cache_response_hits_total')).toBeGreaterThanOrEqual(1);
    expect(gateway.value('federess_cache_entries')).toBeGreaterThanOrEqual(4);
    for (const subgraph of ['clubs', 'rencontres', 'publications', 'collectivites'])
      expect(gateway.value('federess_cache_listening', { subgraph })).toBe(1);
    expect(moved('gateway', 'federess_http_requests_total', { operation: 'Renommer', type: 'mutation', code: 'OK' })).toBe(1);
    expect(moved('gateway', 'federess_http_requests_total', { type: 'unknown', code: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
    for (const subgraph of ['rencontres', 'clubs', 'publications'])
      expect(moved('gateway', 'federess_subgraph_request_duration_seconds_count', { subgraph, code: 'OK' })).toBeGreaterThanOrEqual(1);
    expect(moved('gateway', 'federess_graphql_errors_total', { code: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
    expect(moved('gateway', 'federess_limit_refusals_total', { limit: 'depth' })).toBe(1);
    expect(moved('gateway', 'federess_live_events_delivered_total')).toBe(2);
    expect(moved('gateway', 'federess_live_feed_replays_total')).toBe(1);
    expect(moved('gateway', 'federess_live_event_delay_seconds_count')).toBe(1);
    expect(gateway.value('federess_outbox_lag_seconds')).toBe(0);
    expect(gateway.has('process_cpu_seconds_total') && gateway.has('nodejs_heap_size_used_bytes')).toBe(true);

    // The subgraphs: their own requests (the gateway's fetches), the live feed the gateway holds, the SQL pool.
    expect(moved('rencontres', 'federess_http_requests_total', { type: 'mutation', code: 'OK' })).toBe(1);
    expect(moved('rencontres', 'federess_live_events_delivered_total')).toBeGreaterThanOrEqual(2);
    expect(moved('rencontres', 'federess_live_feed_replays_total')).toBeGreaterThanOrEqual(1);
    expect(after.rencontres!.has('federess_sql_pool_connections') && after.rencontres!.has('federess_sql_pool_waiting')).toBe(true);
    for (const name of ['clubs', 'publications', 'collectivites'])
      expect(moved(name, 'federess_http_requests_total', { type: 'query', code: 'OK' })).toBeGreaterThanOrEqual(1);
  });

  it('traces one request through the gateway, each subgraph fetch and its SQL, in the trace of the caller', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${callerSpanId}-01` },
      // A document of its own: a cached answer (the gateway's cache) would make no subgraph call to trace.
      body: JSON.stringify({ query: AGENDA.replace('first: 5', 'first: 4') }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('traceresponse')).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    // Either generation of the semantic conventions (db.system or db.system.name, http.method or http.request.method).
    const isSql = (span: CollectedSpan) =>
      span.attributes['db.system'] === 'postgresql' || span.attributes['db.system.name'] === 'postgresql';
    const isPost = (span: CollectedSpan) => (span.attributes['http.method'] ?? span.attributes['http.request.method']) === 'POST';
    const sqlOf = (service: string) => (spans: CollectedSpan[]) => spans.some((span) => span.service === service && isSql(span));
    // The root fetch (a document of its own) reaches rencontres; the entity fetches may be answered by the cache.
    const fetched = (spans: CollectedSpan[]) =>
      spans.filter((span) => span.service === 'federess-gateway' && span.name.startsWith('subgraph ')).map((span) => span.name.slice(9));
    const spans = await collector.trace(
      traceId,
      (s) =>
        s.some((span) => span.parentSpanId === callerSpanId) &&
        fetched(s).includes('rencontres') &&
        fetched(s).every((name) => sqlOf(`federess-${name}`)(s)) &&
        // Every span's parent is in (a parent ends, so is sent, after its children).
        s.every((span) => span.parentSpanId === callerSpanId || s.some((other) => other.spanId === span.parentSpanId)),
    );
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const ancestors = (span: CollectedSpan): CollectedSpan[] => {
      const parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
      return parent ? [parent, ...ancestors(parent)] : [];
    };
    expect(fetched(spans)).toContain('rencontres');
    for (const subgraph of fetched(spans)) {
      const fetchSpan = spans.find((span) => span.service === 'federess-gateway' && span.name === `subgraph ${subgraph}`);
      expect(fetchSpan?.attributes['federess.subgraph.name']).toBe(subgraph);
      // A statement of the subgraph descends from the gateway's fetch, through the subgraph's own request span.
      const statement = spans.find((span) => span.service === `federess-${subgraph}` && isSql(span));
      const chain = ancestors(statement!);
      expect(chain.map((span) => span.spanId)).toContain(fetchSpan!.spanId);
      expect(chain.some((span) => span.service === `federess-${subgraph}` && isPost(span))).toBe(true);
      // No statement's parameters, no document's values.
      expect(JSON.stringify(statement!.attributes)).not.toMatch(/db\.statement\.parameters|"\$1":/);
    }
    // The gateway's request span is the child of the caller's, and every other span descends from it.
    const root = spans.find((span) => span.parentSpanId === callerSpanId);
    expect(root?.service).toBe('federess-gateway');
    expect(root && isPost(root)).toBe(true);
    for (const span of spans) if (span !== root) expect(ancestors(span)).toContain(root);
  });

  it('serves metrics on a port of their own in production, never on the public port', async () => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    const gateway = startService(
      'gateway-production',
      entryOf('@federess/gateway'),
      {
        ...hub.env,
        FEDERESS_MODE: 'production',
        FEDERESS_JWT_SECRET: 'secret-des-metriques-en-production-0123456789',
        FEDERESS_GATEWAY_SECRET: 'secret-passerelle-des-metriques-0123456789',
        GATEWAY_PORT: String(port),
        FEDERESS_METRICS_PORT: String(metricsPort),
        OTEL_EXPORTER_OTLP_ENDPOINT: '',
      },
      { output: (line) => hub.logs.output('gateway-production', line) },
    );
    extra.push(gateway);
    await waitHealthy(gateway, `http://127.0.0.1:${port}/health`, 60_000);
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    expect((await graphql(`http://127.0.0.1:${port}/graphql`, 'query Bonjour { __typename }')).status).toBe(200);
    const scrape = await Scrape.of(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(scrape.value('federess_http_requests_total', { operation: 'Bonjour', service: 'gateway' })).toBe(1);
    expect(scrape.value('federess_http_requests_total', { operation: 'not_found', code: 'NOT_FOUND' })).toBe(1);
  });

  it('writes JSON lines in production, with the trace id of each request', () => {
    const lines = hub.logs
      .since()
      .split('\n')
      .filter((line) => line.startsWith('[gateway-production] {'))
      .map((line) => JSON.parse(line.slice('[gateway-production] '.length)) as Record<string, unknown>);
    const request = lines.find((line) => line.msg === 'request' && line.operation === 'Bonjour');
    expect(request).toMatchObject({ level: 'info', service: 'gateway', component: 'http', type: 'query', code: 'OK', status: 200 });
    expect(request?.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof request?.durationMs).toBe('number');
  });

  it('logs no token, e-mail, feed token, credential nor secret, in any service of the whole e2e run', async () => {
    // What is most likely to leak, on this hub: tokens in headers (good, bad, a feed's in its URL), a
    // registration's e-mail, a false gateway claim to a subgraph.
    const inscription = await graphql(
      hub.gatewayUrl,
      'mutation($id: ID!, $input: InscriptionInput!) { inscrire(rencontreId: $id, input: $input) { id } }',
      { id: rencontreId, input: { prenom: 'Jeanne', nom: 'Observée', email: 'jeanne.observee@example.org', qualite: 'ELU' } },
      admin,
    );
    expect(inscription.body.errors).toBeUndefined();
    const { body } = await graphql<{ creerJetonAgenda: { chemin: string } }>(
      hub.gatewayUrl,
      'mutation { creerJetonAgenda(libelle: "Journal") { chemin } }',
      {},
      admin,
    );
    const { chemin } = dataOf(body).creerJetonAgenda;
    expect((await fetch(new URL(chemin, hub.gatewayUrl))).status).toBe(200);
    expect((await fetch(new URL('/agenda.ics?jeton=agenda_inconnu0123456789abcdef', hub.gatewayUrl))).status).toBe(401);
    await graphql(hub.gatewayUrl, '{ __typename }', {}, { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' });
    await graphql(hub.subgraphUrls.rencontres, '{ __typename }', {}, { 'x-federess-gateway': 'pas-le-bon-secret-de-la-passerelle' });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the services' last lines

    const files = runLogs();
    // This file's own logs hold the lines of what was just done, among them the registration's.
    const own = files.find((f) => f.file.startsWith('exploitation-'))?.text ?? '';
    expect(own).toMatch(/\[gateway\/http\] request/);
    expect(own).toMatch(/\[rencontres\/http\] request .*"type":"mutation"/);
    const token = chemin.slice(chemin.indexOf('jeton=') + 'jeton='.length);
    const leaks: string[] = [];
    for (const { file, text, secrets } of files) {
      const patterns: [string, RegExp][] = [
        ['a JWT', /eyJ[\w-]{6,}\.eyJ[\w-]{6,}\.[\w-]+/],
        ['a bearer token', /Bearer\s+(?!\[masqué\])[^\s"']+/i],
        ['a private feed token', /agenda_[\w-]{16,}/],
        ['credentials in a URL', /\/\/[^/\s:@"]+:[^/\s@"]+@/],
        ['an e-mail', /[\w.+-]+@[\w-]+(\.[\w-]+)*\.[a-z]{2,}\b/i],
      ];
      for (const [what, pattern] of patterns) {
        const match = pattern.exec(text);
        if (match) leaks.push(`${file}: ${what} (${match[0].slice(0, 12)}…)`);
      }
      for (const secret of [...secrets, token]) if (text.includes(secret)) leaks.push(`${file}: a secret (${secret.slice(0, 6)}…)`);
    }
    expect(leaks).toEqual([]);
  });
});

/** Scrapes until `ready` holds (polled for up to 10 s), and returns that scrape. */
async function until(metricsUrl: string, ready: (scrape: Scrape) => boolean): Promise<Scrape> {
  for (let i = 0; ; i++) {
    const scrape = await Scrape.of(metricsUrl);
    if (ready(scrape) || i >= 200) return scrape;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
