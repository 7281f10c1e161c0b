import type { LimitSettings, Mode } from '@federess/config';
import type { OutboxEvent, OutboxListener } from '@federess/events';
import {
  EventStreamEndpoint,
  mapEvents,
  ONLY_SUBSCRIPTIONS,
  prepareOperation,
  resumePointOf,
  socketErrorFormatter,
  streamRefusal,
} from '@federess/server-kit';
import { type Authenticate, authenticateRequest, type Caller, type SubgraphResources } from '@federess/subgraph-kit';
import { createSourceEventStream, execute, GraphQLError, type GraphQLSchema, OperationTypeNode } from 'graphql';
import { createContext } from '../context';

export interface LiveFeedEventStreamOptions {
  readonly listener: OutboxListener;
  readonly limits: LimitSettings;
  readonly mode: Mode;
  /** Keep-alive comment interval in ms (default 12000). */
  readonly keepAliveMs?: number;
}

/**
 * The live feeds over Server-Sent Events on the subgraph's `/graphql`, for regional sites: the
 * caller is authenticated like any HTTP request, the operation checked by the graphql-ws server's
 * own `prepareOperation`, and each event executed as graphql-js executes a subscription event (the
 * outbox event is the root value), which also gives its id for the SSE `id:`. The rate limits are
 * the HTTP handler's.
 */
export function liveFeedEventStream(
  schema: GraphQLSchema,
  base: SubgraphResources,
  authenticate: Authenticate,
  options: LiveFeedEventStreamOptions,
) {
  const format = socketErrorFormatter(options.mode);
  const refuse = (errors: readonly GraphQLError[]) => {
    const { status } = streamRefusal(errors);
    return { status, errors: format.errors(errors) };
  };
  return new EventStreamEndpoint({
    keepAliveMs: options.keepAliveMs,
    open: async (req, payload) => {
      let caller: Caller;
      try {
        caller = await authenticateRequest(authenticate, req);
      } catch (error) {
        return streamRefusal([error instanceof GraphQLError ? error : new GraphQLError('Jeton refusé.')]);
      }
      const prepared = prepareOperation(payload, { schema, limits: options.limits, mode: options.mode, trusted: caller.fromGateway });
      if (Array.isArray(prepared)) return refuse(prepared);
      const { document, operation, operationName, variableValues } = prepared;
      if (operation.operation !== OperationTypeNode.SUBSCRIPTION) return streamRefusal([ONLY_SUBSCRIPTIONS]);
      const args = {
        schema,
        document,
        operationName,
        variableValues,
        contextValue: createContext({ ...base, ...caller }, options.listener, 'sse'),
      };
      // Read before the stream opens: resuming after it can only replay more, never skip an event.
      const head = options.listener.head;
      // A bad `apres` (unknown, expired) is refused here, before the stream opens, as over graphql-ws.
      const source = await createSourceEventStream(args);
      if (!(Symbol.asyncIterator in source)) return refuse(source.errors ?? []);
      const events = source as AsyncGenerator<OutboxEvent>;
      return {
        expiresAt: caller.viewer.expiresAt,
        // A resumed stream starts after its `apres`; a live one after the head read above.
        startsAfter: resumePointOf(operation, variableValues) ?? head,
        events: mapEvents(events, async (event) => ({
          result: format.result(await execute({ ...args, rootValue: event })),
          id: event.id,
        })),
      };
    },
  });
}
