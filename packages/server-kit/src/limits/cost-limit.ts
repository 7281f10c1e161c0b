import {
  type ArgumentNode,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';
import { ErrorCode } from '../error-codes';
import { FragmentMemo } from './fragment-memo';
import { LimitError } from './limit-error';

/** What a connection without `first` returns: subgraph-kit's DEFAULT_PAGE_SIZE. */
export const DEFAULT_PAGE_SIZE = 20;
/**
 * The largest `first` the cost believes: subgraph-kit's MAX_PAGE_SIZE. A larger one is refused by the
 * resolver with BAD_USER_INPUT before any SQL, so counting it as more would only change the code.
 */
export const PAGE_SIZE_CAP = 200;

export interface CostOptions {
  /** How many items a list field without `first` is assumed to return. */
  readonly defaultListSize: number;
}

type Variables = Readonly<Record<string, unknown>> | undefined;

/**
 * The value a variable has at execution: the one sent, or else its definition's default. Reading
 * only the variables sent would let `query($n: Int = 200)` without `n` be counted as a page of 20.
 */
function variableValue(name: string, variables: Variables, operation: OperationDefinitionNode): unknown {
  if (variables && Object.prototype.hasOwnProperty.call(variables, name)) return variables[name];
  const definition = operation.variableDefinitions?.find((v) => v.variable.name.value === name);
  return definition?.defaultValue ? valueFromASTUntyped(definition.defaultValue) : undefined;
}

function argumentValue(
  args: readonly ArgumentNode[] | undefined,
  name: string,
  variables: Variables,
  operation: OperationDefinitionNode,
): unknown {
  const node: ValueNode | undefined = args?.find((a) => a.name.value === name)?.value;
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return variableValue(node.name.value, variables, operation);
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.LIST) return node.values;
  return undefined;
}

/**
 * The estimated cost of an operation: every field costs 1, and the cost of a field's selection is
 * multiplied by how many items it may return:
 * - a field with a `first` argument (a connection page): `first`, or 20 without it (at most 200);
 * - `_entities` (the gateway's entity fetches): the number of representations asked for;
 * - any other list of objects: `defaultListSize`; the `edges` of a connection are its page, already counted.
 * Leaf fields cost 1 whatever their type; `__typename` and introspection cost nothing.
 * `variables` are those sent; a variable not sent counts as its default value.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  options: CostOptions,
): number {
  const memo: FragmentMemo = new FragmentMemo(document, (fragment) =>
    costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value)),
  );

  function costOf(set: SelectionSetNode | undefined, parent: GraphQLNamedType | undefined | null): number {
    let cost = 0;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) cost += memo.get(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        cost += costOf(selection.selectionSet, type);
      } else if (!selection.name.value.startsWith('__')) {
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
        if (!field || !selection.selectionSet) {
          cost += 1;
          continue;
        }
        const type = getNamedType(field.type);
        const isList = isListType(getNullableType(field.type));
        let size = 1;
        if (field.args.some((a) => a.name === 'first')) {
          const first = argumentValue(selection.arguments, 'first', variables, operation);
          size = typeof first === 'number' && Number.isFinite(first) ? Math.min(Math.max(first, 0), PAGE_SIZE_CAP) : DEFAULT_PAGE_SIZE;
        } else if (selection.name.value === '_entities') {
          const representations = argumentValue(selection.arguments, 'representations', variables, operation);
          size = Array.isArray(representations) ? representations.length : options.defaultListSize;
        } else if (isList && !(parent?.name.endsWith('Connection') ?? false)) {
          size = options.defaultListSize;
        }
        cost += 1 + size * costOf(selection.selectionSet, type);
      }
    }
    return cost;
  }

  const root = schema.getRootType(operation.operation);
  return costOf(operation.selectionSet, root);
}

/** The refusal for an operation costing more than `max`, or undefined. */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  max: number,
  options: CostOptions,
): LimitError | undefined {
  const cost = operationCost(schema, document, operation, variables, options);
  if (cost <= max) return undefined;
  return new LimitError(
    ErrorCode.COST_LIMIT_EXCEEDED,
    `Opération trop coûteuse : coût estimé ${cost}, ${max} au plus. Demandez des pages plus petites (first) ou moins de champs imbriqués.`,
    max,
    cost,
  );
}
