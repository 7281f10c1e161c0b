import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import { ErrorCode } from '../error-codes';
import { LimitError } from './limit-error';

/**
 * Counts the lexical tokens of a document, stopping one past `max`: a huge document costs at most
 * `max` tokens of lexing, never a full parse. A lexical error stops the count (the parser reports it).
 */
export function countTokens(source: string, max: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > max) break;
    }
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
  return count;
}

/** The refusal for a document over `max` tokens, or undefined when it is within the limit. */
export function checkTokens(source: string, max: number): LimitError | undefined {
  const count = countTokens(source, max);
  if (count <= max) return undefined;
  return new LimitError(ErrorCode.TOKEN_LIMIT_EXCEEDED, `Document trop long : plus de ${max} éléments lexicaux.`, max, count);
}
