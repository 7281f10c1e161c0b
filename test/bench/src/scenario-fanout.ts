import { performance } from 'node:perf_hooks';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { post, sleep } from './graphql';
import { percentile, round } from './load';
import type { StatementStats } from './postgres';
import { connectionsTo, rssKiB } from './proc';
import { sseSubscribe } from './sse-client';

export const LIVE_QUERY = `subscription Fanout($filtre: RencontresEnDirectFiltre) {
  rencontresEnDirect(filtre: $filtre) { id type rencontre { titre club { nom } } }
}`;
export const LIVE_VARIABLES = { filtre: { regions: ['BRE'] } };

export interface FanoutRow {
  readonly gateway: string;
  readonly clients: number;
  /** Clients whose connection was acknowledged. */
  readonly connected: number;
  /** From the first connection to every client subscribed and the feed live, ms. */
  readonly subscribeMs: number;
  readonly mutations: number;
  readonly delivered: number;
  readonly expected: number;
  /** From the mutation's response (its commit is done) to the event at each client, ms. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** The same from the moment the mutation was sent (an upper bound of commit → delivery). */
  readonly p99FromRequest: number;
  readonly rssBeforeMiB: number;
  readonly rssAfterMiB: number;
  readonly rssPerConnectionKiB: number;
  /** What the FédérESS gateway's /health reports (null for Hive, which has no such counter). */
  readonly upstreamSubscriptions: number | null;
  /** TCP connections the gateway process holds to the rencontres subgraph once the clients are live (and before they came). */
  readonly upstreamConnections: number;
  readonly upstreamConnectionsBefore: number;
  /**
   * SQL statements in the rencontres database per measured mutation: the mutation's own, plus what the
   * subgraph runs per event for each upstream subscription it serves (so it grows with them).
   */
  readonly rencontresStatementsPerEvent: number;
  readonly note?: string;
}

export interface FanoutTarget {
  readonly name: string;
  readonly url: string;
  readonly pid: number | undefined;
  /** The FédérESS gateway's /health, to wait until it holds the expected subscriptions. */
  readonly healthUrl?: string;
  /** How clients subscribe: graphql-ws (default) or Server-Sent Events (the FédérESS gateway only). */
  readonly transport?: 'graphql-ws' | 'sse';
}

interface Options {
  readonly mutate: (titre: string) => Promise<void>;
  readonly mutations: number;
  readonly rencontresPort: number;
  readonly stats: StatementStats | undefined;
  readonly log: (line: string) => void;
}

async function health(url: string): Promise<Record<string, number>> {
  return (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as Record<string, number>;
}

/**
 * N real graphql-ws clients (the `graphql-ws` package front-ends use) on one subscription, then
 * mutations through the FédérESS gateway; each client stamps each event's arrival.
 */
export async function fanout(target: FanoutTarget, clientsWanted: number, options: Options): Promise<FanoutRow> {
  const { log } = options;
  const wsUrl = target.url.replace(/^http/, 'ws');
  const rssBefore = rssKiB(target.pid);
  const socketsBefore = connectionsTo(target.pid, options.rencontresPort);
  const clients: Pick<Client, 'dispose'>[] = [];
  let connected = 0;
  const failures: string[] = [];
  /** titre → arrival times (performance.now) */
  const arrivals = new Map<string, number[]>();
  /** Which clients have received a warm-up event (any of them). */
  const warmed = new Uint8Array(clientsWanted);
  let warmedCount = 0;
  const WARM = `Bench ${target.name} ${clientsWanted} échauffement`;
  const started = performance.now();
  let note: string | undefined;
  try {
    const batch = 250;
    for (let start = 0; start < clientsWanted; start += batch) {
      const wanted = Math.min(clientsWanted, start + batch);
      while (clients.length < wanted) {
        const index = clients.length;
        const next = (result: { data?: Record<string, unknown> | null; errors?: unknown }) => {
          const at = performance.now();
          if (result.errors && failures.length < 5) failures.push(JSON.stringify(result.errors).slice(0, 200));
          const titre = (result.data?.rencontresEnDirect as { rencontre: { titre: string } | null } | undefined)?.rencontre?.titre;
          if (titre) arrivals.get(titre)?.push(at);
          if (titre?.startsWith(WARM) && !warmed[index]) {
            warmed[index] = 1;
            warmedCount += 1;
          }
        };
        const error = (message: string) => {
          if (failures.length < 5) failures.push(message.slice(0, 200));
        };
        if (target.transport === 'sse') {
          const client = sseSubscribe(
            target.url,
            { query: LIVE_QUERY, variables: LIVE_VARIABLES },
            { connected: () => void (connected += 1), next, error },
          );
          clients.push({ dispose: () => client.dispose() });
          continue;
        }
        const client = createClient({
          url: wsUrl,
          webSocketImpl: WebSocket,
          retryAttempts: 0,
          lazy: true,
          on: { connected: () => void (connected += 1) },
        });
        clients.push(client);
        client.subscribe<Record<string, unknown>>(
          { query: LIVE_QUERY, variables: LIVE_VARIABLES },
          {
            next,
            error: (e) => error(e instanceof Error ? e.message : JSON.stringify(e)),
            complete: () => undefined,
          },
        );
      }
      // Bounded: each batch gets 20 s to be acknowledged.
      const deadline = Date.now() + 20_000;
      while (connected < wanted && Date.now() < deadline && failures.length === 0) await sleep(20);
    }
    if (connected < clientsWanted)
      note = `only ${connected} of ${clientsWanted} clients connected${failures.length ? `: ${failures[0]}` : ''}`;

    // Live: the FédérESS gateway says so on /health; for a gateway without that counter, a probe event must reach every client.
    if (target.healthUrl) {
      const deadline = Date.now() + 60_000;
      let h: Record<string, number> = {};
      while (Date.now() < deadline) {
        h = await health(target.healthUrl);
        if (h.subscribedClients === connected && h.connectedUpstreamSubscriptions === 1) break;
        await sleep(50);
      }
      if (!(h.subscribedClients === connected && h.connectedUpstreamSubscriptions === 1)) note = `gateway not live: ${JSON.stringify(h)}`;
    }
    // Unmeasured warm-up events (for every gateway alike), one a second, until every client has received
    // one: the proof that the feed is live everywhere (Hive has no counter saying when it has subscribed upstream).
    const warmDeadline = Date.now() + 60_000;
    for (let attempt = 0; warmedCount < connected && Date.now() < warmDeadline && attempt < 60; attempt++) {
      await options.mutate(`${WARM} ${attempt}`);
      const until = Date.now() + 1000;
      while (warmedCount < connected && Date.now() < until) await sleep(10);
    }
    if (warmedCount < connected) note = note ?? `warm-up events reached ${warmedCount} of ${connected} clients in 60 s`;
    await sleep(200);
    const subscribeMs = performance.now() - started;
    const rssAfter = rssKiB(target.pid);
    const upstreamConnections = connectionsTo(target.pid, options.rencontresPort);
    const upstreamSubscriptions = target.healthUrl ? ((await health(target.healthUrl)).upstreamSubscriptions ?? null) : null;

    const fromResponse: number[] = [];
    const fromRequest: number[] = [];
    let delivered = 0;
    await options.stats?.reset();
    // Bounded: at most 120 s of measured mutations per row (a slow fan-out measures fewer events, and says so).
    const measureDeadline = Date.now() + 120_000;
    let made = 0;
    for (let k = 0; k < options.mutations && Date.now() < measureDeadline; k++) {
      made += 1;
      const titre = `Bench ${target.name} ${clientsWanted} mesure ${k}`;
      const times: number[] = [];
      arrivals.set(titre, times);
      const sent = performance.now();
      await options.mutate(titre);
      const answered = performance.now();
      const deadline = Math.min(Date.now() + 30_000, measureDeadline + 30_000);
      while (times.length < connected && Date.now() < deadline) await sleep(5);
      delivered += times.length;
      for (const at of times) {
        fromResponse.push(at - answered);
        fromRequest.push(at - sent);
      }
      await sleep(50);
    }
    const read = options.stats ? await options.stats.read() : undefined;
    fromResponse.sort((a, b) => a - b);
    fromRequest.sort((a, b) => a - b);
    const row: FanoutRow = {
      gateway: target.name,
      clients: clientsWanted,
      connected,
      subscribeMs: round(subscribeMs, 0),
      mutations: made,
      delivered,
      expected: connected * made,
      p50: round(percentile(fromResponse, 50)),
      p99: round(percentile(fromResponse, 99)),
      max: round(fromResponse[fromResponse.length - 1] ?? NaN),
      p99FromRequest: round(percentile(fromRequest, 99)),
      rssBeforeMiB: round(rssBefore / 1024, 1),
      rssAfterMiB: round(rssAfter / 1024, 1),
      rssPerConnectionKiB: round((rssAfter - rssBefore) / Math.max(1, connected), 1),
      upstreamSubscriptions,
      upstreamConnections,
      upstreamConnectionsBefore: socketsBefore,
      rencontresStatementsPerEvent: read ? round((read.byDatabase.federess_rencontres ?? 0) / Math.max(1, made), 1) : NaN,
      ...(note || failures.length ? { note: note ?? failures[0] } : {}),
    };
    log(
      `  ${target.name} ${clientsWanted} clients: delivered ${delivered}/${row.expected}, p50 ${row.p50} ms, p99 ${row.p99} ms, max ${row.max} ms, ` +
        `${row.rssPerConnectionKiB} KiB/connection, upstream ${upstreamSubscriptions ?? '-'} subscription(s) / ${upstreamConnections} connection(s)` +
        (row.note ? ` — ${row.note}` : ''),
    );
    return row;
  } finally {
    // Close every client, bounded in time.
    await Promise.race([Promise.allSettled(clients.map((c) => Promise.resolve(c.dispose()))), sleep(15_000)]);
    if (target.healthUrl) {
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && (await health(target.healthUrl)).subscribedClients !== 0) await sleep(100);
    } else {
      await sleep(1000);
    }
  }
}

/** creerRencontre through the FédérESS gateway, in Bretagne, as the live-feed e2e test does. */
export function creerRencontre(gatewayUrl: string, clubId: string, token: string | undefined) {
  let n = 0;
  return async (titre: string): Promise<void> => {
    n += 1;
    const result = await post(
      gatewayUrl,
      'mutation($input: CreerRencontreInput!) { creerRencontre(input: $input) { id } }',
      {
        input: {
          clubId,
          titre,
          thematiques: ['SCIC'],
          format: 'DISTANCIEL',
          debut: `2027-03-${String(1 + (n % 28)).padStart(2, '0')}T09:30:00+01:00`,
          fin: `2027-03-${String(1 + (n % 28)).padStart(2, '0')}T11:30:00+01:00`,
          lienEnLigne: 'https://visio.example.org/federess-bench',
        },
      },
      token ? { authorization: `Bearer ${token}` } : {},
    );
    if (result.errors) throw new Error(`creerRencontre failed: ${result.errors[0]!.message}`);
  };
}
