import { DEVELOPMENT_JWT_SECRET } from '@federess/config';
import { Role } from '../roles';
import { signToken, type TokenRequest } from '../sign';

/** Who a test request is sent as: a token request, or null for an anonymous caller. */
export type TestCaller = TokenRequest | null;

export const ADMIN: TokenRequest = { role: Role.ADMIN, sub: 'test-admin' };
export const editeur = (...regions: string[]): TokenRequest => ({ role: Role.EDITEUR, regions, sub: `test-editeur-${regions.join('-')}` });
export const adherent = (collectivite: string): TokenRequest => ({
  role: Role.ADHERENT,
  collectivite,
  sub: `test-adherent-${collectivite}`,
});

const signed = new Map<string, Promise<string>>();

/** A token of the local development secret (what `pnpm token` prints), signed once per test file. */
export function token(caller: TokenRequest): Promise<string> {
  const key = JSON.stringify(caller);
  let existing = signed.get(key);
  if (!existing) {
    existing = signToken(DEVELOPMENT_JWT_SECRET, caller);
    signed.set(key, existing);
  }
  return existing;
}

/** The Authorization header of `caller` (none when anonymous). */
export async function authHeaders(caller: TestCaller): Promise<Record<string, string>> {
  return caller ? { authorization: `Bearer ${await token(caller)}` } : {};
}

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Tokens the hub must refuse with UNAUTHENTICATED, each for its own reason. */
export async function refusedTokens(): Promise<Record<'expired' | 'tampered' | 'unsigned' | 'otherSecret' | 'malformed', string>> {
  const valid = await signToken(DEVELOPMENT_JWT_SECRET, editeur('ARA'));
  const [header, , signature] = valid.split('.');
  const admin = { role: 'ADMIN', sub: 'pirate', exp: Math.floor(Date.now() / 1000) + 600 };
  return {
    expired: await signToken(DEVELOPMENT_JWT_SECRET, { ...ADMIN, ttlSeconds: -120 }),
    // An editor's token whose payload was changed into an admin's: the signature no longer matches.
    tampered: `${header}.${base64url(admin)}.${signature}`,
    // `alg: none`, no signature at all.
    unsigned: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(admin)}.`,
    otherSecret: await signToken('un-secret-qui-nest-pas-celui-du-hub-0123456789', ADMIN),
    malformed: 'pas-un-jeton',
  };
}
