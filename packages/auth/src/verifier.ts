import { errors, type JWTPayload, jwtVerify } from 'jose';
import type { AuthSettings } from '@federess/config';
import { readClaims } from './claims';
import { unauthenticated } from './errors';
import { verificationKey, type VerificationKey } from './key';
import { Viewer } from './viewer';

/** Longer than any token the hub issues or expects: refused before any cryptography. */
const MAX_TOKEN_LENGTH = 8192;

export interface TokenVerifier {
  /** Verifies a bare token (no `Bearer `): the viewer it names, or UNAUTHENTICATED. */
  verify(token: string): Promise<Viewer>;
  /**
   * The viewer of an `Authorization` header value (HTTP header or graphql-ws connectionParams):
   * anonymous without one, UNAUTHENTICATED for a malformed or invalid one.
   */
  viewerOf(authorization: string | undefined | null): Promise<Viewer>;
}

/** Turns jose's failures into one French sentence a person can act on. */
function explain(error: unknown, algorithm: string): Error {
  if (error instanceof errors.JWTExpired) return unauthenticated('Jeton expiré : demandez-en un nouveau.', { raison: 'EXPIRED' });
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return unauthenticated(`Algorithme de signature du jeton refusé : seul ${algorithm} est accepté.`, { raison: 'ALGORITHM' });
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return unauthenticated('Signature du jeton invalide : il a été modifié ou signé avec une autre clé.', { raison: 'SIGNATURE' });
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claim = error.claim;
    if (claim === 'nbf') return unauthenticated('Jeton pas encore valide (nbf dans le futur).', { raison: 'NOT_YET_VALID' });
    return unauthenticated(`Jeton invalide : la revendication « ${claim} » est absente ou incorrecte.`, { raison: 'CLAIMS', claim });
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return unauthenticated('Jeton mal formé : un JWT signé (trois parties base64url séparées par des points) est attendu.', {
      raison: 'MALFORMED',
    });
  }
  // Anything else (a JWKS that cannot be fetched, …) is the hub's problem, not the caller's.
  return error instanceof Error ? error : new Error(String(error));
}

/** Splits `Bearer <token>`; anything else in the header is refused rather than ignored. */
export function bearerToken(authorization: string): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
  if (!match) throw unauthenticated('En-tête Authorization mal formé : « Bearer <jeton> » est attendu.', { raison: 'MALFORMED' });
  return match[1]!;
}

/**
 * Refuses a token issued in the future (its `iat` later than now, beyond the clock tolerance) or
 * meant to live longer than `maxTokenLifetimeSeconds`, from its `iat` (or from now without one) to its
 * `exp`. jose checks neither: a well-signed `exp: 1e300` would be a password that never expires.
 */
function checkLifetime(payload: JWTPayload, settings: AuthSettings, nowSeconds: number): void {
  const { iat, exp } = payload;
  if (iat !== undefined && typeof iat !== 'number')
    throw unauthenticated('Jeton invalide : la revendication « iat » doit être une date.', { raison: 'CLAIMS', claim: 'iat' });
  if (iat !== undefined && iat > nowSeconds + settings.clockToleranceSeconds) {
    throw unauthenticated('Jeton émis dans le futur (iat) : vérifiez l’horloge de son émetteur.', { raison: 'ISSUED_IN_FUTURE' });
  }
  const start = iat ?? nowSeconds;
  if (typeof exp === 'number' && exp - start > settings.maxTokenLifetimeSeconds) {
    throw unauthenticated(
      `Durée de vie du jeton trop longue : ${settings.maxTokenLifetimeSeconds} s au plus entre son émission et son expiration.`,
      { raison: 'LIFETIME', limit: settings.maxTokenLifetimeSeconds },
    );
  }
}

export function createTokenVerifier(settings: AuthSettings): TokenVerifier {
  let key: Promise<VerificationKey> | undefined;
  const keyOnce = () => (key ??= verificationKey(settings.jwt));

  const verify = async (token: string): Promise<Viewer> => {
    if (token.length > MAX_TOKEN_LENGTH)
      throw unauthenticated(`Jeton trop long (${MAX_TOKEN_LENGTH} caractères au plus).`, { raison: 'MALFORMED' });
    const { key: k, algorithm } = await keyOnce();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, k as never, {
        algorithms: [algorithm],
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: settings.clockToleranceSeconds,
      }));
    } catch (error) {
      throw explain(error, algorithm);
    }
    checkLifetime(payload, settings, Math.floor(Date.now() / 1000));
    return Viewer.of(readClaims(payload));
  };

  return {
    verify,
    async viewerOf(authorization) {
      if (authorization === undefined || authorization === null || authorization.trim() === '') return Viewer.anonymous;
      return verify(bearerToken(authorization));
    },
  };
}
