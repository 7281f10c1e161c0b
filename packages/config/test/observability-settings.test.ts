import { readGatewaySettings, readObservabilitySettings, readSubgraphSettings, SettingError } from '../src/index';

describe('observability settings', () => {
  it('have documented defaults: metrics on, no metrics port, readable logs in development, JSON in production, tracing off', () => {
    expect(readObservabilitySettings({})).toEqual({
      metrics: true,
      metricsPort: undefined,
      logLevel: 'info',
      logFormat: 'pretty',
      otlpEndpoint: undefined,
      serviceName: undefined,
      drainTimeoutMs: 10_000,
    });
    expect(
      readGatewaySettings({ FEDERESS_MODE: 'production', FEDERESS_JWT_SECRET: 'x'.repeat(40), FEDERESS_GATEWAY_SECRET: 'y'.repeat(40) })
        .observability.logFormat,
    ).toBe('json');
  });

  it('turn tracing on with the standard OTLP endpoint, off with OTEL_SDK_DISABLED', () => {
    expect(readObservabilitySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).otlpEndpoint).toBe('http://collector:4318');
    expect(readObservabilitySettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }).otlpEndpoint).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(
      readObservabilitySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }).otlpEndpoint,
    ).toBeUndefined();
    expect(() => readObservabilitySettings({ FEDERESS_METRICS_PORT: 'neuf' })).toThrow(SettingError);
    expect(() => readObservabilitySettings({ FEDERESS_LOG_LEVEL: 'bavard' })).toThrow(SettingError);
  });

  it('read every replica of a subgraph from its comma-separated URL, the first one where a subgraph asks', () => {
    const env = { RENCONTRES_URL: 'http://a:4002/graphql, http://b:4002/graphql' };
    expect(readGatewaySettings(env).subgraphReplicaUrls.rencontres).toEqual(['http://a:4002/graphql', 'http://b:4002/graphql']);
    expect(readGatewaySettings(env).subgraphUrls.rencontres).toBe('http://a:4002/graphql');
    expect(readSubgraphSettings('publications', env).subgraphUrls.rencontres).toBe('http://a:4002/graphql');
    expect(readGatewaySettings({}).subgraphReplicaUrls.clubs).toEqual(['http://localhost:4001/graphql']);
  });
});
