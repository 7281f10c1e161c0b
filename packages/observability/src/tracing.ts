import type { IncomingMessage } from 'node:http';
import { type Attributes, context, propagation, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { currentRequest, traceparentOf } from './request-scope';

/** The SDK of a service whose tracing is on (OTEL_EXPORTER_OTLP_ENDPOINT set), to flush at shutdown. */
let sdk: { shutdown(): Promise<void> } | undefined;

/** Whether spans are recorded and exported: false unless an OTLP endpoint is set. */
export const tracingEnabled = (): boolean => sdk !== undefined;

/** An attribute holding a URL: its query string may carry a private feed's token (`?jeton=…`) or a document's literals. */
const URL_ATTRIBUTES = ['http.target', 'http.url', 'url.full', 'url.path'] as const;

/**
 * Starts OpenTelemetry for this process: spans of the HTTP server and client (the W3C
 * `traceparent` read from callers and written on every call), of each SQL statement (its text, never
 * its parameters) and of GraphQL parsing, validation and execution (never the values of arguments),
 * exported over OTLP to OTEL_EXPORTER_OTLP_ENDPOINT, configured by the standard `OTEL_*` settings.
 * Must run before `http`, `pg` and `graphql` are loaded: the instrumentations hook into their
 * loading. The SDK is loaded only here: a service whose tracing is off never loads it.
 */
export async function startTracing(serviceName: string): Promise<void> {
  const [{ NodeSDK }, { HttpInstrumentation }, { PgInstrumentation }, { GraphQLInstrumentation }] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/instrumentation-graphql'),
  ]);
  const node = new NodeSDK({
    serviceName,
    instrumentations: [
      new HttpInstrumentation({
        // Health checks and scrapes, every few seconds, are not the traffic anyone traces.
        ignoreIncomingRequestHook: (req: IncomingMessage) => /^\/(health|metrics)(\?|$)/.test(req.url ?? ''),
        // Calls made outside any request (a subgraph asking another at start-up) open no trace of their own.
        requireParentforOutgoingSpans: true,
        requestHook: (span: Span) => {
          const attributes = (span as unknown as { attributes?: Attributes }).attributes ?? {};
          for (const name of URL_ATTRIBUTES) {
            const value = attributes[name];
            if (typeof value === 'string' && value.includes('?')) span.setAttribute(name, value.slice(0, value.indexOf('?')));
          }
          if (attributes['url.query'] !== undefined) span.setAttribute('url.query', '');
        },
      }),
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
      new GraphQLInstrumentation({ allowValues: false, ignoreTrivialResolveSpans: true, ignoreResolveSpans: true, mergeItems: true }),
    ],
  });
  node.start();
  sdk = node;
}

/** Sends the spans still buffered, within `timeoutMs`: at shutdown, after the drain. */
export async function stopTracing(timeoutMs = 2_000): Promise<void> {
  const node = sdk;
  sdk = undefined;
  if (!node) return;
  await Promise.race([node.shutdown().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
}

const tracer = trace.getTracer('federess');

/**
 * Runs `fn` in a span of its own (a child of the current one), ended when `fn` settles and marked as
 * an error when it throws. With tracing off, `fn` runs alone, at no cost.
 */
export function inSpan<T>(name: string, attributes: Attributes, fn: (span: Span | undefined) => Promise<T>): Promise<T> {
  if (!sdk) return fn(undefined);
  return tracer.startActiveSpan(name, { kind: SpanKind.INTERNAL, attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * The trace headers of a call made now (to a subgraph, to the owner of a reference): the current
 * span's `traceparent` with tracing on, else the request's own, so that the callee's logs carry the
 * same trace id either way. Empty outside a request.
 */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  if (sdk) {
    propagation.inject(context.active(), carrier);
    return carrier;
  }
  const scope = currentRequest();
  if (scope) carrier.traceparent = traceparentOf(scope);
  return carrier;
}
