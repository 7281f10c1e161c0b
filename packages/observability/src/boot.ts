import { readCommonSettings } from '@federess/config';
import { hideSecrets } from './log-scrub';
import { configureLogger, logOf } from './logger';
import { enableMetrics } from './metrics/metrics';
import { startTracing } from './tracing';

/**
 * The first thing a service process does, before loading anything else: its logging (level,
 * format, the secrets no line may hold), its metrics, and its tracing when an OTLP endpoint is set,
 * whose instrumentations must hook into `http`, `pg` and `graphql` before they load. Then `load`
 * loads and starts the service itself (`() => import('./main.js')`).
 */
export function bootService(service: string, load: () => Promise<unknown>): void {
  let settings: ReturnType<typeof readCommonSettings>;
  try {
    settings = readCommonSettings();
  } catch (error) {
    // Logging is not configured yet: this one line says why the service does not start.
    logOf('boot').error(`cannot start: ${error instanceof Error ? error.message : String(error)}`, { service });
    process.exit(1);
  }
  const { observability, auth } = settings;
  configureLogger({ service, level: observability.logLevel, format: observability.logFormat });
  hideSecrets([auth.gatewaySecret, auth.jwt.kind === 'secret' ? auth.jwt.secret : undefined]);
  enableMetrics(service, observability.metrics);
  const tracing = observability.otlpEndpoint ? startTracing(observability.serviceName ?? `federess-${service}`) : Promise.resolve();
  tracing.then(load).catch((error: unknown) => {
    logOf('boot').error(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
