import autocannon from 'autocannon';

export interface LoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  /** Latency percentiles in ms, exact (from every response's own timing, not autocannon's whole-ms histogram). */
  readonly p50: number;
  readonly p99: number;
  /** Non-2xx answers, connection errors and timeouts, and 2xx answers whose body holds GraphQL `errors`. */
  readonly errors: number;
  readonly durationS: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const round = (value: number, digits = 2): number => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);

/**
 * POSTs one GraphQL operation as fast as `connections` keep-alive connections allow, for `durationS`
 * seconds (autocannon, in this process). Every response body is checked for GraphQL `errors`.
 */
export interface RawLoad {
  requests: number;
  elapsedS: number;
  errors: number;
  latencies: number[];
}

/** Merges rounds of the same cell (taken at different moments of the run) into one result. */
export function summarize(rounds: readonly RawLoad[]): LoadResult {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const requests = rounds.reduce((sum, r) => sum + r.requests, 0);
  const elapsed = rounds.reduce((sum, r) => sum + r.elapsedS, 0);
  return {
    requests,
    requestsPerSecond: round(requests / elapsed, 1),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    durationS: round(elapsed, 2),
  };
}

export async function load(url: string, body: string, connections: number, durationS: number): Promise<RawLoad> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let finish: (error: Error | null, result: autocannon.Result) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) => (error ? reject(error) : resolve(result));
  });
  const instance = autocannon(
    {
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections,
      duration: durationS,
      timeout: 10,
      verifyBody: (response) => {
        const ok = !String(response).includes('"errors"');
        if (!ok) graphqlErrors += 1;
        return ok;
      },
    },
    (error: Error | null, result) => finish(error, result),
  );
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300 && latencies.length < 2_000_000) latencies.push(responseTime);
  });
  const result = await done;
  return {
    requests: result.requests.total,
    elapsedS: result.duration || durationS,
    errors: result.non2xx + result.errors + graphqlErrors,
    latencies,
  };
}
