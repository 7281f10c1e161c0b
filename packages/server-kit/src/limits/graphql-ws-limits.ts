import type { LimitSettings } from '@federess/config';
import { GraphQLError, type GraphQLSchema, getOperationAST, parse, validate } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { ClientError } from '../errors';
import { checkStorableVariables } from '../storable-strings';
import { checkCost } from './cost-limit';
import { checkTokens } from './token-limit';
import { limitValidationRules } from './rules';

export interface SubscribePayload {
  readonly query: string;
  readonly operationName?: string | null;
  readonly variables?: Record<string, unknown> | null;
}

/** A limit error as a graphql-ws client should see it: its code, never Apollo's `http` extension. */
function forClient(error: GraphQLError): GraphQLError {
  const { http: _http, ...extensions } = error.extensions ?? {};
  return new GraphQLError(error.message, { nodes: error.nodes, extensions });
}

/**
 * The abuse limits for a graphql-ws server that executes operations itself (a subgraph's live
 * feeds), to call from `onSubscribe`: the errors to refuse the operation with, or undefined to let
 * graphql-ws parse, validate and execute it as usual. `trusted` (the gateway, proven by its secret)
 * skips the character and token counts, like over HTTP: its documents are derived from operations
 * it has bounded. Strings Postgres cannot store are refused too, in the variables and the document.
 * Only these errors are returned; other faults of the document are left to graphql-ws to report.
 */
export function checkSubscribeLimits(
  schema: GraphQLSchema,
  limits: LimitSettings,
  payload: SubscribePayload,
  trusted = false,
): GraphQLError[] | undefined {
  if (typeof payload.query !== 'string') return undefined;
  const tooLong = trusted ? undefined : checkTokens(payload.query, limits.maxTokens, limits.maxCharacters);
  if (tooLong) return [forClient(tooLong)];
  const unstorable = checkStorableVariables(payload.variables);
  if (unstorable) return [forClient(unstorable)];
  let document;
  try {
    document = parse(payload.query, trusted ? {} : { maxTokens: limits.maxTokens });
  } catch (error) {
    return [new GraphQLError((error as GraphQLError).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
  }
  const refused = validate(schema, document, limitValidationRules(limits)).filter(
    (e) => e.originalError instanceof ClientError || e instanceof ClientError,
  );
  if (refused.length) return refused.map((e) => forClient((e.originalError as GraphQLError | undefined) ?? e));
  const operation = getOperationAST(document, payload.operationName ?? undefined);
  if (!operation) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
  if (coerced.errors) return undefined;
  const tooCostly = checkCost(schema, document, operation, coerced.coerced, limits.maxCost, limits);
  return tooCostly ? [forClient(tooCostly)] : undefined;
}
