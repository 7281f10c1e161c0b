/**
 * How far behind one live feed is (a group of the gateway's shared subscriptions, a stream of the
 * rencontres subgraph): the commit times of the live events it received and has not delivered yet,
 * oldest first. Events arrive and leave in order, so the oldest waiting one is the first.
 */
export class DeliveryLag {
  private readonly waiting: number[] = [];
  private static readonly open = new Set<DeliveryLag>();

  constructor() {
    DeliveryLag.open.add(this);
  }

  /** A live event committed at `committedAtMs` was received, to be delivered. */
  received(committedAtMs: number): void {
    this.waiting.push(committedAtMs);
  }

  /** The oldest waiting event was delivered (to every client it was for); returns its commit time. */
  delivered(): number | undefined {
    return this.waiting.shift();
  }

  /** The feed ended: it lags no more. */
  close(): void {
    this.waiting.length = 0;
    DeliveryLag.open.delete(this);
  }

  /** Now − the commit time of the oldest event received and not delivered, over every open feed; 0 when all are caught up. */
  static worstSeconds(nowMs: number): number {
    let oldest = Infinity;
    for (const lag of DeliveryLag.open) {
      const [first] = lag.waiting;
      if (first !== undefined && first < oldest) oldest = first;
    }
    return oldest === Infinity ? 0 : Math.max(0, nowMs - oldest) / 1000;
  }
}
