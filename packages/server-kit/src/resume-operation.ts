import { type ArgumentNode, Kind, type OperationDefinitionNode, parse, print, valueFromASTUntyped, visit } from 'graphql';

/** The argument of a subscription root field that asks for the events after a given id. */
export const RESUME_ARGUMENT = 'apres';

/**
 * Rewrites a primary subscription operation so that it starts after event `lastId`: the root field's
 * `apres` argument becomes that id, and a variable it used and nothing else uses is dropped.
 */
export function resumeAfter(operation: string, lastId: string): string {
  const resumeArgument: ArgumentNode = {
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: RESUME_ARGUMENT },
    value: { kind: Kind.STRING, value: lastId },
  };
  let rewritten = visit(parse(operation), {
    OperationDefinition(node) {
      const [root, ...others] = node.selectionSet.selections;
      if (!root || root.kind !== Kind.FIELD) return undefined;
      const args = (root.arguments ?? []).filter((a) => a.name.value !== RESUME_ARGUMENT);
      return {
        ...node,
        selectionSet: { ...node.selectionSet, selections: [{ ...root, arguments: [...args, resumeArgument] }, ...others] },
      };
    },
  });
  // Drop variable definitions no longer used (a `$apres` the client gave), or validation fails upstream.
  const used = new Set<string>();
  visit(rewritten, {
    Variable(node, _key, parent) {
      if ((parent as { kind?: string } | undefined)?.kind !== Kind.VARIABLE_DEFINITION) used.add(node.name.value);
    },
  });
  rewritten = visit(rewritten, {
    OperationDefinition(node: OperationDefinitionNode) {
      return { ...node, variableDefinitions: node.variableDefinitions?.filter((d) => used.has(d.variable.name.value)) };
    },
  });
  return print(rewritten);
}

/** The `apres` an operation itself gives on its subscription root field, if any. */
export function resumePointOf(operation: OperationDefinitionNode, variables: Record<string, unknown>): string | undefined {
  const root = operation.selectionSet.selections[0];
  if (!root || root.kind !== Kind.FIELD) return undefined;
  const argument = root.arguments?.find((a) => a.name.value === RESUME_ARGUMENT);
  if (!argument) return undefined;
  const value = valueFromASTUntyped(argument.value, variables);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
