import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { currentRequest } from '@federess/observability';

/**
 * Names the request's operation and its type once Apollo has resolved them, for the request's
 * metrics and log line. The first operation of a request is its own: a feed route that runs
 * operations through the gateway keeps the route's name.
 */
export function operationScopePlugin(): ApolloServerPlugin<BaseContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operationName, operation }) {
          const scope = currentRequest();
          if (scope && scope.operation === undefined) {
            scope.operation = operationName ?? '';
            scope.type = operation?.operation;
          }
          return Promise.resolve();
        },
      });
    },
  };
}
