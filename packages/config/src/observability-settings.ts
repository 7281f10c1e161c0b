import { type Environment, readBoolean, readChoice, readHttpUrl, readInteger, readOptionalString } from './read';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** What a service tells its operators: metrics, traces and logs, and how it stops. */
export interface ObservabilitySettings {
  /** `FEDERESS_METRICS` (default `true`): count and time what the service does, for Prometheus. */
  readonly metrics: boolean;
  /**
   * `FEDERESS_METRICS_PORT` (default: none): a port of its own serving `GET /metrics`, on `HOST`,
   * out of the public port's reach. In development `/metrics` is also served on the service's own
   * port; in production only here, so without it a production service serves no metrics. `pnpm
   * start` reads it as the first of five ports: the gateway's, then one per subgraph, in the order
   * of their default ports.
   */
  readonly metricsPort: number | undefined;
  /** `FEDERESS_LOG_LEVEL` (default `info`): the least severe level written (`debug` adds health checks and scrapes). */
  readonly logLevel: LogLevel;
  /** `FEDERESS_LOG_FORMAT` (default `pretty` in development, `json` in production): JSON lines, or one readable line each. */
  readonly logFormat: LogFormat;
  /**
   * `OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (default: none, tracing
   * off): where spans are sent over OTLP (the OpenTelemetry SDK reads the other standard `OTEL_*`
   * settings itself: `OTEL_EXPORTER_OTLP_PROTOCOL`, `OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_TRACES_SAMPLER`, …).
   * `OTEL_SDK_DISABLED=true` turns tracing off whatever the endpoint.
   */
  readonly otlpEndpoint: string | undefined;
  /** `OTEL_SERVICE_NAME` (default `federess-<service>`, e.g. `federess-gateway`): the service name spans carry. */
  readonly serviceName: string | undefined;
  /**
   * `FEDERESS_DRAIN_TIMEOUT_MS` (default 10000): at SIGTERM, how long requests in flight may take to
   * finish (readiness already 503, no new connection accepted) before the remaining connections are cut.
   */
  readonly drainTimeoutMs: number;
}

export function readObservabilitySettings(env: Environment = process.env, production = false): ObservabilitySettings {
  const disabled = readBoolean(env, 'OTEL_SDK_DISABLED', false);
  const endpoint =
    readOptionalString(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') !== undefined
      ? readHttpUrl(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', '')
      : readOptionalString(env, 'OTEL_EXPORTER_OTLP_ENDPOINT') !== undefined
        ? readHttpUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', '')
        : undefined;
  const metricsPort = readOptionalString(env, 'FEDERESS_METRICS_PORT');
  return {
    metrics: readBoolean(env, 'FEDERESS_METRICS', true),
    metricsPort: metricsPort === undefined ? undefined : readInteger(env, 'FEDERESS_METRICS_PORT', 0, 1),
    logLevel: readChoice(env, 'FEDERESS_LOG_LEVEL', LOG_LEVELS, 'info'),
    logFormat: readChoice(env, 'FEDERESS_LOG_FORMAT', LOG_FORMATS, production ? 'json' : 'pretty'),
    otlpEndpoint: disabled ? undefined : endpoint,
    serviceName: readOptionalString(env, 'OTEL_SERVICE_NAME'),
    drainTimeoutMs: readInteger(env, 'FEDERESS_DRAIN_TIMEOUT_MS', 10_000, 0),
  };
}
