import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import { ErrorCode } from './error-codes';
import { ClientError } from './errors';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether Postgres can store a string as text: never a NUL character (its text types cannot hold
 * one: the statement fails), and only well-formed UTF-16 (a lone surrogate has no UTF-8 form; it
 * would be silently replaced). Every other character, control characters included, is stored as sent.
 */
export function isStorable(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

const refusal = (where: string, extensions: Record<string, unknown> = {}, nodes?: ConstructorParameters<typeof ClientError>[3]) =>
  new ClientError(
    ErrorCode.BAD_USER_INPUT,
    `${where} contient un caractère qui ne peut pas être enregistré (le caractère nul \\u0000, ou une moitié de paire UTF-16).`,
    { ...extensions, http: { status: 400 } },
    nodes,
  );

/** The path (`$input.emails[1]`) of the first string in `value` that Postgres cannot store, or undefined. */
export function unstorablePath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return isStorable(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorablePath(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      // A key is a string the server reads too (an input field name, a representation's field).
      const found = isStorable(key) ? unstorablePath(item, `${path}.${key}`) : path;
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The refusal for variables holding a string Postgres cannot store, wherever it sits (every variable
 * sent, used or not, at any depth), or undefined. Checked once at the boundary, so no resolver ever
 * writes such a value nor sends it to a `WHERE`.
 */
export function checkStorableVariables(variables: Readonly<Record<string, unknown>> | null | undefined): ClientError | undefined {
  for (const [name, value] of Object.entries(variables ?? {})) {
    const path = unstorablePath(value, `$${name}`);
    if (path) return refusal(`La variable ${path}`, { variable: path });
  }
  return undefined;
}

/** The same for the string literals of a document: a validation rule, refusing with BAD_USER_INPUT. */
export const storableStringsRule: ValidationRule = (context) => ({
  StringValue(node) {
    if (!isStorable(node.value)) context.reportError(refusal('Une chaîne du document', {}, [node]));
  },
});

/** Apollo's side of `checkStorableVariables`: before execution, so before the gateway plans or a resolver runs. */
export function storableVariablesPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ request }) {
          const refused = checkStorableVariables(request.variables);
          return refused ? Promise.reject(refused) : Promise.resolve();
        },
      });
    },
  };
}
