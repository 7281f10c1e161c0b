import { type ASTNode, GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes';

/** A client's mistake: a GraphQL error with a stable code and a message a person understands. */
export class ClientError extends GraphQLError {
  /** `nodes`: where in the document the mistake is, for an error a validation rule reports. */
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}, nodes?: readonly ASTNode[]) {
    super(message, { nodes, extensions: { ...extensions, code } });
  }
}

export const badInput = (message: string, extensions?: Record<string, unknown>): ClientError =>
  new ClientError(ErrorCode.BAD_USER_INPUT, message, extensions);

export const notFound = (what: string, id: string): ClientError =>
  new ClientError(ErrorCode.NOT_FOUND, `${what} introuvable : ${id}`, { id });

export const conflict = (message: string): ClientError => new ClientError(ErrorCode.CONFLICT, message);
