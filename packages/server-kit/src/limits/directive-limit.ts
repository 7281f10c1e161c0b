import {
  type DirectiveNode,
  type DocumentNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from '../error-codes';
import { FragmentMemo } from './fragment-memo';
import { LimitError } from './limit-error';

const count = (directives: readonly DirectiveNode[] | undefined): number => directives?.length ?? 0;

/**
 * The directives of an operation: on the operation, its variables, its fields and fragments, each
 * fragment's counted every time it is used. Counted expanded, like aliases, because the gateway
 * inlines fragments in the subgraph fetches it derives from an operation: a fetch never counts more
 * than the operation did.
 */
export function operationDirectives(document: DocumentNode, operation: OperationDefinitionNode): number {
  const memo: FragmentMemo = new FragmentMemo(document, (fragment) => count(fragment.directives) + directivesOf(fragment.selectionSet));
  function directivesOf(set: SelectionSetNode | undefined): number {
    let total = 0;
    for (const selection of set?.selections ?? []) {
      total += count(selection.directives);
      if (selection.kind === Kind.FRAGMENT_SPREAD) total += memo.get(selection.name.value);
      else total += directivesOf(selection.selectionSet);
    }
    return total;
  }
  const onVariables = (operation.variableDefinitions ?? []).reduce((sum, v) => sum + count(v.directives), 0);
  return count(operation.directives) + onVariables + directivesOf(operation.selectionSet);
}

/**
 * Refuses operations with more than `max` directives with DIRECTIVE_LIMIT_EXCEEDED: repeating a
 * directive thousands of times on one field is cheap to send and costly to validate and execute.
 */
export function directiveLimitRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const total = operationDirectives(context.getDocument(), operation);
      if (total > max) {
        context.reportError(
          new LimitError(ErrorCode.DIRECTIVE_LIMIT_EXCEEDED, `Trop de directives : ${total}, ${max} au plus.`, max, total),
        );
      }
      return false;
    },
  });
}
