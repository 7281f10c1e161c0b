import { GraphQLError, Lexer, Source, type Token, TokenKind } from 'graphql';
import { ErrorCode } from '../error-codes';
import { LimitError } from './limit-error';

/** The comments just before `token`: the lexer links them in, though `advance()` skips over them. */
function commentsBefore(token: Token): number {
  let count = 0;
  for (let previous = token.prev; previous?.kind === TokenKind.COMMENT; previous = previous.prev) count += 1;
  return count;
}

/**
 * Counts the lexical tokens of a document, comments included (a comment costs lexing and parsing
 * like any token: a document of `#` lines must not be free), stopping one past `max`: a huge
 * document costs at most `max` tokens of lexing, never a full parse. A lexical error stops the count
 * (the parser reports it).
 */
export function countTokens(source: string, max: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    for (;;) {
      const token = lexer.advance();
      count += commentsBefore(token) + (token.kind === TokenKind.EOF ? 0 : 1);
      if (token.kind === TokenKind.EOF || count > max) break;
    }
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
  return Math.min(count, max + 1);
}

/**
 * The refusal for a document over `maxCharacters` characters or `max` tokens, or undefined when it is
 * within both. The characters are checked first, without lexing anything: one comment or one string
 * literal is a single token however long it is.
 */
export function checkTokens(source: string, max: number, maxCharacters = Number.POSITIVE_INFINITY): LimitError | undefined {
  if (source.length > maxCharacters) {
    return new LimitError(
      ErrorCode.CHARACTER_LIMIT_EXCEEDED,
      `Document trop long : ${source.length} caractères, ${maxCharacters} au plus. Passez les longues valeurs en variables.`,
      maxCharacters,
      source.length,
    );
  }
  const count = countTokens(source, max);
  if (count <= max) return undefined;
  return new LimitError(ErrorCode.TOKEN_LIMIT_EXCEEDED, `Document trop long : plus de ${max} éléments lexicaux.`, max, count);
}
