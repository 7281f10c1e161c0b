import type { ValidationRule } from 'graphql';
import { ErrorCode } from './error-codes';
import { ClientError } from './errors';

/**
 * Production refuses introspection (`__schema`, `__type`; `__typename` stays), in the hub's words
 * and with its own code, over HTTP and over graphql-ws alike. Apollo's and graphql-js's own rules
 * answer in English and name the stack ("pass introspection: true to ApolloServer"); this one says
 * where the schema is documented instead.
 */
export const noIntrospectionRule: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value !== '__schema' && node.name.value !== '__type') return;
    context.reportError(
      new ClientError(
        ErrorCode.INTROSPECTION_DISABLED,
        `L’introspection est désactivée en production (${node.name.value}) : le schéma de FédérESS est documenté dans son README et dans docs/graph-contract.md.`,
        { http: { status: 400 } },
        [node],
      ),
    );
  },
});
