import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { ClientError } from '../errors';
import { ErrorCode } from '../error-codes';

/** What a client that sent a subscription as a plain HTTP request is told to do instead. */
export const SUBSCRIBE_HOW =
  'Un abonnement (subscription) ne s’exécute pas en requête HTTP simple : envoyez-le sur /graphql en Server-Sent Events ' +
  '(en-tête Accept: text/event-stream, en GET ou en POST) ou en WebSocket (protocole graphql-ws).';

/**
 * A subscription that reaches Apollo came as a plain HTTP request (the event-stream and graphql-ws
 * transports take theirs before Apollo): Apollo would fail it as an internal error (the gateway does
 * not execute subscriptions; a subgraph would resolve the field without its event). Refused with
 * BAD_REQUEST and the ways to subscribe, before anything runs.
 */
export function subscriptionOverHttpPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ operation }) =>
          operation?.operation === OperationTypeNode.SUBSCRIPTION
            ? Promise.reject(new ClientError(ErrorCode.BAD_REQUEST, SUBSCRIBE_HOW, { http: { status: 400 } }))
            : Promise.resolve(),
      }),
  };
}
