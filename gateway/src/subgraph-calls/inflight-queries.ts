/**
 * Identical work started while the same work is still running shares the running promise, as Hive
 * Gateway's deduplicateInflightRequests does: a burst of identical reads costs one subgraph call.
 * A key is forgotten as soon as its promise settles, so nothing is cached: a later identical call
 * starts afresh and sees fresh data, and a failure is not replayed to callers that come after it.
 */
export class InflightPromises<T> {
  private readonly pending = new Map<string, Promise<T>>();

  /** The promise already running under `key`, or the one `start` begins (then shared until it settles). */
  share(key: string, start: () => Promise<T>): Promise<T> {
    const running = this.pending.get(key);
    if (running) return running;
    const started = start().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }

  /** How many distinct keys are running (for tests and diagnostics). */
  get size(): number {
    return this.pending.size;
  }
}
