import { buildOperationContext } from '@apollo/gateway';
import { type Schema, Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { type FetchNode, type PlanNode, QueryPlanner } from '@apollo/query-planner';
import {
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  getOperationAST,
  parse,
  visit,
} from 'graphql';

type OperationContext = ReturnType<typeof buildOperationContext>;

/** What the planner makes of one client subscription. */
export interface SubscriptionPlan {
  /** The subgraph subscription that feeds the events. */
  readonly primary: FetchNode;
  /** Entity fetches in other subgraphs to run for each event. */
  readonly rest: PlanNode | undefined;
  /** The client's own operation: the response is shaped to it, whatever the plan added. */
  readonly operationContext: OperationContext;
  /** The response key of the subscription root field in the primary operation's result. */
  readonly rootKey: string;
}

/** The field every event carries so that a dropped upstream can be resumed from the last one seen. */
export const EVENT_ID_FIELD = 'id';
/**
 * The response key the gateway selects that field under: a key of its own, because the client may
 * use `id` as an alias of another field (`{ id: type }`). The client's response is shaped by its own
 * operation, so it never sees this key.
 */
export const EVENT_ID_KEY = '__federessEventId';

/** The field of an event saying when it was committed (`EvenementRencontre.survenuA`): how late its delivery is, in the metrics. */
export const EVENT_TIME_FIELD = 'survenuA';
/** The response key the gateway selects it under, for the same reason as EVENT_ID_KEY. */
export const EVENT_TIME_KEY = '__federessEventTime';

/**
 * The gateway's own view of the supergraph, for the subscriptions `@apollo/gateway` does not execute:
 * the same planner, API schema and supergraph schema the gateway builds from the same SDL.
 */
export class SupergraphPlanner {
  readonly apiSchema: Schema;
  /** The API schema as graphql-js, to validate client operations. */
  readonly apiGraphQLSchema: GraphQLSchema;
  readonly supergraphGraphQLSchema: GraphQLSchema;
  private readonly planner: QueryPlanner;

  constructor(supergraphSdl: string) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = supergraph.apiSchema();
    this.apiGraphQLSchema = this.apiSchema.toGraphQLJSSchema();
    this.supergraphGraphQLSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
  }

  /** Whether the subscription's root field is an event with a commit time (EVENT_TIME_FIELD). */
  private hasEventTime(operation: OperationDefinitionNode): boolean {
    const [root] = operation.selectionSet.selections;
    if (root?.kind !== Kind.FIELD) return false;
    const field = this.apiGraphQLSchema.getSubscriptionType()?.getFields()[root.name.value];
    const type = field ? getNamedType(field.type) : undefined;
    return isObjectType(type) && EVENT_TIME_FIELD in type.getFields();
  }

  /** Plans a (validated) subscription operation. */
  planSubscription(document: DocumentNode, operationName: string | undefined): SubscriptionPlan {
    const operationContext = buildOperationContext({ schema: this.apiGraphQLSchema, operationDocument: document, operationName });
    // The primary must always select the event id, to resume after a reconnect; the client's own
    // selection decides what it receives (the response is shaped by operationContext).
    const planned = withEventId(document, operationContext.operation, this.hasEventTime(operationContext.operation));
    const operation = operationFromDocument(this.apiSchema, planned, { operationName });
    const plan = this.planner.buildQueryPlan(operation);
    if (plan.node?.kind !== 'Subscription') throw new Error('Not a subscription operation');
    return {
      primary: plan.node.primary,
      rest: plan.node.rest,
      operationContext,
      rootKey: rootResponseKey(plan.node.primary.operation),
    };
  }
}

/** A copy of the document whose subscription root field also selects `__federessEventId: id` (and `__federessEventTime: survenuA`). */
function withEventId(document: DocumentNode, operation: OperationDefinitionNode, eventTime: boolean): DocumentNode {
  const aliased = (alias: string, name: string): FieldNode => ({
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: alias },
    name: { kind: Kind.NAME, value: name },
  });
  const added = [aliased(EVENT_ID_KEY, EVENT_ID_FIELD), ...(eventTime ? [aliased(EVENT_TIME_KEY, EVENT_TIME_FIELD)] : [])];
  return visit(document, {
    OperationDefinition(node) {
      if (node !== operation) return undefined;
      const [root, ...others] = node.selectionSet.selections;
      if (!root || root.kind !== Kind.FIELD || !root.selectionSet) return undefined;
      return {
        ...node,
        selectionSet: {
          ...node.selectionSet,
          selections: [
            { ...root, selectionSet: { ...root.selectionSet, selections: [...root.selectionSet.selections, ...added] } },
            ...others,
          ],
        },
      };
    },
  });
}

function rootResponseKey(operation: string): string {
  const root = getOperationAST(parse(operation))?.selectionSet.selections[0];
  if (!root || root.kind !== Kind.FIELD) throw new Error('Subscription primary fetch without a root field');
  return root.alias?.value ?? root.name.value;
}
