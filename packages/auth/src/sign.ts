import { SignJWT } from 'jose';
import { badInput } from '@federess/server-kit';
import { Role } from './roles';

export interface TokenRequest {
  readonly role: Role;
  readonly regions?: readonly string[];
  readonly collectivite?: string;
  /** Default: `local-<role>`. */
  readonly sub?: string;
  /** Lifetime in seconds (default one hour). */
  readonly ttlSeconds?: number;
  readonly issuer?: string;
  readonly audience?: string;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * `90s`, `15m`, `1h`, `7d` (or bare seconds) → seconds, at most `maxSeconds`: the longest lifetime the
 * hub accepts (FEDERESS_JWT_MAX_LIFETIME_SECONDS), so that no token is printed that the hub refuses.
 */
export function parseTtl(value: string, maxSeconds: number): number {
  const match = /^(\d{1,7})([smhd]?)$/.exec(value.trim());
  const seconds = match ? Number(match[1]) * (UNITS[match[2] || 's'] ?? NaN) : NaN;
  if (!match || seconds < 1) throw badInput(`Durée invalide : ${value} (attendu par exemple 90s, 15m, 1h ou 7d).`);
  if (seconds > maxSeconds) {
    throw badInput(
      `Durée trop longue : ${value}, le hub refuse les jetons de plus de ${maxSeconds} s (FEDERESS_JWT_MAX_LIFETIME_SECONDS).`,
    );
  }
  return seconds;
}

/** Signs a FédérESS token with an HS256 secret: `pnpm token` and the tests use it, never production. */
export async function signToken(secret: string, request: TokenRequest): Promise<string> {
  const claims: Record<string, unknown> = { role: request.role };
  if (request.role === Role.EDITEUR) claims.regions = [...(request.regions ?? [])];
  if (request.role === Role.ADHERENT) claims.collectivite = request.collectivite;
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub ?? `local-${request.role.toLowerCase()}`)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (request.ttlSeconds ?? 3600));
  if (request.issuer) jwt = jwt.setIssuer(request.issuer);
  if (request.audience) jwt = jwt.setAudience(request.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
