import { createHash, timingSafeEqual } from 'node:crypto';
import { unauthenticated } from './errors';

/** The HTTP header (and graphql-ws connectionParams key) by which the gateway proves it is the gateway. */
export const GATEWAY_HEADER = 'x-federess-gateway';

/** Compares in constant time (through digests, so the lengths do not leak either). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Whether a request comes from the gateway. A request that carries the gateway header with a wrong
 * secret is refused outright (UNAUTHENTICATED): it claims an identity it cannot prove.
 */
export function checkGatewayClaim(claimed: string | readonly string[] | undefined | null, secret: string): boolean {
  if (claimed === undefined || claimed === null) return false;
  const value = Array.isArray(claimed) ? claimed.join(',') : (claimed as string);
  if (!sameSecret(value, secret)) {
    throw unauthenticated(`En-tête ${GATEWAY_HEADER} invalide : cette requête prétend venir de la passerelle sans en avoir le secret.`, {
      raison: 'GATEWAY_SECRET',
    });
  }
  return true;
}
