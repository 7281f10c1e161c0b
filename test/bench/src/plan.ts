import * as path from 'node:path';
import { parse } from 'graphql';

interface PlanNode {
  kind: string;
  serviceName?: string;
  nodes?: PlanNode[];
  node?: PlanNode;
  ifClause?: PlanNode;
  elseClause?: PlanNode;
  primary?: { node?: PlanNode };
  deferred?: { node?: PlanNode }[];
}

export interface PlanSummary {
  /** Fetch nodes in the query plan: with batching, the fewest subgraph calls, each at least one SQL statement. */
  readonly fetches: number;
  /** The subgraphs fetched, in plan order. */
  readonly services: string[];
  readonly plan: string;
}

/**
 * Plans an operation with the same query planner as the gateways (`@apollo/query-planner`, the
 * version `@apollo/gateway` depends on) over the bench's supergraph.
 */
export function planOf(supergraphSdl: string, query: string): PlanSummary {
  const from = { paths: [path.dirname(require.resolve('@apollo/gateway/package.json'))] };
  // Resolved from @apollo/gateway's own dependencies, so the bench plans with the very versions the gateways
  // use; they are not dependencies of the bench, so no static import can name them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const internals = require(require.resolve('@apollo/federation-internals', from)) as {
    Supergraph: { build(sdl: string): { apiSchema(): unknown } };
    operationFromDocument(schema: unknown, document: unknown, options: { validate: boolean }): unknown;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved the same way, for the same reason
  const planner = require(require.resolve('@apollo/query-planner', from)) as {
    QueryPlanner: new (supergraph: unknown) => { buildQueryPlan(operation: unknown): { node?: PlanNode } };
    prettyFormatQueryPlan(plan: unknown): string;
  };
  const supergraph = internals.Supergraph.build(supergraphSdl);
  const operation = internals.operationFromDocument(supergraph.apiSchema(), parse(query), { validate: true });
  const plan = new planner.QueryPlanner(supergraph).buildQueryPlan(operation);
  const services: string[] = [];
  const walk = (node: PlanNode | undefined): void => {
    if (!node) return;
    if (node.kind === 'Fetch') services.push(node.serviceName ?? '?');
    for (const child of node.nodes ?? []) walk(child);
    walk(node.node);
    walk(node.ifClause);
    walk(node.elseClause);
    walk(node.primary?.node);
    for (const d of node.deferred ?? []) walk(d.node);
  };
  walk(plan.node);
  return { fetches: services.length, services, plan: planner.prettyFormatQueryPlan(plan) };
}
