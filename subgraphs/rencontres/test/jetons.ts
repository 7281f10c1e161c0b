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

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Tokens the hub must refuse with UNAUTHENTICATED, each for its own reason. */
export async function jetonsRefuses(): Promise<Record<'expire' | 'falsifie' | 'sansAlgorithme' | 'autreSecret' | 'malForme', string>> {
  const valide = await signToken(DEVELOPMENT_JWT_SECRET, editeur('ARA'));
  const [entete, , signature] = valide.split('.');
  const admin = { role: 'ADMIN', sub: 'pirate', exp: Math.floor(Date.now() / 1000) + 600 };
  return {
    expire: await signToken(DEVELOPMENT_JWT_SECRET, { ...ADMIN, ttlSeconds: -120 }),
    // An editor's token whose payload was changed into an admin's: the signature no longer matches.
    falsifie: `${entete}.${b64(admin)}.${signature}`,
    // `alg: none`, no signature at all.
    sansAlgorithme: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(admin)}.`,
    autreSecret: await signToken('un-secret-qui-nest-pas-celui-du-hub-0123456789', ADMIN),
    malForme: 'pas-un-jeton',
  };
}
