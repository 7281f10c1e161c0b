import { Role, signToken, type TokenRequest } from '@federess/auth';
import { DEVELOPMENT_JWT_SECRET } from '@federess/config';

/** Who a test request is sent as: a token request, or null for an anonymous caller. */
export type Qui = TokenRequest | null;

export const ADMIN: TokenRequest = { role: Role.ADMIN, sub: 'test-admin' };
export const editeur = (...regions: string[]): TokenRequest => ({ role: Role.EDITEUR, regions, sub: `test-editeur-${regions.join('-')}` });
export const adherent = (collectivite: string): TokenRequest => ({
  role: Role.ADHERENT,
  collectivite,
  sub: `test-adherent-${collectivite}`,
});

const signed = new Map<string, Promise<string>>();

/** A token of the local development secret (what `pnpm token` prints), signed once per test file. */
export function jeton(qui: TokenRequest): Promise<string> {
  const key = JSON.stringify(qui);
  let token = signed.get(key);
  if (!token) {
    token = signToken(DEVELOPMENT_JWT_SECRET, qui);
    signed.set(key, token);
  }
  return token;
}

/** The Authorization header of `qui` (none when anonymous). */
export async function entetes(qui: Qui): Promise<Record<string, string>> {
  return qui ? { authorization: `Bearer ${await jeton(qui)}` } : {};
}
