import {
  DeliveryLag,
  MAX_OPERATION_LABELS,
  operationLabel,
  recordGraphqlError,
  recordHttpRequest,
  recordLimitRefusal,
  scrapeMetrics,
  serveMetrics,
  watchSqlPool,
} from '../src';

const valueOf = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('metrics', () => {
  it('count requests by operation, type and code, errors by code, and refusals by limit', async () => {
    recordHttpRequest('Agenda', 'query', 'OK', 0.012);
    recordHttpRequest('Agenda', 'query', 'OK', 0.3);
    recordGraphqlError('DEPTH_LIMIT_EXCEEDED');
    recordLimitRefusal('rate_ip');
    const { text, contentType } = await scrapeMetrics();
    expect(contentType).toMatch(/^text\/plain/);
    expect(valueOf(text, 'federess_http_requests_total{operation="Agenda",type="query",code="OK"}')).toBe(2);
    expect(valueOf(text, 'federess_http_request_duration_seconds_bucket{le="0.025",operation="Agenda",type="query",code="OK"}')).toBe(1);
    expect(valueOf(text, 'federess_graphql_errors_total{code="DEPTH_LIMIT_EXCEEDED"}')).toBe(1);
    expect(valueOf(text, 'federess_limit_refusals_total{limit="depth"}')).toBe(1);
    expect(valueOf(text, 'federess_limit_refusals_total{limit="rate_ip"}')).toBe(1);
  });

  it('keep a bounded number of operation names as labels', () => {
    for (let i = 0; i < MAX_OPERATION_LABELS + 10; i++) operationLabel(`Operation${i}`);
    expect(operationLabel('Operation1')).toBe('Operation1');
    expect(operationLabel('UneDePlus')).toBe('other');
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel('pas un nom')).toBe('invalid');
  });

  it('read the SQL pool and the lag of the live feeds when scraped', async () => {
    const pool = { totalCount: 7, idleCount: 3, waitingCount: 2 };
    const unwatch = watchSqlPool(pool);
    const lag = new DeliveryLag();
    lag.received(Date.now() - 4_000);
    lag.received(Date.now() - 1_000);
    let { text } = await scrapeMetrics();
    expect(valueOf(text, 'federess_sql_pool_connections{state="in_use"}')).toBe(4);
    expect(valueOf(text, 'federess_sql_pool_waiting')).toBe(2);
    expect(valueOf(text, 'federess_outbox_lag_seconds')).toBeGreaterThanOrEqual(4);
    lag.delivered();
    lag.delivered();
    ({ text } = await scrapeMetrics());
    expect(valueOf(text, 'federess_outbox_lag_seconds')).toBe(0);
    lag.close();
    unwatch();
  });

  it('are served on a port of their own, /metrics alone', async () => {
    const { port, stop } = await serveMetrics(0, '127.0.0.1');
    try {
      const scrape = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(scrape.status).toBe(200);
      expect(await scrape.text()).toContain('# TYPE federess_http_requests_total counter');
      expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
    } finally {
      await stop();
    }
  });
});
