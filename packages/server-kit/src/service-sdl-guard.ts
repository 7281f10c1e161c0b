import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { ErrorCode } from './error-codes';
import { ClientError } from './errors';

/** Whether an operation selects `name` at its root, through fragments and inline fragments too. */
export function selectsRootField(document: DocumentNode, operation: OperationDefinitionNode, name: string): boolean {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])),
  );
  const seen = new Set<string>();
  const selects = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return selects(selection.selectionSet);
      // A fragment spread twice (or in a cycle, which validation reports) is looked at once.
      if (seen.has(selection.name.value)) return false;
      seen.add(selection.name.value);
      return selects(fragments.get(selection.name.value));
    });
  return selects(operation.selectionSet);
}

/**
 * Federation's `_service { sdl }` prints a subgraph's whole schema, `@inaccessible` parts included:
 * introspection by another name. The gateway never asks for it at run time (it serves a supergraph
 * composed from the subgraphs' code, see gateway/src/compose.ts), so in production it is refused
 * with FORBIDDEN (HTTP 403) unless the call proves it comes from the gateway with its secret.
 * Checked once the operation is resolved, before execution.
 */
export function serviceSdlGuardPlugin(fromGateway: (context: BaseContext) => boolean): ApolloServerPlugin<BaseContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, operation, contextValue }) {
          if (!operation || fromGateway(contextValue) || !selectsRootField(document, operation, '_service')) return Promise.resolve();
          return Promise.reject(
            new ClientError(ErrorCode.FORBIDDEN, 'Le schéma du sous-graphe (_service) est réservé à la passerelle en production.', {
              http: { status: 403 },
            }),
          );
        },
      });
    },
  };
}
