import { createRemoteJWKSet, importSPKI, type JWTVerifyGetKey, type KeyLike } from 'jose';
import type { JwtKeySettings } from '@federess/config';

/** What jose verifies with, and the one algorithm that key accepts. */
export interface VerificationKey {
  readonly key: KeyLike | Uint8Array | JWTVerifyGetKey;
  /** Exactly one: a token signed with any other algorithm (`none` included) is refused. */
  readonly algorithm: 'HS256' | 'RS256';
}

/**
 * The key of the configured method. The algorithm is fixed by the method, never read from the
 * token: an RS256 public key can then never be used as an HS256 secret (algorithm confusion).
 */
export async function verificationKey(settings: JwtKeySettings): Promise<VerificationKey> {
  switch (settings.kind) {
    case 'secret':
      return { key: new TextEncoder().encode(settings.secret), algorithm: 'HS256' };
    case 'publicKey':
      return { key: await importSPKI(settings.publicKeyPem, 'RS256'), algorithm: 'RS256' };
    case 'jwks':
      // jose caches the key set and refetches it (rate-limited) when a token names an unknown key id.
      return {
        key: createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 }),
        algorithm: 'RS256',
      };
  }
}
