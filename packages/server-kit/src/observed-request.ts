import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { logOf, recordHttpRequest, type RequestScope, runInRequest, scopeOf, traceresponseOf } from '@federess/observability';
import { ErrorCode } from './error-codes';

const log = logOf('http');

/** The code of an answer that carries none of its own (a page, a feed, a refusal before any GraphQL). */
function codeOfStatus(status: number): string {
  if (status < 400) return 'OK';
  if (status >= 500) return ErrorCode.INTERNAL_SERVER_ERROR;
  const codes: Record<number, ErrorCode> = {
    401: ErrorCode.UNAUTHENTICATED,
    403: ErrorCode.FORBIDDEN,
    404: ErrorCode.NOT_FOUND,
    429: ErrorCode.RATE_LIMITED,
  };
  return codes[status] ?? ErrorCode.BAD_REQUEST;
}

/** A route's label in metrics: its path, ids replaced (`/rencontres/{id}.ics`), so that every rencontre is not a series of its own. */
const routeLabel = (pathname: string) => pathname.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27,}|\/[^/]*\d[^/]*(?=\.\w+$|$)/gi, '/{id}');

/** Paths asked every few seconds by machines: their lines are debug ones. */
const ROUTINE = new Set(['/health', '/metrics']);

/**
 * Opens the scope of one HTTP request (its trace, answered in `traceresponse`) and, once it is
 * answered, counts and times it by operation, type and outcome code, and writes its log line:
 * operation, code, status and duration, never its query string (a feed token rides there) nor its body.
 */
export function observeRequest(req: IncomingMessage, res: ServerResponse, pathname: string, isRoute: boolean): RequestScope {
  const started = performance.now();
  const scope = scopeOf(req.headers);
  res.setHeader('traceresponse', traceresponseOf(scope));
  if (isRoute || pathname !== '/graphql') {
    scope.operation = isRoute ? routeLabel(pathname) : pathname === '/' ? '/' : 'not_found';
    scope.type = 'http';
  }
  res.once('close', () => {
    const durationMs = performance.now() - started;
    const code = scope.codes[0] ?? codeOfStatus(res.statusCode);
    const type = scope.type ?? 'unknown';
    recordHttpRequest(scope.operation, type, code, durationMs / 1000);
    const level = ROUTINE.has(pathname) ? 'debug' : 'info';
    if (!log.enabled(level)) return;
    runInRequest(scope, () =>
      log[level]('request', {
        method: req.method,
        path: isRoute ? routeLabel(pathname) : pathname,
        operation: scope.operation,
        type,
        code,
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
      }),
    );
  });
  return scope;
}
