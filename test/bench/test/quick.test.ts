import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from '@jest/globals';
import type { BenchResult } from '../src/report';

/**
 * `pnpm bench --quick` for real (the built harness, a throw-away Postgres, the whole hub, Hive Gateway
 * and a plain Apollo gateway): it must finish and write a well-formed result. The figures themselves
 * are not asserted: they depend on the machine.
 */
describe('pnpm bench --quick', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'federess-bench-test-'));
  const out = path.join(dir, 'quick.json');
  let result: BenchResult;

  beforeAll(async () => {
    const child = spawn(process.execPath, [path.join(__dirname, '..', 'dist', 'run.js'), '--quick', '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`bench --quick exited with ${code}:\n${output}`);
    result = JSON.parse(fs.readFileSync(out, 'utf8')) as BenchResult;
  }, 480_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const finite = (value: unknown) => typeof value === 'number' && Number.isFinite(value);

  it('records the machine, the dataset and every scenario', () => {
    expect(result.mode).toBe('quick');
    expect(result.machine).toMatchObject({ cores: expect.any(Number), memoryGiB: expect.any(Number), node: process.version });
    expect(Number.isNaN(Date.parse(result.machine.date))).toBe(false);
    expect(result.dataset.rows.rencontre).toBeGreaterThan(1000);
    expect(result.dataset.rows.club).toBe(18);
    expect(Object.keys(result.scenarios).sort()).toEqual(['fanout', 'freshness', 'queries', 'search', 'sql', 'startup']);
  });

  it('measures every query through the gateways (Hive Gateway with its Rust planner among them) and the floor, at 1, 16 and 64 connections', () => {
    const { cells, sameData } = result.scenarios.queries;
    expect(cells).toHaveLength(9);
    expect(Object.values(sameData)).toEqual([true, true, true]);
    for (const cell of cells) {
      expect(Object.keys(cell.results).sort()).toEqual(['apollo', 'federess', 'federess-nocache', 'floor', 'hive', 'hive-rust']);
      expect(finite(cell.ratioHiveRust) && finite(cell.ratioHiveRustNoCache)).toBe(true);
      for (const r of Object.values(cell.results)) {
        for (const key of ['requests', 'requestsPerSecond', 'errors', 'durationS'] as const) expect(finite(r[key])).toBe(true);
        // A cell with no completed request has no latency (null), never a made-up one.
        if (r.requests > 0) expect(finite(r.p50) && finite(r.p99)).toBe(true);
      }
    }
  });

  it('counts SQL statements next to the plan, and measures the live feed, search and start-up', () => {
    for (const row of result.scenarios.sql.rows) {
      expect(row.planFetches).toBeGreaterThan(0);
      expect(finite(row.statements)).toBe(true);
    }
    const live = result.scenarios.fanout.rows.filter((r) => r.gateway === 'federess');
    expect(live.map((r) => r.clients)).toEqual([1, 100]);
    for (const row of live) {
      expect(row.delivered).toBe(row.expected);
      expect(row.upstreamSubscriptions).toBe(1);
      for (const key of ['p50', 'p99', 'max', 'rssPerConnectionKiB'] as const) expect(finite(row[key])).toBe(true);
    }
    expect(typeof result.scenarios.fanout.hive.supported).toBe('boolean');
    const { search, startup } = result.scenarios;
    expect(search.names).toBe(50);
    expect(finite(search.gateway.p50) && finite(search.gateway.p99)).toBe(true);
    expect(search.firstCount).toBeGreaterThanOrEqual(0);
    expect(finite(startup.coldS) && finite(startup.warmS)).toBe(true);
    expect(result.targets.length).toBeGreaterThanOrEqual(10);
  });

  it('runs a short freshness scenario through the same gateway, another replica and Hive Gateway with a TTL cache', () => {
    const rows = result.scenarios.freshness.rows;
    expect(rows.map((r) => `${r.readers}<-${r.writer}`)).toEqual([
      'federess<-federess',
      'federess-replica<-federess',
      'hive-ttl<-hive-ttl',
      'hive-ttl<-federess',
    ]);
    for (const row of rows) {
      expect(row.reads).toBeGreaterThan(0);
      expect(row.mutations).toBeGreaterThan(0);
      expect(row.note).toBeUndefined();
      expect(finite(row.staleReads)).toBe(true);
    }
    // The cache is exact through the gateway that wrote: no figure of the machine changes that.
    expect(rows[0]?.staleReads).toBe(0);
    expect(finite(rows[1]!.staleWindow.p99) && finite(rows[1]!.eventDelivery?.p99)).toBe(true);
    expect(rows[2]?.mutations).toBeGreaterThan(0);
  });
});
