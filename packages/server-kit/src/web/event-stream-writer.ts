import type { ServerResponse } from 'node:http';
import type { FormattedExecutionResult } from 'graphql';

/**
 * One Server-Sent Events answer in the graphql-sse protocol's distinct-connections mode: `next`
 * messages carrying results, then `complete`. Each `next` may carry the SSE `id:` of the event, which
 * a browser's EventSource sends back as `Last-Event-ID` when it reconnects by itself. Comments keep an
 * idle stream alive through proxies that cut silent connections.
 */
export class EventStreamWriter {
  private readonly keepAlive: NodeJS.Timeout;
  private ended = false;

  constructor(
    private readonly res: ServerResponse,
    options: { readonly keepAliveMs: number; readonly retryMs: number; readonly startsAfter?: string },
  ) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      // A buffering proxy (nginx) would hold the events back.
      'x-accel-buffering': 'no',
    });
    // `retry:` sets how soon EventSource reconnects after a cut (Chromium waits 3 s otherwise).
    // An `id:` alone sets the browser's last event id without an event (the stream's starting point).
    const start = options.startsAfter === undefined ? '' : `id: ${options.startsAfter.replace(/[\r\n]/g, '')}\n`;
    res.write(`retry: ${options.retryMs}\n${start}:\n\n`);
    this.keepAlive = setInterval(() => this.write(':\n\n'), options.keepAliveMs);
    this.keepAlive.unref();
    res.once('close', () => this.stop());
  }

  get open(): boolean {
    return !this.ended;
  }

  /** Sends a result; resolves once the socket can take more (a slow reader slows its own stream only). */
  async next(result: FormattedExecutionResult, id: string | undefined): Promise<void> {
    // An id is one line: a newline in it would end the field (ids here are numbers, this is a guard).
    const idLine = id === undefined ? '' : `id: ${id.replace(/[\r\n]/g, '')}\n`;
    if (!this.write(`event: next\n${idLine}data: ${JSON.stringify(result)}\n\n`)) await this.drained();
  }

  /** The operation is over: `complete`, then the end of the answer. */
  complete(): void {
    this.write('event: complete\ndata:\n\n');
    this.end();
  }

  /**
   * Ends the answer without `complete` (shutdown): an EventSource reconnects by itself with
   * `Last-Event-ID`, a graphql-sse client retries, and both resume where they were.
   */
  end(): void {
    if (this.ended) return;
    this.stop();
    this.res.end();
  }

  private stop(): void {
    this.ended = true;
    clearInterval(this.keepAlive);
  }

  private write(chunk: string): boolean {
    if (this.ended) return true;
    return this.res.write(chunk);
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.once('drain', done);
      this.res.once('close', done);
    });
  }
}
