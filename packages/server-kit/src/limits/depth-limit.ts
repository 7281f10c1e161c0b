import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import { ErrorCode } from '../error-codes';
import { FragmentMemo } from './fragment-memo';
import { LimitError } from './limit-error';

/**
 * How deep an operation nests fields: a root field is at depth 1; fragments are followed and add no
 * depth of their own. Introspection fields (`__schema`, `__type`, `__typename`) are not counted:
 * introspection is bounded by the schema, and is off in production.
 */
export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const memo: FragmentMemo = new FragmentMemo(document, (fragment) => depthOf(fragment.selectionSet));
  function depthOf(set: SelectionSetNode | undefined): number {
    let deepest = 0;
    for (const selection of set?.selections ?? []) {
      let depth: number;
      if (selection.kind === Kind.FIELD) depth = selection.name.value.startsWith('__') ? 0 : 1 + depthOf(selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) depth = depthOf(selection.selectionSet);
      else depth = memo.get(selection.name.value);
      if (depth > deepest) deepest = depth;
    }
    return deepest;
  }
  return depthOf(operation.selectionSet);
}

/** Refuses operations deeper than `max` with DEPTH_LIMIT_EXCEEDED. */
export function depthLimitRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const depth = operationDepth(context.getDocument(), operation);
      if (depth > max) {
        context.reportError(
          new LimitError(ErrorCode.DEPTH_LIMIT_EXCEEDED, `Opération trop profonde : ${depth} niveaux, ${max} au plus.`, max, depth),
        );
      }
      return false;
    },
  });
}
