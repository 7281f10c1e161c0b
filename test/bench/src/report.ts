import type { DatasetSummary } from './dataset';
import type { Machine } from './proc';
import type { FanoutRow } from './scenario-fanout';
import type { FreshnessResult } from './scenario-freshness';
import type { QueriesResult } from './scenario-queries';
import type { SearchResult } from './scenario-search';
import type { SqlResult } from './scenario-sql';
import type { StartupResult } from './scenario-startup';

export interface Target {
  readonly name: string;
  readonly aim: string;
  readonly figure: string;
  readonly met: boolean | null;
  readonly cause?: string;
}

export interface BenchResult {
  readonly mode: 'full' | 'quick';
  readonly command: string;
  readonly machine: Machine;
  /** 1-minute load average at the start and end of the scenarios (anything well above 0 before the bench means other work shared the cores). */
  readonly loadAverage: Record<string, number>;
  readonly dataset: DatasetSummary;
  readonly totalS: number;
  readonly scenarios: {
    readonly queries: QueriesResult;
    readonly sql: SqlResult;
    readonly fanout: { readonly rows: FanoutRow[]; readonly hive: { readonly supported: boolean; readonly note: string } };
    readonly freshness: FreshnessResult;
    readonly search: SearchResult;
    readonly startup: StartupResult;
  };
  readonly targets: Target[];
}

const fmt = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function queriesTable(q: QueriesResult): string {
  const rows = q.cells.map((c) => {
    const r = c.results;
    return [
      c.query,
      c.concurrency,
      ...['federess', 'federess-nocache', 'hive-rust', 'hive', 'apollo', 'floor'].map(
        (t) => `${fmt(r[t]!.requestsPerSecond, 0)} / ${fmt(r[t]!.p50, 1)} / ${fmt(r[t]!.p99, 1)} / ${r[t]!.errors}`,
      ),
      fmt(c.ratioHiveRust, 2),
      fmt(c.ratioHiveRustNoCache, 2),
      fmt(c.ratioHive, 2),
      fmt(c.ratioApollo, 2),
      ['federess', 'federess-nocache', 'hive-rust', 'hive', 'apollo'].map((g) => fmt(c.p99OverFloor[g], 1)).join(' / '),
    ];
  });
  return (
    `Each cell: req/s / p50 ms / p99 ms / errors; ${q.rounds} round(s) of ${q.durationPerRoundS} s per cell, targets taking turns.\n\n` +
    table(
      [
        'query',
        'conc.',
        'FédérESS',
        'FédérESS, cache off',
        'Hive Gateway + Rust planner',
        'Hive Gateway',
        'plain Apollo',
        'floor (subgraph alone)',
        'FédérESS / Hive Rust',
        'FédérESS cache off / Hive Rust',
        'FédérESS / Hive',
        'FédérESS / Apollo',
        'p99 ÷ floor p99 (FédérESS / cache off / Hive Rust / Hive / Apollo)',
      ],
      rows,
    )
  );
}

export function sqlTable(s: SqlResult): string {
  const rows = s.rows.map((r) => [
    r.query,
    r.gateway,
    r.planFetches,
    r.planServices.join(' → '),
    fmt(r.statements, 2),
    Object.entries(r.byDatabase)
      .map(([db, n]) => `${db} ${fmt(n, 2)}`)
      .join(', '),
  ]);
  return (
    `${s.method}\n\n` +
    table(['query', 'through', 'plan fetches (lower bound)', 'fetches', 'SQL statements / op', 'per subgraph database'], rows)
  );
}

export function fanoutTable(rows: readonly FanoutRow[], hive: { supported: boolean; note: string }): string {
  const body = rows.map((r) => [
    r.gateway,
    r.clients,
    `${r.delivered}/${r.expected}`,
    fmt(r.p50, 1),
    fmt(r.p99, 1),
    fmt(r.max, 1),
    fmt(r.p99FromRequest, 1),
    fmt(r.rssPerConnectionKiB, 1),
    `${fmt(r.rssBeforeMiB)} → ${fmt(r.rssAfterMiB)}`,
    r.upstreamSubscriptions ?? '–',
    `${r.upstreamConnectionsBefore} → ${r.upstreamConnections}`,
    fmt(r.rencontresStatementsPerEvent, 1),
    fmt(r.subscribeMs / 1000, 1),
    r.note ?? '',
  ]);
  return (
    'Latency: from the creerRencontre response (commit done) to the event at each client; "from request" counts from when the mutation was sent. ' +
    '"rencontres SQL / mutation": statements in the rencontres database per measured mutation, the mutation\'s own included; the rest grows with the upstream subscriptions the subgraph serves. ' +
    'RSS per connection: (gateway RSS with the clients live − before) ÷ clients; at 1 client it is noise (GC).\n\n' +
    table(
      [
        'gateway',
        'clients',
        'delivered',
        'p50 ms',
        'p99 ms',
        'max ms',
        'p99 from request ms',
        'RSS KiB / connection',
        'gateway RSS MiB',
        'upstream subscriptions (/health)',
        'TCP connections to rencontres (before → live)',
        'rencontres SQL / mutation',
        'connect + live s',
        'note',
      ],
      body,
    ) +
    (hive.note ? `\n\nHive Gateway subscriptions: ${hive.note}` : '')
  );
}

export function freshnessTable(f: FreshnessResult): string {
  return (
    `${f.method}\n\n` +
    table(
      [
        'readers through',
        'writer through',
        's',
        'changes (/s)',
        'reads',
        'stale reads',
        'first fresh read after a change p50 / p99 / max ms',
        'event applied at the replica p50 / p99 / max ms',
        'read p50 / p99 ms',
        'note',
      ],
      f.rows.map((r) => [
        r.readers,
        r.writer,
        fmt(r.durationS, 1),
        `${r.mutations} (${fmt(r.mutationsPerSecond, 1)})`,
        r.reads,
        r.staleReads,
        `${fmt(r.staleWindow.p50, 1)} / ${fmt(r.staleWindow.p99, 1)} / ${fmt(r.staleWindow.max, 1)}`,
        r.eventDelivery ? `${fmt(r.eventDelivery.p50, 1)} / ${fmt(r.eventDelivery.p99, 1)} / ${fmt(r.eventDelivery.max, 1)}` : '–',
        `${fmt(r.readP50, 1)} / ${fmt(r.readP99, 1)}`,
        r.note ?? '',
      ]),
    )
  );
}

export function searchTable(s: SearchResult): string {
  const summary = table(
    ['names', 'runs each', 'gateway p50 ms', 'gateway p99 ms', 'subgraph p50 ms', 'subgraph p99 ms', 'intended first', 'intended in top 5'],
    [
      [
        s.names,
        s.repetitions,
        fmt(s.gateway.p50, 1),
        fmt(s.gateway.p99, 1),
        fmt(s.subgraph.p50, 1),
        fmt(s.subgraph.p99, 1),
        `${s.firstCount}/${s.names}`,
        `${s.inTop5}/${s.names}`,
      ],
    ],
  );
  const misses = s.misses.length
    ? '\n\nNot first:\n\n' +
      table(
        ['typed', 'intended', 'rank', 'first result'],
        s.misses.map((m) => [m.typed, m.intended, m.rank || 'absent', m.first ?? '–']),
      )
    : '';
  return summary + misses;
}

export function startupTable(s: StartupResult): string {
  return table(
    ['start', 'to ready (s)'],
    [
      ['cold (fresh data dir: initdb, migrations, COG + seed)', fmt(s.coldS, 1)],
      ['warm restart (same data dir)', fmt(s.warmS, 1)],
    ],
  );
}

export function targetsTable(targets: readonly Target[]): string {
  return table(
    ['target', 'figure', 'met', 'likely cause when missed'],
    targets.map((t) => [t.aim, t.figure, t.met === null ? 'n/a' : t.met ? 'yes' : '**no**', t.cause ?? '']),
  );
}

export function machineLine(m: Machine): string {
  return `${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}, ${m.date}`;
}

export function fullReport(result: BenchResult): string {
  const s = result.scenarios;
  return [
    `## FédérESS bench (${result.mode}) — ${machineLine(result.machine)}`,
    `Load average (1 min) during the run: ${Object.entries(result.loadAverage)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    `Dataset: ${result.dataset.rows.rencontre} rencontres, ${result.dataset.rows.publication} publications, ${result.dataset.rows.club} clubs, ${result.dataset.rows.inscription} inscriptions, ${result.dataset.rows.collectivite} collectivités (seed ${result.dataset.seed}). Total ${result.totalS} s.`,
    '### 1. Queries',
    queriesTable(s.queries),
    '### 2. SQL statements per operation',
    sqlTable(s.sql),
    '### 3. Live-feed fan-out',
    fanoutTable(s.fanout.rows, s.fanout.hive),
    '### 4. Freshness',
    freshnessTable(s.freshness),
    '### 5. Search',
    searchTable(s.search),
    '### 6. Start-up',
    startupTable(s.startup),
    '### Targets',
    targetsTable(result.targets),
  ].join('\n\n');
}
