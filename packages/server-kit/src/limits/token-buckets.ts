/**
 * Token buckets by key (an address, a bearer token), in a map of bounded size: when full, the least
 * recently seen key is forgotten (a Map iterates in insertion order, and a hit re-inserts its key),
 * so memory stays bounded whatever the number of distinct clients. A forgotten client starts again
 * with a full bucket, which only ever errs on the side of letting a request through.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    /** Tokens added per second: the sustained rate. */
    private readonly ratePerSecond: number,
    /** Bucket capacity: how many requests may arrive at once. */
    private readonly burst: number,
    /** Most keys remembered. */
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.buckets.size;
  }

  /** Takes one token for `key`: 0 when granted, otherwise the seconds until one is available. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key);
    let tokens = this.burst;
    if (bucket) {
      tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.ratePerSecond);
      this.buckets.delete(key);
    } else if (this.buckets.size >= this.maxEntries) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return 0;
    }
    this.buckets.set(key, { tokens, at: now });
    return Math.max(1, Math.ceil((1 - tokens) / this.ratePerSecond));
  }
}
