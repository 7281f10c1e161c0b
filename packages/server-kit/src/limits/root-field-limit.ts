import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import { ErrorCode } from '../error-codes';
import { FragmentMemo } from './fragment-memo';
import { LimitError } from './limit-error';

/** The fields selected at the root of an operation, fragments at the root followed. */
export function operationRootFields(document: DocumentNode, operation: OperationDefinitionNode): number {
  const memo: FragmentMemo = new FragmentMemo(document, (fragment) => fieldsOf(fragment.selectionSet));
  function fieldsOf(set: SelectionSetNode): number {
    let count = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) count += 1;
      else if (selection.kind === Kind.INLINE_FRAGMENT) count += fieldsOf(selection.selectionSet);
      else count += memo.get(selection.name.value);
    }
    return count;
  }
  return fieldsOf(operation.selectionSet);
}

/**
 * Refuses operations selecting more than `max` root fields with ROOT_FIELD_LIMIT_EXCEEDED: each root
 * field is a query of its own, so many of them are batching under another name.
 */
export function rootFieldLimitRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const count = operationRootFields(context.getDocument(), operation);
      if (count > max) {
        context.reportError(
          new LimitError(ErrorCode.ROOT_FIELD_LIMIT_EXCEEDED, `Trop de champs racine : ${count}, ${max} au plus.`, max, count),
        );
      }
      return false;
    },
  });
}
