import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { trace } from '@opentelemetry/api';

/**
 * One request as the hub's logs and metrics see it: its W3C trace context, and what the request
 * turned out to be (operation, type, the codes of its errors), filled in as it runs.
 */
export interface RequestScope {
  readonly traceId: string;
  /** This service's span of the request: the parent of what it calls. */
  readonly spanId: string;
  readonly sampled: boolean;
  /** The operation's name (`''` for an anonymous one), or the route of a request that is no operation. */
  operation: string | undefined;
  /** `query`, `mutation`, `subscription`; `http` for a route that is no GraphQL operation. */
  type: string | undefined;
  /** `extensions.code` of each error the answer carries, in order. */
  readonly codes: string[];
}

const storage = new AsyncLocalStorage<RequestScope>();

/** The request the running code serves, if any. */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}

/** Runs `fn` as part of `scope`: logs written and errors noted meanwhile belong to it. */
export function runInRequest<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** Notes an error code of the current request's answer (no-op outside a request). */
export function noteErrorCode(code: string): void {
  storage.getStore()?.codes.push(code);
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

/** A W3C `traceparent`'s trace id and flags, when it is well-formed (ids of zeros are invalid). */
export function parseTraceparent(value: string | string[] | undefined): { traceId: string; sampled: boolean } | undefined {
  const [, traceId, spanId, traceFlags] = (typeof value === 'string' ? TRACEPARENT.exec(value.trim()) : null) ?? [];
  if (traceId === undefined || spanId === undefined || traceFlags === undefined || traceId === ZERO_TRACE || spanId === ZERO_SPAN)
    return undefined;
  return { traceId, sampled: (parseInt(traceFlags, 16) & 1) === 1 };
}

/**
 * The scope of a request arriving with these headers. With tracing on, the HTTP instrumentation has
 * already opened the request's span (from the caller's `traceparent`): the scope is that span. With
 * tracing off, the caller's trace id is kept (or a new one drawn) and this service's part gets an id
 * of its own, so that logs of the gateway and of the subgraphs it calls share one trace id all the same.
 */
export function scopeOf(headers: IncomingHttpHeaders): RequestScope {
  const span = trace.getActiveSpan()?.spanContext();
  if (span && span.traceId !== ZERO_TRACE) {
    return {
      traceId: span.traceId,
      spanId: span.spanId,
      sampled: (span.traceFlags & 1) === 1,
      operation: undefined,
      type: undefined,
      codes: [],
    };
  }
  const caller = parseTraceparent(headers.traceparent);
  return {
    traceId: caller?.traceId ?? randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
    sampled: caller?.sampled ?? false,
    operation: undefined,
    type: undefined,
    codes: [],
  };
}

const flags = (scope: RequestScope) => (scope.sampled ? '01' : '00');

/** The `traceparent` a call made for this request carries (with tracing on, the instrumentation writes its own). */
export const traceparentOf = (scope: RequestScope): string => `00-${scope.traceId}-${scope.spanId}-${flags(scope)}`;

/** The `traceresponse` header of the answer (W3C Trace Context Level 2): the trace id to quote when reporting a problem. */
export const traceresponseOf = traceparentOf;
