import type { ServiceMap } from '@apollo/gateway';
import { type ExecutionResult, GraphQLError, print } from 'graphql';
import { GATEWAY_HEADER } from '@federess/auth';
import { DeliveryLag, recordLiveDelivery, recordReplay, watchLiveFeedClients, watchUpstreamSubscriptions } from '@federess/observability';
import type { GatewayContext } from '../context';
import { incompleteEventError } from './event-errors';
import { EventQueue } from './event-queue';
import { executeEvent } from './execute-event';
import { resumePointOf } from '@federess/server-kit';
import { EVENT_ID_KEY, EVENT_TIME_KEY, type SubscriptionPlan, type SupergraphPlanner } from './supergraph-planner';
import { UpstreamSubscription } from './upstream-subscription';

export interface SharedSubscriptionsOptions {
  readonly planner: SupergraphPlanner;
  /** The gateway's data sources, for the `Rest` of each event. */
  readonly services: ServiceMap;
  /** graphql-ws URL of a subgraph by name, asked at each (re)connection: with several replicas, the next one. */
  readonly subscriptionUrl: (serviceName: string) => string;
  /** Sent in the upstream connectionParams, as the gateway's header over HTTP. */
  readonly gatewaySecret: string;
  /** Events buffered per client before it is ended as too slow (default 1000). */
  readonly maxQueuedEvents?: number;
}

/** The live-feed event id of each completed event, for transports that send it beside the result (SSE `id:`). */
const EVENT_IDS = new WeakMap<ExecutionResult, string>();

/** The id of the event a result of `subscribe` stands for (whether or not the client selected `id`). */
export function eventIdOf(result: ExecutionResult): string | undefined {
  return EVENT_IDS.get(result);
}

interface Group {
  readonly key: string;
  readonly plan: SubscriptionPlan;
  readonly upstream: UpstreamSubscription;
  /** Each client with its own context: same scope, but each token has its own expiry. */
  readonly clients: Map<EventQueue, GatewayContext>;
  /** How far behind the group's live events are, for federess_outbox_lag_seconds. */
  readonly lag: DeliveryLag;
  /** Events are completed one after the other, so every client receives them in order. */
  chain: Promise<void>;
  /**
   * Whether a new client may join. A group started at a client's `apres` stops being joinable at its
   * first event: a client joining later with the same `apres` would miss what was already replayed.
   * A live-only group (no `apres`) stays joinable: its clients want what comes from now on.
   */
  joinable: boolean;
  /** The id of the last event pushed to the clients: a client joining now receives every later one. */
  lastPushed: string | undefined;
}

/**
 * Federated subscriptions with fan-out: clients whose operation, variables and authorisation scope
 * (role, régions, collectivité: what the field rules look at) are the same share one upstream
 * subscription and one `Rest` execution per event; each client then only costs the serialisation
 * and the send. The group calls the subgraphs with the token of its member that expires last.
 */
export class SharedSubscriptions {
  /** Every group holding an upstream subscription. */
  private readonly groups = new Set<Group>();
  /** The group a new client with this key joins, while it is joinable. */
  private readonly joinable = new Map<string, Group>();
  /** Each client's group, and the last event that group had pushed when the client joined. */
  private readonly groupOf = new WeakMap<EventQueue, { readonly group: Group; readonly joinedAfter: string | undefined }>();
  /** The transport each client came through (graphql-ws, sse), for the metrics. */
  private readonly transports = new WeakMap<EventQueue, string>();
  private readonly unwatch: (() => void)[];

  constructor(private readonly options: SharedSubscriptionsOptions) {
    this.unwatch = [
      watchUpstreamSubscriptions(
        () => this.upstreamCount,
        () => this.connectedCount,
      ),
      watchLiveFeedClients('graphql-ws', () => this.clientCountOver('graphql-ws')),
      watchLiveFeedClients('sse', () => this.clientCountOver('sse')),
    ];
  }

  private clientCountOver(transport: string): number {
    let count = 0;
    for (const group of this.groups) for (const client of group.clients.keys()) if (this.transports.get(client) === transport) count += 1;
    return count;
  }

  /** The number of upstream subscriptions held (one per distinct operation, variables and scope). */
  get upstreamCount(): number {
    return this.groups.size;
  }

  /** Upstream subscriptions whose connection is established now (events from then on are not missed). */
  get connectedCount(): number {
    let count = 0;
    for (const group of this.groups) if (group.upstream.connected) count += 1;
    return count;
  }

  get clientCount(): number {
    let count = 0;
    for (const group of this.groups) count += group.clients.size;
    return count;
  }

  subscribe(
    document: Parameters<SupergraphPlanner['planSubscription']>[0],
    operationName: string | undefined,
    variables: Record<string, unknown>,
    context: GatewayContext,
    transport: 'graphql-ws' | 'sse' = 'graphql-ws',
  ): AsyncIterableIterator<ExecutionResult> {
    const key = JSON.stringify([print(document), operationName ?? null, variables, context.viewer.scope]);
    const existing = this.joinable.get(key);
    const group = existing?.joinable ? existing : this.createGroup(key, document, operationName, variables, context);
    const queue = new EventQueue(this.options.maxQueuedEvents ?? 1000, () => this.leave(group, queue));
    group.clients.set(queue, context);
    this.groupOf.set(queue, { group, joinedAfter: group.lastPushed });
    this.transports.set(queue, transport);
    if (clientResumePoint(group.plan, variables) !== undefined) recordReplay();
    return queue;
  }

  /**
   * The id of the last event before the first one a client of `subscribe` receives (for the SSE
   * `id:` a stream starts with): the last event its group had pushed when it joined, or, for a
   * group that had pushed none, where the group's upstream started (known at its first connection,
   * waited for up to `waitMs`).
   */
  async startingPoint(results: AsyncIterableIterator<ExecutionResult>, waitMs = 2000): Promise<string | undefined> {
    const joined = this.groupOf.get(results as EventQueue);
    if (!joined) return undefined;
    if (joined.joinedAfter !== undefined) return joined.joinedAfter;
    const { upstream } = joined.group;
    for (
      const deadline = Date.now() + waitMs;
      upstream.startedAfter === undefined && Date.now() < deadline && this.groups.has(joined.group);
    )
      await new Promise((resolve) => setTimeout(resolve, 20));
    return upstream.startedAfter;
  }

  private createGroup(
    key: string,
    document: Parameters<SupergraphPlanner['planSubscription']>[0],
    operationName: string | undefined,
    variables: Record<string, unknown>,
    context: GatewayContext,
  ): Group {
    const plan = this.options.planner.planSubscription(document, operationName);
    const primaryVariables = Object.fromEntries(
      (plan.primary.variableUsages ?? []).filter((name) => name in variables).map((name) => [name, variables[name]]),
    );
    const clients = new Map<EventQueue, GatewayContext>();
    // Any member's context will do for the rights (same scope); the freshest token lives longest.
    const current = (): GatewayContext => freshest(clients.values()) ?? context;
    const resumePoint = clientResumePoint(plan, variables);
    const group: Group = {
      key,
      plan,
      joinable: true,
      lastPushed: undefined,
      clients,
      lag: new DeliveryLag(),
      chain: Promise.resolve(),
      upstream: new UpstreamSubscription(
        {
          url: () => this.options.subscriptionUrl(plan.primary.serviceName),
          operation: plan.primary.operation,
          variables: primaryVariables,
          connectionParams: () => {
            const { authorization } = current();
            return { [GATEWAY_HEADER]: this.options.gatewaySecret, ...(authorization ? { authorization } : {}) };
          },
          rootKey: plan.rootKey,
          onEvent: (event) => {
            if (resumePoint !== undefined) this.closeToNewClients(group);
            const root = event[plan.rootKey] as Record<string, unknown> | undefined;
            const id = root?.[EVENT_ID_KEY];
            // A live event (committed since the connection; not one replayed after `apres`) counts in the lag.
            const committedAt = Date.parse(String(root?.[EVENT_TIME_KEY]));
            const live = committedAt >= group.upstream.connectedAtMs ? committedAt : undefined;
            if (live !== undefined) group.lag.received(live);
            group.chain = group.chain.then(async () => {
              const result = await executeEvent(this.options.planner, plan, event, this.options.services, current(), variables).catch(
                (error: unknown): ExecutionResult => ({ errors: [incompleteEventError(error)] }),
              );
              if (typeof id === 'string') {
                EVENT_IDS.set(result, id);
                group.lastPushed = id;
              }
              for (const client of group.clients.keys()) client.push(result);
              recordLiveDelivery(group.clients.size, live);
              if (live !== undefined) group.lag.delivered();
            });
          },
          onFatalError: (errors) => {
            this.forget(group);
            for (const client of group.clients.keys()) {
              client.push({ errors: errors.map((e) => new GraphQLError(e.message, { extensions: e.extensions })) });
              client.end();
            }
          },
        },
        resumePoint,
      ),
    };
    this.groups.add(group);
    this.joinable.set(key, group);
    group.upstream.start();
    return group;
  }

  private closeToNewClients(group: Group): void {
    group.joinable = false;
    if (this.joinable.get(group.key) === group) this.joinable.delete(group.key);
  }

  private forget(group: Group): void {
    this.closeToNewClients(group);
    this.groups.delete(group);
    group.lag.close();
  }

  private leave(group: Group, queue: EventQueue): void {
    group.clients.delete(queue);
    if (group.clients.size === 0 && this.groups.has(group)) {
      this.forget(group);
      group.upstream.stop();
    }
  }

  /**
   * Stops every upstream subscription, at shutdown. The clients' streams are not ended: that would
   * send them `complete`, after which graphql-ws clients do not resubscribe. The server closes their
   * sockets with 1001 (going away) instead, and they reconnect elsewhere and resume with `apres`.
   */
  close(): void {
    for (const group of this.groups) {
      group.upstream.stop();
      group.lag.close();
    }
    this.groups.clear();
    this.joinable.clear();
    for (const unwatch of this.unwatch.splice(0)) unwatch();
  }
}

/** The context whose token expires last (anonymous contexts never expire). */
function freshest(contexts: Iterable<GatewayContext>): GatewayContext | undefined {
  let best: GatewayContext | undefined;
  for (const c of contexts) if (!best || (c.viewer.expiresAt ?? Infinity) > (best.viewer.expiresAt ?? Infinity)) best = c;
  return best;
}

/** The `apres` the client itself gave on the subscription root field, if any. */
function clientResumePoint(plan: SubscriptionPlan, variables: Record<string, unknown>): string | undefined {
  return resumePointOf(plan.operationContext.operation, variables);
}
