import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import { ErrorCode } from '../error-codes';
import { FragmentMemo } from './fragment-memo';
import { LimitError } from './limit-error';

/**
 * The aliases of an operation, each counted every time its fragment is used: aliases are how one
 * request asks for the same expensive field many times over.
 */
export function operationAliases(document: DocumentNode, operation: OperationDefinitionNode): number {
  const memo: FragmentMemo = new FragmentMemo(document, (fragment) => aliasesOf(fragment.selectionSet));
  function aliasesOf(set: SelectionSetNode | undefined): number {
    let count = 0;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) count += (selection.alias ? 1 : 0) + aliasesOf(selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) count += aliasesOf(selection.selectionSet);
      else count += memo.get(selection.name.value);
    }
    return count;
  }
  return aliasesOf(operation.selectionSet);
}

/** Refuses operations with more than `max` aliases with ALIAS_LIMIT_EXCEEDED. */
export function aliasLimitRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const count = operationAliases(context.getDocument(), operation);
      if (count > max) {
        context.reportError(new LimitError(ErrorCode.ALIAS_LIMIT_EXCEEDED, `Trop d'alias : ${count}, ${max} au plus.`, max, count));
      }
      return false;
    },
  });
}
