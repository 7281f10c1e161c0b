import { recordLimitRefusal } from '@federess/observability';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LimitSettings } from '@federess/config';
import { TokenBuckets } from './token-buckets';

export interface RateLimitRefusal {
  /** Seconds to wait, sent as `Retry-After`. */
  readonly retryAfterSeconds: number;
  readonly message: string;
}

/**
 * Per-address and per-token rate limits, checked before a request body is even read. Every request
 * takes from its address's bucket; one with an Authorization header also takes from its token's
 * bucket (keyed by a hash, so a long header costs no memory). The gateway's own calls to a subgraph
 * are not limited (the HTTP handler's `trustedCaller`): they were limited at the gateway already.
 */
export class RateLimiter {
  private readonly byAddress: TokenBuckets | undefined;
  private readonly byToken: TokenBuckets | undefined;

  constructor(settings: LimitSettings, now?: () => number) {
    this.byAddress =
      settings.ipRatePerSecond > 0
        ? new TokenBuckets(settings.ipRatePerSecond, settings.ipBurst, settings.rateLimitEntries, now)
        : undefined;
    this.byToken =
      settings.tokenRatePerSecond > 0
        ? new TokenBuckets(settings.tokenRatePerSecond, settings.tokenBurst, settings.rateLimitEntries, now)
        : undefined;
  }

  /** Undefined when the request may go on, otherwise why and for how long it may not. */
  check(req: IncomingMessage): RateLimitRefusal | undefined {
    return this.checkCaller(req.socket.remoteAddress, req.headers.authorization);
  }

  /** The same for a caller known otherwise (a graphql-ws operation: its socket's address, its connectionParams token). */
  checkCaller(remoteAddress: string | undefined, authorization: string | undefined): RateLimitRefusal | undefined {
    const address = remoteAddress ?? 'inconnue';
    const addressWait = this.byAddress?.take(address) ?? 0;
    if (addressWait > 0) {
      recordLimitRefusal('rate_ip');
      return { retryAfterSeconds: addressWait, message: `Trop de requêtes depuis cette adresse : réessayez dans ${addressWait} s.` };
    }
    if (authorization && this.byToken) {
      const key = createHash('sha256').update(authorization).digest('base64url');
      const tokenWait = this.byToken.take(key);
      if (tokenWait > 0) {
        recordLimitRefusal('rate_token');
        return { retryAfterSeconds: tokenWait, message: `Trop de requêtes avec ce jeton : réessayez dans ${tokenWait} s.` };
      }
    }
    return undefined;
  }
}
