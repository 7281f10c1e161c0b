import type { AnswerCacheInfo } from '@federess/server-kit';
import type { Reads } from './answer-cache';

/**
 * What the fetches of one operation read, noted by each fetch as it gets its answer: the whole
 * response may be kept only if every fetch could have been (an answer the subgraph tagged, without
 * errors, through the cache), tagged with all they read.
 */
export class OperationReads {
  private readonly tags = new Map<string, Set<string>>();
  private earliestExpiry = Infinity;
  private complete = true;

  /** A fetch's answer read these (in `subgraph`); undefined: an answer that could not be kept. */
  note(subgraph: string, info: AnswerCacheInfo | undefined): void {
    if (!info || info.uncacheable) {
      this.complete = false;
      return;
    }
    let tags = this.tags.get(subgraph);
    if (!tags) this.tags.set(subgraph, (tags = new Set()));
    for (const tag of info.tags) tags.add(tag);
    if (info.expiresAt !== undefined) this.earliestExpiry = Math.min(this.earliestExpiry, info.expiresAt);
  }

  /** Everything read, per subgraph, or undefined when a fetch's answer could not be kept. */
  get reads(): Reads | undefined {
    if (!this.complete) return undefined;
    return new Map([...this.tags].map(([subgraph, tags]) => [subgraph, [...tags]]));
  }

  get expiresAt(): number {
    return this.earliestExpiry;
  }
}

/** The reads of each operation being executed, by the request context its fetches are given. */
const running = new WeakMap<object, OperationReads>();

export function startReads(requestContext: object): OperationReads {
  const reads = new OperationReads();
  running.set(requestContext, reads);
  return reads;
}

/** The reads of the operation a fetch belongs to, if it is noting them. */
export const readsOf = (requestContext: object | undefined): OperationReads | undefined =>
  requestContext ? running.get(requestContext) : undefined;
