import { GraphQLError, Lexer, Source, type Token, TokenKind } from 'graphql';
import { ErrorCode } from '../error-codes';
import { LimitError } from './limit-error';

/** The comments just before `token`: the lexer links them in, though `advance()` skips over them. */
function commentsBefore(token: Token): number {
  let count = 0;
  for (let previous = token.prev; previous?.kind === TokenKind.COMMENT; previous = previous.prev) count += 1;
  return count;
}

const HASH = 0x23;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/**
 * The comments of a document (`#` to the end of the line, outside strings), counted by a plain scan
 * that stops at `max`: graphql-js's lexer reads every comment of a run before it returns the next
 * token, so a document made of `#` lines would cost a full lexing before the token count could stop.
 */
function countComments(source: string, max: number): number {
  let count = 0;
  let i = 0;
  while (i < source.length && count < max) {
    const c = source.charCodeAt(i);
    if (c === HASH) {
      count += 1;
      while (i < source.length && source.charCodeAt(i) !== NEWLINE && source.charCodeAt(i) !== RETURN) i += 1;
    } else if (c === QUOTE && source.startsWith('"""', i)) {
      // A block string ends at the next unescaped """.
      i += 3;
      while (i < source.length && !(source.startsWith('"""', i) && source.charCodeAt(i - 1) !== BACKSLASH)) i += 1;
      i += 3;
    } else if (c === QUOTE) {
      // A string ends at the next unescaped quote, or at the end of its line.
      i += 1;
      while (i < source.length) {
        const d = source.charCodeAt(i);
        if (d === BACKSLASH) i += 2;
        else if (d === QUOTE || d === NEWLINE || d === RETURN) break;
        else i += 1;
      }
      i += 1;
    } else i += 1;
  }
  return count;
}

/**
 * Counts the lexical tokens of a document, comments included (a comment costs lexing and parsing
 * like any token: a document of `#` lines must not be free), stopping one past `max`: a huge
 * document costs at most `max` tokens of lexing, never a full parse. A lexical error stops the count
 * (the parser reports it).
 */
export function countTokens(source: string, max: number): number {
  if (countComments(source, max + 1) > max) return max + 1;
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
