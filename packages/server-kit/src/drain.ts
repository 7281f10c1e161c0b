import type { Server, ServerResponse } from 'node:http';

/**
 * A server's requests in flight, and whether it is stopping. While it drains, `/health` answers 503
 * (readiness: a balancer stops sending), every answer closes its connection (kept-alive clients
 * reconnect elsewhere), and the stop waits for the requests in flight, within a bound.
 */
export class Drain {
  private readonly inflight = new Set<ServerResponse>();
  private stopping = false;
  private idle: (() => void) | undefined;

  /** Whether the server is stopping: readiness is 503. */
  get draining(): boolean {
    return this.stopping;
  }

  /** Requests being answered now. */
  get inflightCount(): number {
    return this.inflight.size;
  }

  /** Counts a request until its answer is sent (or its connection lost). */
  track(res: ServerResponse): void {
    this.inflight.add(res);
    if (this.stopping) res.setHeader('connection', 'close');
    res.once('close', () => {
      this.inflight.delete(res);
      if (this.inflight.size === 0) this.idle?.();
    });
  }

  /** Resolves when no request is in flight, or after `timeoutMs`; true when they all finished. */
  private whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.inflight.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idle = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  /**
   * Stops `server` gracefully: readiness turns 503, no new connection is accepted (idle kept-alive
   * ones close), `closeSockets` ends the long-lived ones (WebSockets, with a code that makes their
   * clients resume elsewhere), requests in flight finish within `timeoutMs`, then whatever is left
   * is cut. Resolves with whether every request in flight finished.
   */
  async close(server: Server, timeoutMs: number, closeSockets: () => Promise<void> = () => Promise.resolve()): Promise<boolean> {
    this.stopping = true;
    // Answers not yet begun close their connection too: their clients reconnect elsewhere.
    for (const res of this.inflight) if (!res.headersSent) res.setHeader('connection', 'close');
    const closed = new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    await closeSockets();
    const finished = await this.whenIdle(timeoutMs);
    server.closeAllConnections();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    return finished;
  }
}
