import * as path from 'node:path';

export const SCENARIOS = ['queries', 'sql', 'fanout', 'freshness', 'search', 'startup'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** The gateways the query scenario can measure (the floor is always measured: every ratio needs it). */
export const QUERY_TARGETS = ['federess', 'federess-nocache', 'hive-rust', 'hive', 'apollo'] as const;

/**
 * What the command line asks beyond the mode. A run restricted by any of these options measures
 * less than the whole bench: its result says which scenarios ran, and its targets are those
 * of what ran, so it is for looking into one aim, never for the README's tables.
 */
export interface BenchOptions {
  readonly quick: boolean;
  /** `--scenarios queries,search`: only these (default: all). */
  readonly scenarios: ReadonlySet<ScenarioName>;
  /** `--queries deep`: only these query scenarios (agenda, regional, deep). */
  readonly queries: readonly string[] | undefined;
  /** `--concurrency 16,64`: only these connection counts. */
  readonly concurrencies: readonly number[] | undefined;
  /** `--duration 3 --rounds 2`: seconds per round of each query cell, and rounds per cell (default: the mode's). */
  readonly durationS: number | undefined;
  readonly rounds: number | undefined;
  /** `--targets federess,hive-rust`: only these gateways in the query scenario (the floor always). */
  readonly targets: readonly string[] | undefined;
  /** `--fanout-clients 1000`: the fan-out at those sizes only. */
  readonly fanoutClients: readonly number[] | undefined;
  /**
   * `--cpu-prof DIR`: the FédérESS gateways the bench measures run with Node's `--cpu-prof`, writing
   * their profiles into DIR when they stop (open them in Chrome DevTools or speedscope).
   */
  readonly cpuProfDir: string | undefined;
  readonly outFile: string;
  /** Whether the run is the whole bench (every scenario, every query, target and concurrency). */
  readonly complete: boolean;
}

const list = (value: string | undefined): string[] | undefined =>
  value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export function parseOptions(args: readonly string[], defaultOut: string): BenchOptions {
  const value = (name: string): string | undefined => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const numbers = (name: string) =>
    list(value(name))
      ?.map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
  const scenarios = list(value('--scenarios'));
  for (const name of scenarios ?? []) {
    if (!(SCENARIOS as readonly string[]).includes(name))
      throw new Error(`--scenarios: unknown scenario ${name} (${SCENARIOS.join(', ')})`);
  }
  const targets = list(value('--targets'));
  for (const name of targets ?? []) {
    if (!(QUERY_TARGETS as readonly string[]).includes(name))
      throw new Error(`--targets: unknown gateway ${name} (${QUERY_TARGETS.join(', ')})`);
  }
  const out = value('--out');
  const cpuProf = value('--cpu-prof');
  const options = {
    quick: args.includes('--quick'),
    scenarios: new Set((scenarios ?? SCENARIOS) as ScenarioName[]),
    queries: list(value('--queries')),
    concurrencies: numbers('--concurrency'),
    durationS: numbers('--duration')?.[0],
    rounds: numbers('--rounds')?.[0],
    targets,
    fanoutClients: numbers('--fanout-clients'),
    cpuProfDir: cpuProf ? path.resolve(cpuProf) : undefined,
    outFile: out ? path.resolve(out) : defaultOut,
  };
  const restricted = scenarios ?? options.queries ?? options.concurrencies ?? targets ?? options.fanoutClients;
  return { ...options, complete: !restricted && !options.durationS && !options.rounds };
}
