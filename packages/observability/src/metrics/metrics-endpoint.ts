import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { scrapeMetrics } from './metrics';

/** `GET /metrics`: every metric of the process, in Prometheus' text format. */
export function metricsRoute(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  scrapeMetrics().then(
    ({ contentType, text }) => {
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : text);
    },
    () => res.writeHead(500).end(),
  );
}

/**
 * The metrics port (FEDERESS_METRICS_PORT): `/metrics` alone, on a port of its own that the public
 * address does not expose, so that only the monitoring network scrapes it. Resolves with the port
 * it listens on (the kernel's choice for 0) and its stop.
 */
export function serveMetrics(port: number, host: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname === '/metrics') return metricsRoute(req, res);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Métriques à /metrics.\n');
  });
  // A scrape is one short request: an idle scraper connection is not kept for long.
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
