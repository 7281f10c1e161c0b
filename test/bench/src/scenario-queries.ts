import { canonical, post } from './graphql';
import { load, type LoadResult, type RawLoad, round, summarize } from './load';
import { floorVariables, type QueryScenario } from './queries';

export interface Target {
  /** `federess`, `hive`, `apollo`, or `floor` (the owning subgraph alone). */
  readonly name: string;
  readonly url: string;
}

export interface QueryCell {
  readonly query: string;
  readonly concurrency: number;
  readonly results: Record<string, LoadResult>;
  /** FédérESS req/s (its cache on) ÷ Hive Gateway with its Rust planner's, ÷ Hive Gateway's, ÷ plain Apollo's. */
  readonly ratioHiveRust: number;
  /** FédérESS with its cache off ÷ Hive Gateway with its Rust planner. */
  readonly ratioHiveRustNoCache: number;
  readonly ratioHive: number;
  readonly ratioApollo: number;
  /** Each gateway's p99 ÷ the floor's p99. */
  readonly p99OverFloor: Record<string, number>;
}

export interface QueriesResult {
  readonly durationPerRoundS: number;
  readonly rounds: number;
  readonly concurrencies: number[];
  /** Do the gateways answer each query with the same data, without errors? */
  readonly sameData: Record<string, boolean>;
  readonly cells: QueryCell[];
}

export const GATEWAYS = ['federess', 'federess-nocache', 'hive-rust', 'hive', 'apollo'] as const;

/**
 * Every query through every target, at each concurrency, for a fixed duration. Targets take turns:
 * each cell runs in `rounds` rounds, the order of the targets rotating between cells and reversed
 * between rounds, so no target always runs first (cold) or last (warm, or when the machine drifts).
 */
export async function runQueries(
  scenarios: readonly QueryScenario[],
  gateways: readonly Target[],
  subgraphUrls: Readonly<Record<string, string>>,
  options: { concurrencies: number[]; durationS: number; rounds: number; warmupS: number },
  log: (line: string) => void,
): Promise<QueriesResult> {
  const sameData: Record<string, boolean> = {};
  for (const scenario of scenarios) {
    const answers = await Promise.all(gateways.map((g) => post(g.url, scenario.query, scenario.variables)));
    const errors = answers.flatMap((a, i) => (a.errors ?? []).map((e) => `${gateways[i]!.name}: ${e.message}`));
    const reference = canonical(answers[0]!.data);
    sameData[scenario.name] = errors.length === 0 && answers.every((a) => canonical(a.data) === reference) && reference !== 'null';
    if (!sameData[scenario.name]) {
      log(
        `  ! ${scenario.name}: the gateways do not give the same error-free answer (${errors.slice(0, 3).join('; ') || 'different data'})`,
      );
    }
    const floor = await post(subgraphUrls[scenario.floorSubgraph]!, scenario.floorQuery, floorVariables(scenario));
    if (floor.errors) log(`  ! ${scenario.name} floor: ${floor.errors[0]!.message}`);
  }

  const cells: QueryCell[] = [];
  let turn = 0;
  for (const scenario of scenarios) {
    const body = JSON.stringify({ query: scenario.query, variables: scenario.variables });
    const floorBody = JSON.stringify({ query: scenario.floorQuery, variables: floorVariables(scenario) });
    const targets: (Target & { body: string })[] = [
      ...gateways.map((g) => ({ ...g, body })),
      { name: 'floor', url: subgraphUrls[scenario.floorSubgraph]!, body: floorBody },
    ];
    // Warm-up (plans, caches, JIT, connection pools), not measured.
    for (const target of targets) await load(target.url, target.body, 16, options.warmupS);
    for (const concurrency of options.concurrencies) {
      const raw: Record<string, RawLoad[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
      for (let round = 0; round < options.rounds; round++) {
        const shift = turn++ % targets.length;
        let order = [...targets.slice(shift), ...targets.slice(0, shift)];
        if (round % 2 === 1) order = order.reverse();
        for (const target of order) raw[target.name]!.push(await load(target.url, target.body, concurrency, options.durationS));
      }
      const results = Object.fromEntries(Object.entries(raw).map(([name, rounds]) => [name, summarize(rounds)]));
      const fed = results.federess!;
      const cell: QueryCell = {
        query: scenario.name,
        concurrency,
        results,
        ratioHiveRust: round(fed.requestsPerSecond / results['hive-rust']!.requestsPerSecond),
        ratioHiveRustNoCache: round(results['federess-nocache']!.requestsPerSecond / results['hive-rust']!.requestsPerSecond),
        ratioHive: round(fed.requestsPerSecond / results.hive!.requestsPerSecond),
        ratioApollo: round(fed.requestsPerSecond / results.apollo!.requestsPerSecond),
        p99OverFloor: Object.fromEntries(GATEWAYS.map((g) => [g, round(results[g]!.p99 / results.floor!.p99)])),
      };
      cells.push(cell);
      log(
        `  ${scenario.name} c=${concurrency}: ` +
          targets.map((t) => `${t.name} ${results[t.name]!.requestsPerSecond} req/s p99 ${results[t.name]!.p99} ms`).join(', '),
      );
    }
  }
  return { durationPerRoundS: options.durationS, rounds: options.rounds, concurrencies: options.concurrencies, sameData, cells };
}
