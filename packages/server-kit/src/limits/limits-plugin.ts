import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { LimitSettings } from '@federess/config';
import { getVariableValues } from 'graphql/execution/values';
import { checkCost } from './cost-limit';

/**
 * The cost limit depends on variables (`first: $n`), which validation rules never see: it is checked
 * once the operation is resolved, before execution, so before the gateway plans it or a resolver runs
 * SQL. A GraphQLError thrown here is Apollo's documented way to refuse an operation.
 * The variables are coerced as execution will coerce them, default values included: the cost is that
 * of what would run. Variables that do not coerce are left to execution, which refuses them
 * (BAD_USER_INPUT) before any resolver.
 */
export function costLimitPlugin(limits: LimitSettings): ApolloServerPlugin<BaseContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return Promise.resolve();
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return Promise.resolve();
          const refused = checkCost(schema, document, operation, coerced.coerced, limits.maxCost, limits);
          return refused ? Promise.reject(refused) : Promise.resolve();
        },
      });
    },
  };
}
