import type { Mode } from '@federess/config';
import { type ExecutionResult, type FormattedExecutionResult, GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './error-codes';
import { createErrorFormatter } from './format-error';
import type { RateLimitRefusal } from './limits/rate-limit';

/** Close codes the hub's graphql-ws servers send beside graphql-ws's own `CloseCode`. */
export enum HubCloseCode {
  /**
   * "Try again later": a socket of the gateway, whose token expired, is shared by clients (one
   * upstream for all of them); Forbidden would end it for all, this makes it reconnect, resume with
   * `apres`, and present its freshest token.
   */
  TryAgainLater = 1013,
}

/** A `connectionParams` entry, whatever the case of its name (`authorization` or `Authorization`). */
export function connectionParam(params: Readonly<Record<string, unknown>> | undefined, name: string): unknown {
  const wanted = name.toLowerCase();
  return Object.entries(params ?? {}).find(([key]) => key.toLowerCase() === wanted)?.[1];
}

/** The Authorization of `connectionParams` (`{ authorization: "Bearer …" }`), when it is a text. */
export function connectionAuthorization(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = connectionParam(params, 'authorization');
  return typeof value === 'string' ? value : undefined;
}

/** A rate limit's refusal of an operation sent over a socket or a stream (HTTP answers 429 instead). */
export function rateLimitedError(refusal: RateLimitRefusal): GraphQLError {
  return new GraphQLError(refusal.message, { extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: refusal.retryAfterSeconds } });
}

/**
 * Shapes the errors a graphql-ws server sends (its `error` messages and the errors of `next`
 * results) with the formatter of the HTTP path: stable codes, internal messages hidden in
 * production, never a stack trace. Apollo's `http` extension (a status) means nothing on a socket.
 */
export function socketErrorFormatter(mode: Mode) {
  const format = createErrorFormatter(mode);
  const one = (error: GraphQLError): GraphQLFormattedError => {
    const { extensions, ...rest } = format(error.toJSON(), error);
    const { http: _http, ...kept } = extensions ?? {};
    return { ...rest, extensions: kept };
  };
  return {
    errors: (errors: readonly GraphQLError[]): GraphQLFormattedError[] => errors.map(one),
    result: ({ errors, ...rest }: ExecutionResult): FormattedExecutionResult =>
      errors?.length ? { ...rest, errors: errors.map(one) } : rest,
  };
}
