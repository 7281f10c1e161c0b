import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { LimitSettings } from '@federess/config';
import { checkCost } from './cost-limit';

/**
 * The cost limit depends on variables (`first: $n`), which validation rules never see: it is checked
 * once the operation is resolved, before execution, so before the gateway plans it or a resolver runs
 * SQL. A GraphQLError thrown here is Apollo's documented way to refuse an operation.
 */
export function costLimitPlugin(limits: LimitSettings): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const refused = checkCost(schema, document, operation, request.variables, limits.maxCost, limits);
          if (refused) throw refused;
        },
      };
    },
  };
}
