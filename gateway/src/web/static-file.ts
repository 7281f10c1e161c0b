import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Route } from '@federess/server-kit';

/**
 * A file built with the workspace (the widget, GraphiQL's bundle), read once at start and served
 * with an ETag: a page that embeds it revalidates in one round trip and downloads it only when the
 * hub is upgraded. CORS headers are the HTTP handler's, as for every answer.
 */
export function staticFile(file: string, contentType: string): Route {
  const body = readFileSync(file);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return (req, res) => {
    res.setHeader('etag', etag);
    res.setHeader('cache-control', 'public, max-age=300');
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
