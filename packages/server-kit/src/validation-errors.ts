import { type DocumentNode, GraphQLError, type GraphQLFormattedError, type GraphQLSchema, validate, type ValidationRule } from 'graphql';

/** What graphql-js reports, in English, once `maxErrors` errors are reached and validation stops. */
const GRAPHQL_JS_ABORT = 'Too many validation errors, error limit reached. Validation aborted.';

/** The last error of an answer whose validation stopped at `max` errors, in the hub's words. */
export function tooManyValidationErrorsMessage(max: number): string {
  return `Trop d’erreurs de validation : les ${max} premières seulement ; la validation s’est arrêtée là. Corrigez-les, puis renvoyez l’opération.`;
}

/**
 * Gives graphql-js's "validation aborted" error the hub's words, for Apollo's error formatter (Apollo
 * validates with `validationOptions.maxErrors`, see sharedApolloOptions); other errors are returned as they are.
 */
export function translateValidationAbort(formatted: GraphQLFormattedError, max: number): GraphQLFormattedError {
  return formatted.message === GRAPHQL_JS_ABORT ? { ...formatted, message: tooManyValidationErrorsMessage(max) } : formatted;
}

/**
 * `validate`, stopping at `max` errors (graphql-js's `maxErrors`): a document of a thousand mistakes
 * costs as much to validate as one of ten, and its answer lists ten and one saying the rest were not
 * looked at. For the graphql-ws servers, which validate themselves.
 */
export function validateCapped(
  schema: GraphQLSchema,
  document: DocumentNode,
  rules: readonly ValidationRule[],
  max: number,
): GraphQLError[] {
  return validate(schema, document, rules, { maxErrors: max }).map((error) =>
    error.message === GRAPHQL_JS_ABORT ? new GraphQLError(tooManyValidationErrorsMessage(max), { extensions: error.extensions }) : error,
  );
}
