import * as fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { childEnvironment, readLauncherSettings, SUBGRAPH_NAMES } from '@federess/config';
import { freePort } from '@federess/database';
import { type RunningHub, startHub } from '@federess/launcher';
import { clubIdOfRegion } from '@federess/vocabulaire';
import { LOAD_FROM_ONE_ADDRESS } from './bench-environment';
import { FULL_DATASET, loadDataset, QUICK_DATASET } from './dataset';
import { post } from './graphql';
import { load, type LoadResult, type RawLoad, round, summarize } from './load';
import { startBenchPostgres } from './postgres';
import { machine } from './proc';
import { queryScenarios } from './queries';
import { machineLine } from './report';

/** The stacks compared: the same hub, its metrics and its tracing on or off. */
const VARIANTS = [
  { name: 'bare', description: 'metrics off (FEDERESS_METRICS=false), tracing off', env: { FEDERESS_METRICS: 'false' } },
  { name: 'metrics', description: 'metrics on (the default), tracing off', env: {} },
  {
    name: 'metrics+tracing',
    description: 'metrics on, tracing on: every request sampled, spans exported over OTLP (http/protobuf) to a local sink',
    env: { TRACING: 'on' },
  },
] as const;

export interface OverheadRow {
  readonly variant: string;
  readonly concurrency: number;
  readonly result: LoadResult;
  /** req/s of the variant ÷ req/s of `bare`, in the same run. */
  readonly ratio: number;
}

/** An OTLP/HTTP endpoint that takes every export and keeps nothing: what the tracing variant exports to. */
async function otlpSink(): Promise<{ url: string; stop: () => Promise<void>; exports: () => number }> {
  let exports = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      exports += 1;
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
    exports: () => exports,
  };
}

/**
 * `pnpm bench --scenario overhead`: the cost of metrics and tracing on the agenda query. Three copies
 * of the stack (four subgraphs and a gateway each) on the same Postgres and data — without metrics
 * nor tracing, with metrics, with metrics and tracing — loaded in turns, the order rotating between
 * rounds, so that each ratio is taken in one run. Logs are the same in all three (info, the access
 * log of every request, to a pipe the bench drains).
 */
export async function runOverhead(quick: boolean, outFile: string, log: (line: string) => void): Promise<OverheadRow[]> {
  const concurrencies = quick ? [16] : [1, 16, 64];
  const [durationS, rounds] = quick ? [1, 1] : [5, 3];
  const pg = await startBenchPostgres(log);
  const sink = await otlpSink();
  const hubs: { variant: (typeof VARIANTS)[number]; hub: RunningHub }[] = [];
  try {
    for (const [index, variant] of VARIANTS.entries()) {
      const ports: Record<string, number> = { gateway: await freePort() };
      for (const name of SUBGRAPH_NAMES) ports[name] = await freePort();
      const env: Record<string, string> = {
        DATABASE_URL: pg.serverUrl,
        ...LOAD_FROM_ONE_ADDRESS,
        FEDERESS_LOG_LEVEL: 'info',
        // The first stack migrates and seeds; the others start on the same databases.
        FEDERESS_SEED: index === 0 ? 'true' : 'false',
        ...('FEDERESS_METRICS' in variant.env ? { FEDERESS_METRICS: variant.env.FEDERESS_METRICS } : {}),
        ...('TRACING' in variant.env ? { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_TRACES_SAMPLER: 'always_on' } : {}),
      };
      const settings = readLauncherSettings(env);
      log(`Stack ${variant.name}: ${variant.description}`);
      const hub = await startHub(
        { ...settings, ports: ports as typeof settings.ports },
        { env: childEnvironment(env), log: (line) => log(`  ${line}`), output: () => undefined },
      );
      hubs.push({ variant, hub });
      if (index === 0) {
        const dataset = await loadDataset((name) => pg.databaseUrl(name), quick ? QUICK_DATASET : FULL_DATASET, log);
        log(`  dataset loaded in ${(dataset.loadMs / 1000).toFixed(1)} s`);
      }
    }
    const today = new Date();
    const agenda = queryScenarios({
      depuis: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())).toISOString(),
      clubId: clubIdOfRegion('BRE'),
      collectiviteId: 'COMMUNE:35238',
    }).find((scenario) => scenario.name === 'agenda')!;
    const body = JSON.stringify({ query: agenda.query, variables: agenda.variables });
    for (const { variant, hub } of hubs) {
      const answer = await post(hub.gatewayUrl, agenda.query, agenda.variables);
      if (answer.errors) throw new Error(`${variant.name}: ${answer.errors[0]?.message}`);
      await load(hub.gatewayUrl, body, 16, quick ? 0.5 : 3);
    }
    const rows: OverheadRow[] = [];
    let turn = 0;
    for (const concurrency of concurrencies) {
      const raw: Record<string, RawLoad[]> = Object.fromEntries(hubs.map(({ variant }) => [variant.name, []]));
      for (let r = 0; r < rounds; r++) {
        const shift = turn++ % hubs.length;
        const order = [...hubs.slice(shift), ...hubs.slice(0, shift)];
        for (const { variant, hub } of order) (raw[variant.name] ??= []).push(await load(hub.gatewayUrl, body, concurrency, durationS));
      }
      const bare = summarize(raw.bare ?? []);
      for (const { variant } of hubs) {
        const result = summarize(raw[variant.name] ?? []);
        rows.push({ variant: variant.name, concurrency, result, ratio: round(result.requestsPerSecond / bare.requestsPerSecond, 3) });
      }
      log(
        `  c=${concurrency}: ${rows
          .slice(-hubs.length)
          .map((row) => `${row.variant} ${row.result.requestsPerSecond} req/s`)
          .join(', ')}`,
      );
    }
    if (sink.exports() === 0) throw new Error('the tracing stack exported no span: the comparison would not measure tracing');
    const info = machine();
    const report = [
      `Overhead of metrics and tracing, agenda query through the gateway: \`pnpm bench --scenario overhead${quick ? ' --quick' : ''}\`, ${machineLine(info)}.`,
      `${rounds} round(s) of ${durationS} s per cell, the three stacks taking turns; spans exported ${sink.exports()} times.`,
      '',
      '| stack | conc. | req/s | p50 ms | p99 ms | errors | req/s ÷ bare |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows.map(
        (row) =>
          `| ${row.variant} | ${row.concurrency} | ${row.result.requestsPerSecond} | ${row.result.p50} | ${row.result.p99} | ${row.result.errors} | ${row.ratio} |`,
      ),
    ].join('\n');
    console.log(`\n${report}\n`);
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, `${JSON.stringify({ scenario: 'overhead', quick, machine: info, variants: VARIANTS, rows }, null, 2)}\n`);
    log(`Results written to ${outFile}`);
    return rows;
  } finally {
    for (const { hub } of hubs.reverse()) await hub.stop().catch(() => undefined);
    await sink.stop();
    await pg.stop();
  }
}
