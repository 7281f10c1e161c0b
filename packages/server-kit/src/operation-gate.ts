import type { LimitSettings, Mode } from '@federess/config';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  type OperationDefinitionNode,
  parse,
  specifiedRules,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { ErrorCode } from './error-codes';
import { ClientError } from './errors';
import { hideSuggestions } from './hide-suggestions';
import { noIntrospectionRule } from './introspection';
import { checkCost } from './limits/cost-limit';
import { limitValidationRules } from './limits/rules';
import { checkTokens } from './limits/token-limit';
import { selectsRootField } from './service-sdl-guard';
import { checkStorableVariables } from './storable-strings';
import { validateCapped } from './validation-errors';

/** An operation as a transport received it (a graphql-ws `subscribe` payload, an SSE request, …), not yet checked. */
export interface OperationRequest {
  readonly query: unknown;
  readonly operationName?: unknown;
  readonly variables?: unknown;
}

/** A GraphQL request as graphql-ws and Server-Sent Events carry it (what they hand the gate). */
export interface SubscribePayload {
  readonly query: string;
  readonly operationName?: string | null;
  readonly variables?: Record<string, unknown> | null;
}

export interface OperationGateOptions {
  /** The schema operations run against (a subgraph's, or the gateway's API schema). */
  readonly schema: GraphQLSchema;
  readonly limits: LimitSettings;
  /** Production: no introspection, no field suggestions in messages, `_service` for the gateway only. */
  readonly mode: Mode;
  /**
   * The caller proved it is the gateway (its secret): its documents derive from operations it has
   * bounded already, so their characters and tokens are not counted (a plan inlines fragments), and
   * `_service` is its to ask.
   */
  readonly trusted: boolean;
}

/** An operation the gate let through: what a transport hands to execution. */
export interface PreparedOperation {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly operationName: string | undefined;
  /** The variables as sent: execution coerces them again, as it always does. */
  readonly variableValues: Record<string, unknown>;
}

/**
 * A refusal as a client over a socket or a stream should see it: a GraphQLError with a code (the
 * error's own, else `code`), suggestions dropped in production, never Apollo's `http` extension.
 */
export function gateError(error: GraphQLError, code: ErrorCode, mode: Mode): GraphQLError {
  const { http: _http, ...extensions } = error.extensions ?? {};
  return new GraphQLError(mode === 'production' ? hideSuggestions(error.message) : error.message, {
    nodes: error.nodes,
    extensions: { ...extensions, code: extensions.code ?? code },
  });
}

const refuse = (code: ErrorCode, message: string): GraphQLError[] => [new ClientError(code, message)];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The checks an operation passes before it runs, for every transport that executes operations
 * itself (graphql-ws on the gateway and on the rencontres subgraph, Server-Sent Events): those Apollo
 * Server applies over HTTP, in the same order and with the same codes. The character and token
 * counts before parsing (CHARACTER_LIMIT_EXCEEDED, TOKEN_LIMIT_EXCEEDED), variables Postgres could not
 * store (BAD_USER_INPUT), the parse (GRAPHQL_PARSE_FAILED), validation against the schema with the
 * document limits as rules, stopped at FEDERESS_MAX_VALIDATION_ERRORS (GRAPHQL_VALIDATION_FAILED,
 * each limit its own code; INTROSPECTION_DISABLED in production), the choice of the operation
 * (OPERATION_RESOLUTION_FAILURE),
 * `_service` kept to the gateway in production (FORBIDDEN), the variables (BAD_USER_INPUT), then the
 * cost with those variables (COST_LIMIT_EXCEEDED). The document is parsed once.
 * Rate limits are the transport's to apply first: they key on its caller (address, token).
 */
export function prepareOperation(request: OperationRequest, options: OperationGateOptions): PreparedOperation | GraphQLError[] {
  const { schema, limits, mode, trusted } = options;
  if (typeof request.query !== 'string') return refuse(ErrorCode.BAD_REQUEST, 'Le champ query doit être un document GraphQL (texte).');
  if (request.operationName != null && typeof request.operationName !== 'string') {
    return refuse(ErrorCode.BAD_REQUEST, 'Le champ operationName doit être un texte.');
  }
  if (request.variables != null && !isRecord(request.variables))
    return refuse(ErrorCode.BAD_REQUEST, 'Le champ variables doit être un objet.');
  const operationName = request.operationName ?? undefined;
  const variableValues = request.variables ?? {};

  const tooLong = trusted ? undefined : checkTokens(request.query, limits.maxTokens, limits.maxCharacters);
  if (tooLong) return [gateError(tooLong, ErrorCode.TOKEN_LIMIT_EXCEEDED, mode)];
  const unstorable = checkStorableVariables(variableValues);
  if (unstorable) return [gateError(unstorable, ErrorCode.BAD_USER_INPUT, mode)];
  let document: DocumentNode;
  try {
    document = parse(request.query, trusted ? {} : { maxTokens: limits.maxTokens });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return [gateError(error, ErrorCode.GRAPHQL_PARSE_FAILED, mode)];
  }
  const rules = [...specifiedRules, ...(mode === 'production' ? [noIntrospectionRule] : []), ...limitValidationRules(limits)];
  const invalid = validateCapped(schema, document, rules, limits.maxValidationErrors);
  if (invalid.length) return invalid.map((error) => gateError(error, ErrorCode.GRAPHQL_VALIDATION_FAILED, mode));
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    return refuse(
      ErrorCode.OPERATION_RESOLUTION_FAILURE,
      operationName
        ? `Aucune opération nommée « ${operationName} » dans le document.`
        : 'Le document contient plusieurs opérations : nommez celle à exécuter (operationName).',
    );
  }
  // As serviceSdlGuardPlugin does over HTTP: the whole schema, introspection by another name.
  if (mode === 'production' && !trusted && selectsRootField(document, operation, '_service')) {
    return refuse(ErrorCode.FORBIDDEN, 'Le schéma du sous-graphe (_service) est réservé à la passerelle en production.');
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues);
  if (coerced.errors) return coerced.errors.map((error) => gateError(error, ErrorCode.BAD_USER_INPUT, mode));
  const tooCostly = checkCost(schema, document, operation, coerced.coerced, limits.maxCost, limits);
  if (tooCostly) return [gateError(tooCostly, ErrorCode.COST_LIMIT_EXCEEDED, mode)];
  return { document, operation, operationName, variableValues };
}
