import * as http from 'node:http';
import * as https from 'node:https';

/** What a subgraph answered, before parsing: shared by the callers of one deduplicated call, each parsing its own copy. */
export interface RawAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly contentType: string;
  readonly cacheControl: string | undefined;
  readonly text: string;
}

/** A call that outlived its deadline; its name is what the data source recognises a timeout by. */
export class SubgraphTimeout extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * POSTs to one subgraph over `node:http` with a keep-alive agent (one pool per subgraph), not
 * through a fetch implementation: on a gateway whose work is mostly calling subgraphs, fetch's web
 * streams and header objects cost more CPU than the calls themselves.
 */
export class HttpTransport {
  private readonly target: URL;
  private readonly agent: http.Agent;

  /**
   * `maxSockets` bounds the connections to the subgraph (default: none); calls beyond wait for a free
   * one, within their deadline. The gateway keeps it under the subgraph's per-address cap.
   */
  constructor(
    url: string,
    private readonly timeoutMs: number,
    maxSockets = Number.POSITIVE_INFINITY,
  ) {
    this.target = new URL(url);
    const Agent = this.target.protocol === 'https:' ? https.Agent : http.Agent;
    // LIFO reuses the most recently used socket, leaving the others idle long enough to time out and close.
    this.agent = new Agent({ keepAlive: true, scheduling: 'lifo', maxSockets });
  }

  /**
   * One POST of `body`, bounded by the deadline. `idempotent` allows one retry (with a fresh
   * deadline) when a reused kept-alive socket turns out to have been closed by the subgraph.
   */
  post(body: string, headers: Record<string, string>, idempotent: boolean): Promise<RawAnswer> {
    return new Promise<RawAnswer>((resolve, reject) => {
      const payload = Buffer.from(body, 'utf8');
      const req = (this.target.protocol === 'https:' ? https : http).request(this.target, {
        method: 'POST',
        agent: this.agent,
        headers: { ...headers, 'content-length': String(payload.length) },
      });
      const timer = setTimeout(() => req.destroy(new SubgraphTimeout(`timeout after ${this.timeoutMs} ms`)), this.timeoutMs);
      // A request and its response may both report the same failure (a reset socket): settle once.
      let settled = false;
      let answered = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // A kept-alive socket the subgraph closed just as it was reused, before any answer: a query
        // is safe to send again, once (the retry is not idempotent-flagged, so a second reset is a
        // real failure). Once an answer has begun, the subgraph did the work: no retry.
        if (idempotent && req.reusedSocket && !answered && (error as NodeJS.ErrnoException).code === 'ECONNRESET') {
          this.post(body, headers, false).then(resolve, reject);
        } else reject(error);
      };
      req.on('error', fail);
      req.once('response', (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.once('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          const cacheControl = res.headers['cache-control'];
          resolve({
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            contentType: res.headers['content-type'] ?? '',
            cacheControl: Array.isArray(cacheControl) ? cacheControl.join(', ') : cacheControl,
            // One chunk (the usual small answer) decodes without the copy Buffer.concat makes.
            text: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'),
          });
        });
      });
      req.end(payload);
    });
  }
}
