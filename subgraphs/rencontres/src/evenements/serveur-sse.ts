import type { LimitSettings, Mode } from '@federess/config';
import type { OutboxEvent, OutboxListener } from '@federess/events';
import { EventStreamEndpoint, mapEvents, ONLY_SUBSCRIPTIONS, resumePointOf, streamRefusal } from '@federess/server-kit';
import { type Authenticate, authenticateRequest, type Caller, type SubgraphResources } from '@federess/subgraph-kit';
import { createSourceEventStream, execute, getOperationAST, GraphQLError, type GraphQLSchema, OperationTypeNode } from 'graphql';
import { createContext } from '../context';
import { formateurFlux } from './format-flux';
import { preparerOperation } from './operation-flux';

export interface FluxSseOptions {
  readonly listener: OutboxListener;
  readonly limits: LimitSettings;
  readonly mode: Mode;
  /** Keep-alive comment interval in ms (default 12000). */
  readonly keepAliveMs?: number;
}

/**
 * The live feeds over Server-Sent Events on the subgraph's `/graphql`, for regional sites: the
 * caller is authenticated like any HTTP request, the operation checked by the graphql-ws server's
 * own `preparerOperation`, and each event executed as graphql-js executes a subscription event (the
 * outbox event is the root value), which also gives its id for the SSE `id:`. The rate limits are
 * the HTTP handler's.
 */
export function fluxSse(schema: GraphQLSchema, base: SubgraphResources, authenticate: Authenticate, options: FluxSseOptions) {
  const format = formateurFlux(options.mode);
  const refus = (errors: readonly GraphQLError[]) => {
    const { status } = streamRefusal(errors);
    return { status, errors: format.erreurs(errors) };
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
      const prete = preparerOperation(schema, payload, {
        limits: options.limits,
        mode: options.mode,
        depuisPasserelle: caller.fromGateway,
      });
      if (Array.isArray(prete)) return refus(prete);
      const operation = getOperationAST(prete.document, prete.operationName);
      if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return streamRefusal([ONLY_SUBSCRIPTIONS]);
      const args = { schema, ...prete, contextValue: createContext({ ...base, ...caller }, options.listener, 'sse') };
      // Read before the stream opens: resuming after it can only replay more, never skip an event.
      const head = options.listener.head;
      // A bad `apres` (unknown, expired) is refused here, before the stream opens, as over graphql-ws.
      const source = await createSourceEventStream(args);
      if (!(Symbol.asyncIterator in source)) return refus(source.errors ?? []);
      const events = source as AsyncGenerator<OutboxEvent>;
      return {
        expiresAt: caller.viewer.expiresAt,
        // A resumed stream starts after its `apres`; a live one after the head read above.
        startsAfter: resumePointOf(operation, prete.variableValues) ?? head,
        events: mapEvents(events, async (event) => ({
          result: format.resultat(await execute({ ...args, rootValue: event })),
          id: event.id,
        })),
      };
    },
  });
}
