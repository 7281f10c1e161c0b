import type { LimitSettings, Mode } from '@federess/config';
import type { TokenVerifier } from '@federess/auth';
import {
  EventStreamEndpoint,
  mapEvents,
  ONLY_SUBSCRIPTIONS,
  prepareOperation,
  socketErrorFormatter,
  streamRefusal,
} from '@federess/server-kit';
import { GraphQLError, OperationTypeNode } from 'graphql';
import { contextOf, type GatewayContext } from '../context';
import { eventIdOf, type SharedSubscriptions } from './shared-subscriptions';
import type { SupergraphPlanner } from './supergraph-planner';

export interface GatewayEventStreamOptions {
  readonly planner: SupergraphPlanner;
  readonly subscriptions: SharedSubscriptions;
  /** Verifies the request's `Authorization` header, as for any HTTP request. */
  readonly verifier: TokenVerifier;
  readonly limits: LimitSettings;
  readonly mode: Mode;
  /** Keep-alive comment interval in ms (default 12000). */
  readonly keepAliveMs?: number;
}

/**
 * Federated subscriptions over Server-Sent Events on the gateway's `/graphql`: the checks of the
 * graphql-ws server, then the same shared subscriptions (an SSE client and a graphql-ws client of the
 * same operation, variables and scope share one upstream). The rate limits are the HTTP handler's.
 */
export function gatewayEventStream(options: GatewayEventStreamOptions): EventStreamEndpoint {
  const schema = options.planner.apiGraphQLSchema;
  const format = socketErrorFormatter(options.mode);
  return new EventStreamEndpoint({
    keepAliveMs: options.keepAliveMs,
    open: async (req, payload) => {
      let context: GatewayContext;
      try {
        context = await contextOf(options.verifier, req.headers.authorization);
      } catch (error) {
        return streamRefusal([error instanceof GraphQLError ? error : new GraphQLError('Jeton refusé.')]);
      }
      // The same checks as over HTTP and graphql-ws, with the same codes (see prepareOperation).
      const checked = prepareOperation(payload, { schema, limits: options.limits, mode: options.mode, trusted: false });
      if (Array.isArray(checked)) return streamRefusal(checked);
      if (checked.operation.operation !== OperationTypeNode.SUBSCRIPTION) return streamRefusal([ONLY_SUBSCRIPTIONS]);
      const results = options.subscriptions.subscribe(checked.document, checked.operationName, checked.variableValues, context, 'sse');
      return {
        expiresAt: context.viewer.expiresAt,
        startsAfter: await options.subscriptions.startingPoint(results),
        events: mapEvents(results, (result) => ({ result: format.result(result), id: eventIdOf(result) })),
      };
    },
  });
}
