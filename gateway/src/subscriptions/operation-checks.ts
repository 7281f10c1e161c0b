import type { LimitSettings, Mode } from '@federess/config';
import {
  checkOperationCost,
  checkStorableVariables,
  checkTokens,
  hideSuggestions,
  limitValidationRules,
  noIntrospectionRule,
  type SubscribePayload,
  validateCapped,
} from '@federess/server-kit';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  type OperationDefinitionNode,
  parse,
  specifiedRules,
  type ValidationRule,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';

/** An operation the gateway's live transports may run: parsed, validated, bounded, its variables coerced. */
export interface CheckedOperation {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly operationName: string | undefined;
  readonly variableValues: Record<string, unknown>;
}

/** A protocol error for the client: its code, never Apollo's `http` extension. */
const clientError = (error: GraphQLError, fallbackCode: string, mode: Mode = 'development'): GraphQLError => {
  const { http: _http, ...extensions } = error.extensions ?? {};
  const message = mode === 'production' ? hideSuggestions(error.message) : error.message;
  return new GraphQLError(message, { nodes: error.nodes, extensions: { ...extensions, code: extensions.code ?? fallbackCode } });
};

/** The validation rules of the gateway's live transports: graphql-js's, introspection off in production, the abuse limits. */
export function liveValidationRules(mode: Mode, limits: LimitSettings): ValidationRule[] {
  return [...specifiedRules, ...(mode === 'production' ? [noIntrospectionRule] : []), ...limitValidationRules(limits)];
}

/**
 * The checks of an operation sent over graphql-ws or Server-Sent Events, as Apollo runs them over
 * HTTP and in the same order: tokens before parsing, the document's shape while validating (limit
 * errors keep their own codes), the cost once variables are known. The rate limits are the
 * transport's (per socket operation, per HTTP request).
 */
export function checkLiveOperation(
  schema: GraphQLSchema,
  rules: readonly ValidationRule[],
  options: { readonly limits: LimitSettings; readonly mode: Mode },
  payload: SubscribePayload,
): CheckedOperation | GraphQLError[] {
  const tooLong =
    typeof payload.query === 'string' ? checkTokens(payload.query, options.limits.maxTokens, options.limits.maxCharacters) : undefined;
  if (tooLong) return [clientError(tooLong, 'TOKEN_LIMIT_EXCEEDED')];
  const unstorable = checkStorableVariables(payload.variables);
  if (unstorable) return [clientError(unstorable, 'BAD_USER_INPUT')];
  let document;
  try {
    document = parse(payload.query, { maxTokens: options.limits.maxTokens });
  } catch (error) {
    return [new GraphQLError((error as GraphQLError).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
  }
  const errors = validateCapped(schema, document, rules, options.limits.maxValidationErrors);
  if (errors.length) return errors.map((e) => clientError(e, 'GRAPHQL_VALIDATION_FAILED', options.mode));
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) return [new GraphQLError('Opération introuvable dans le document.', { extensions: { code: 'BAD_USER_INPUT' } })];
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
  if (coerced.errors) return coerced.errors.map((e) => clientError(e, 'BAD_USER_INPUT', options.mode));
  const tooCostly = checkOperationCost(schema, document, operation, coerced.coerced, options.limits);
  if (tooCostly.length) return tooCostly.map((e) => clientError(e, 'COST_LIMIT_EXCEEDED'));
  return { document, operation, operationName: payload.operationName ?? undefined, variableValues: payload.variables ?? {} };
}
