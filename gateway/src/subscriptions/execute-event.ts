import { type GraphQLDataSource, type ServiceMap, executeQueryPlan } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import type { ExecutionResult } from 'graphql';
import type { GatewayContext } from '../context';
import type { SupergraphPlanner, SubscriptionPlan } from './supergraph-planner';

/**
 * Completes one subscription event across the graph. `executeQueryPlan` refuses subscription plans
 * and always starts from empty data, so each event runs a plain plan made of the primary fetch then
 * the `Rest` nodes, in which the primary's subgraph "answers" locally with the event it pushed and
 * the other subgraphs are called as for any query.
 */
export async function executeEvent(
  planner: SupergraphPlanner,
  plan: SubscriptionPlan,
  event: Record<string, unknown>,
  services: ServiceMap,
  context: GatewayContext,
  variables: Record<string, unknown>,
): Promise<ExecutionResult> {
  const pushed: GraphQLDataSource = { process: () => Promise.resolve({ data: event }) };
  const queryPlan: QueryPlan = {
    kind: 'QueryPlan',
    node: plan.rest ? { kind: 'Sequence', nodes: [plan.primary, plan.rest] } : plan.primary,
  };
  const requestContext = {
    request: { variables },
    context,
    logger: console,
    metrics: {},
    cache: undefined,
    overallCachePolicy: undefined,
  };
  const result = await executeQueryPlan(
    queryPlan,
    { ...services, [plan.primary.serviceName]: pushed },
    requestContext as never,
    plan.operationContext,
    planner.supergraphGraphQLSchema,
    planner.apiSchema,
  );
  return { data: result.data as ExecutionResult['data'], ...(result.errors?.length ? { errors: result.errors } : {}) };
}
