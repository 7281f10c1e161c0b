import { post, sleep } from './graphql';
import { round } from './load';
import { planOf } from './plan';
import type { StatementStats } from './postgres';
import type { QueryScenario } from './queries';
import type { Target } from './scenario-queries';

export interface SqlRow {
  readonly query: string;
  readonly gateway: string;
  /** Fetch nodes of the query plan (the lower bound of statements with batching: one per fetch). */
  readonly planFetches: number;
  readonly planServices: string[];
  /** SQL statements per operation, all subgraph databases together, and per database. */
  readonly statements: number;
  readonly byDatabase: Record<string, number>;
  /** The statements of one operation, most frequent first (the normalised text pg_stat_statements keeps). */
  readonly sample: { database: string; calls: number; query: string }[];
}

export interface SqlResult {
  readonly method: string;
  readonly repetitions: number;
  readonly rows: SqlRow[];
}

/**
 * Counts the SQL statements each operation costs: pg_stat_statements is reset, the operation runs
 * `repetitions` times one after the other, and the calls recorded in the subgraphs' databases are
 * divided by the repetitions. Nothing else talks to the databases meanwhile (no load, no health checks).
 */
export async function runSql(
  scenarios: readonly QueryScenario[],
  gateways: readonly Target[],
  supergraphSdl: string,
  stats: StatementStats | undefined,
  repetitions: number,
  log: (line: string) => void,
): Promise<SqlResult> {
  const rows: SqlRow[] = [];
  for (const scenario of scenarios) {
    const plan = planOf(supergraphSdl, scenario.query);
    for (const gateway of gateways) {
      let statements = NaN;
      let byDatabase: Record<string, number> = {};
      let sample: SqlRow['sample'] = [];
      if (stats) {
        // One unmeasured run first: a cold plan cache or a lazily prepared statement is not the steady state.
        await post(gateway.url, scenario.query, scenario.variables);
        await sleep(200);
        await stats.reset();
        for (let i = 0; i < repetitions; i++) await post(gateway.url, scenario.query, scenario.variables);
        const read = await stats.read(true);
        byDatabase = Object.fromEntries(
          Object.entries(read.byDatabase).map(([db, calls]) => [db.replace(/^federess_/, ''), round(calls / repetitions)]),
        );
        statements = round(Object.values(read.byDatabase).reduce((a, b) => a + b, 0) / repetitions);
        sample = read.statements.map((s) => ({ ...s, calls: round(s.calls / repetitions) }));
      }
      rows.push({
        query: scenario.name,
        gateway: gateway.name,
        planFetches: plan.fetches,
        planServices: plan.services,
        statements,
        byDatabase,
        sample,
      });
      log(
        `  ${scenario.name} via ${gateway.name}: ${statements} statements/op (${JSON.stringify(byDatabase)}), plan: ${plan.fetches} fetches (${plan.services.join(' → ')})`,
      );
    }
  }
  return {
    method:
      "pg_stat_statements (loaded with shared_preload_libraries on the bench's own throw-away embedded Postgres, restarted once after ALTER SYSTEM): " +
      `reset, ${repetitions} sequential runs of the operation, calls in the federess_* databases ÷ ${repetitions}; BEGIN/COMMIT count as statements.`,
    repetitions,
    rows,
  };
}
