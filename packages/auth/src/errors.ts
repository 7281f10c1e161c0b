import { ClientError, ErrorCode } from '@federess/server-kit';

/**
 * A token (or gateway claim) that does not verify. Thrown while a request's context is built, so
 * the whole request is refused with HTTP 401 and a `WWW-Authenticate` challenge.
 */
export function unauthenticated(message: string, extensions: Record<string, unknown> = {}): ClientError {
  return new ClientError(ErrorCode.UNAUTHENTICATED, message, {
    ...extensions,
    http: { status: 401, headers: new Map([['www-authenticate', 'Bearer realm="federess"']]) },
  });
}

/**
 * No token where one is needed (an anonymous write). Thrown by a resolver: a GraphQL error of the
 * operation, without an HTTP status of its own.
 */
export function authenticationRequired(message: string): ClientError {
  return new ClientError(ErrorCode.UNAUTHENTICATED, message);
}

/** A valid identity without the right to do this (wrong role, or another région). */
export function forbidden(message: string, extensions: Record<string, unknown> = {}): ClientError {
  return new ClientError(ErrorCode.FORBIDDEN, message, extensions);
}
