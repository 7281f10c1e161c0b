import type { LimitSettings, Mode } from '@federess/config';
import {
  checkSubscribeLimits,
  ClientError,
  ErrorCode,
  hideSuggestions,
  noIntrospectionRule,
  selectsRootField,
  type SubscribePayload,
  validateCapped,
} from '@federess/server-kit';
import { type DocumentNode, GraphQLError, type GraphQLSchema, getOperationAST, parse, specifiedRules, type ValidationRule } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';

export interface OperationPreparee {
  readonly document: DocumentNode;
  readonly operationName: string | undefined;
  readonly variableValues: Record<string, unknown>;
}

const erreur = (error: GraphQLError, code: string, mode: Mode): GraphQLError =>
  new GraphQLError(mode === 'production' ? hideSuggestions(error.message) : error.message, {
    nodes: error.nodes,
    extensions: { ...error.extensions, code: error.extensions?.code ?? code },
  });

/**
 * Checks an operation received over graphql-ws as Apollo checks one over HTTP, and in the same
 * order: the abuse limits first (server-kit's, before anything else is parsed or run), then the
 * document against the schema — with introspection refused in production, and `_service { sdl }`
 * (introspection by another name) to anyone but the gateway — then its variables.
 * Each refusal carries the code HTTP would give it; on success, what graphql-ws should execute.
 */
export function preparerOperation(
  schema: GraphQLSchema,
  payload: SubscribePayload,
  options: { readonly limits: LimitSettings; readonly mode: Mode; readonly depuisPasserelle: boolean },
): OperationPreparee | GraphQLError[] {
  const refus = checkSubscribeLimits(schema, options.limits, payload, options.depuisPasserelle);
  if (refus) return refus;
  if (typeof payload.query !== 'string')
    return [new GraphQLError('Le champ query doit être un document GraphQL.', { extensions: { code: ErrorCode.BAD_REQUEST } })];
  let document: DocumentNode;
  try {
    document = parse(payload.query);
  } catch (error) {
    return [erreur(error as GraphQLError, 'GRAPHQL_PARSE_FAILED', options.mode)];
  }
  const regles: ValidationRule[] = options.mode === 'production' ? [...specifiedRules, noIntrospectionRule] : [...specifiedRules];
  const invalides = validateCapped(schema, document, regles, options.limits.maxValidationErrors);
  if (invalides.length) return invalides.map((e) => erreur(e, 'GRAPHQL_VALIDATION_FAILED', options.mode));
  const operation = getOperationAST(document, payload.operationName ?? undefined);
  if (!operation) return [new GraphQLError('Opération introuvable dans le document.', { extensions: { code: ErrorCode.BAD_USER_INPUT } })];
  // As serviceSdlGuardPlugin does over HTTP (installed by createSubgraphServer in production).
  if (options.mode === 'production' && !options.depuisPasserelle && selectsRootField(document, operation, '_service')) {
    return [new ClientError(ErrorCode.FORBIDDEN, 'Le schéma du sous-graphe (_service) est réservé à la passerelle en production.')];
  }
  const variables = payload.variables ?? {};
  const coercion = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coercion.errors) return coercion.errors.map((e) => erreur(e, ErrorCode.BAD_USER_INPUT, options.mode));
  return { document, operationName: payload.operationName ?? undefined, variableValues: variables };
}
