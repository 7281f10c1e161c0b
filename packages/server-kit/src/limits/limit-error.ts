import { type ErrorCode } from '../error-codes';
import { ClientError } from '../errors';

/**
 * An operation refused by an abuse limit, before any subgraph call or SQL. It carries its own code
 * (Apollo re-labels validation errors GRAPHQL_VALIDATION_FAILED; the error formatter restores it)
 * and the limit and measured value, so a client can see how far over it went. HTTP status 400.
 */
export class LimitError extends ClientError {
  constructor(code: ErrorCode, message: string, limit: number, actual: number) {
    super(code, message, { limit, actual, http: { status: 400 } });
  }
}
