/**
 * How the gateway's cache and the subgraphs talk, on calls that prove they come from the gateway.
 * The gateway asks with CACHE_TAGS_HEADER; the subgraph's answer then carries, in its `extensions`:
 * - `federessCache`: what the answer read (see AnswerCacheInfo), to tag it with;
 * - `federessChanges`: for each change event the request appended, the tags it names, so the gateway
 *   evicts them before it answers (read-your-writes), before the NOTIFY arrives.
 * The gateway removes both before the answer goes any further.
 */
export const CACHE_TAGS_HEADER = 'x-federess-cache';

export interface AnswerCacheInfo {
  /** The entities whose fields the answer resolved (`Type:id`) and the root fields it asked (`Query.<field>`). */
  readonly tags: readonly string[];
  /** When a value in it changes with time alone (a rencontre over at its end turns PASSEE), ms since the epoch. */
  readonly expiresAt?: number;
  /** Something in it depends on the moment it was asked (a filter on the status now): never keep it. */
  readonly uncacheable?: boolean;
}

export const CACHE_EXTENSION = 'federessCache';
export const CHANGES_EXTENSION = 'federessChanges';
