import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, sendJson } from '@federess/server-kit';
import { errorPage } from './html/error-page';

/** A feed or page that cannot be served: its HTTP status, the hub's stable code, a French sentence. */
export class FeedError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

export const badFeedInput = (message: string): FeedError => new FeedError(400, ErrorCode.BAD_USER_INPUT, message);

/**
 * The answer to a failure, with no data at all: a page for a browser, otherwise the JSON error body
 * every other answer of the hub uses (`errors[0].extensions.code`).
 */
export function sendFeedError(req: IncomingMessage, res: ServerResponse, error: FeedError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.setHeader('cache-control', 'no-store');
  if ((req.headers.accept ?? '').includes('text/html')) {
    const html = errorPage(error.status, error.message);
    res.writeHead(error.status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
    res.end(req.method === 'HEAD' ? undefined : html);
    return;
  }
  sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
}
