import { type Environment, readInteger, readOptionalString, SettingError } from './read';

/**
 * The local development secret: tokens printed by `pnpm token` are signed with it. It is public
 * (it is in the README), so a hub in production mode refuses it.
 */
export const DEVELOPMENT_JWT_SECRET = 'federess-secret-de-developpement-local-a-ne-jamais-utiliser-en-production';

/** The gateway's shared secret in development; public as well, refused in production mode. */
export const DEVELOPMENT_GATEWAY_SECRET = 'federess-passerelle-developpement-local';

/** A HS256 secret shorter than this is guessable by brute force (RFC 7518 §3.2: at least the hash size). */
export const MIN_SECRET_LENGTH = 32;

/** How tokens are verified: exactly one of the three keys. */
export type JwtKeySettings =
  | { readonly kind: 'secret'; readonly secret: string }
  | { readonly kind: 'publicKey'; readonly publicKeyPem: string }
  | { readonly kind: 'jwks'; readonly jwksUrl: string };

export interface AuthSettings {
  /**
   * `FEDERESS_JWT_SECRET` (HS256), `FEDERESS_JWT_PUBLIC_KEY` (RS256, a PEM public key; `\n` may be
   * written as the two characters backslash-n) or `FEDERESS_JWKS_URL` (RS256, keys fetched from a
   * JWKS): exactly one. Default in development mode: the HS256 development secret. In production
   * mode one must be set, and the development secret is refused.
   */
  readonly jwt: JwtKeySettings;
  /** `FEDERESS_JWT_ISSUER` (default: none, not checked): when set, tokens must carry this `iss`. */
  readonly issuer: string | undefined;
  /** `FEDERESS_JWT_AUDIENCE` (default: none, not checked): when set, tokens must carry this `aud`. */
  readonly audience: string | undefined;
  /**
   * `FEDERESS_GATEWAY_SECRET` (default in development mode: the development gateway secret;
   * required in production mode): the gateway sends it to the subgraphs, which refuse a request
   * that claims to come from the gateway without it.
   */
  readonly gatewaySecret: string;
  /**
   * `FEDERESS_JWT_MAX_LIFETIME_SECONDS` (default 86400, 24 h): the longest a token may live, from its
   * `iat` (or from now, without one) to its `exp`. A token meant to live longer is refused: a stolen
   * one would stay good for as long. `pnpm token --ttl` refuses longer lifetimes too.
   */
  readonly maxTokenLifetimeSeconds: number;
  /**
   * `FEDERESS_JWT_CLOCK_TOLERANCE_SECONDS` (default 5): how far the issuer's clock may differ from the
   * hub's, for `exp` and `nbf` and for an `iat` in the future.
   */
  readonly clockToleranceSeconds: number;
}

function readPem(env: Environment): string | undefined {
  const raw = readOptionalString(env, 'FEDERESS_JWT_PUBLIC_KEY');
  if (raw === undefined) return undefined;
  const pem = raw.replace(/\\n/g, '\n');
  if (!/-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----/.test(pem)) {
    throw new SettingError('FEDERESS_JWT_PUBLIC_KEY', raw.slice(0, 40), 'a PEM public key (-----BEGIN PUBLIC KEY----- …)');
  }
  return pem;
}

function readJwksUrl(env: Environment, production: boolean): string | undefined {
  const raw = readOptionalString(env, 'FEDERESS_JWKS_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SettingError('FEDERESS_JWKS_URL', raw, 'an http(s) URL');
  }
  // Keys fetched in clear text could be swapped on the way: production wants https.
  const allowed = production ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(url.protocol))
    throw new SettingError('FEDERESS_JWKS_URL', raw, production ? 'an https URL in production mode' : 'an http(s) URL');
  return url.toString();
}

function readJwtKey(env: Environment, production: boolean): JwtKeySettings {
  const secret = readOptionalString(env, 'FEDERESS_JWT_SECRET');
  const publicKeyPem = readPem(env);
  const jwksUrl = readJwksUrl(env, production);
  const given = [secret, publicKeyPem, jwksUrl].filter((v) => v !== undefined).length;
  if (given > 1) {
    throw new SettingError('FEDERESS_JWT_SECRET', '…', 'only one of FEDERESS_JWT_SECRET, FEDERESS_JWT_PUBLIC_KEY and FEDERESS_JWKS_URL');
  }
  if (jwksUrl) return { kind: 'jwks', jwksUrl };
  if (publicKeyPem) return { kind: 'publicKey', publicKeyPem };
  if (secret !== undefined) {
    if (production && secret === DEVELOPMENT_JWT_SECRET) {
      throw new SettingError(
        'FEDERESS_JWT_SECRET',
        '<the development secret>',
        'a secret of your own in production mode (the development one is public)',
      );
    }
    if (secret.length < MIN_SECRET_LENGTH)
      throw new SettingError('FEDERESS_JWT_SECRET', '<hidden>', `at least ${MIN_SECRET_LENGTH} characters`);
    return { kind: 'secret', secret };
  }
  if (production) {
    throw new SettingError(
      'FEDERESS_JWT_SECRET',
      '',
      'in production mode, one of FEDERESS_JWT_SECRET, FEDERESS_JWT_PUBLIC_KEY or FEDERESS_JWKS_URL',
    );
  }
  return { kind: 'secret', secret: DEVELOPMENT_JWT_SECRET };
}

function readGatewaySecret(env: Environment, production: boolean): string {
  const secret = readOptionalString(env, 'FEDERESS_GATEWAY_SECRET');
  if (secret === undefined) {
    if (production)
      throw new SettingError('FEDERESS_GATEWAY_SECRET', '', 'a secret shared by the gateway and the subgraphs in production mode');
    return DEVELOPMENT_GATEWAY_SECRET;
  }
  if (production && secret === DEVELOPMENT_GATEWAY_SECRET) {
    throw new SettingError('FEDERESS_GATEWAY_SECRET', '<the development secret>', 'a secret of your own in production mode');
  }
  if (secret.length < MIN_SECRET_LENGTH)
    throw new SettingError('FEDERESS_GATEWAY_SECRET', '<hidden>', `at least ${MIN_SECRET_LENGTH} characters`);
  return secret;
}

/** Reads the authentication settings; in production mode a missing or development key stops the start. */
export function readAuthSettings(env: Environment, production: boolean): AuthSettings {
  return {
    jwt: readJwtKey(env, production),
    issuer: readOptionalString(env, 'FEDERESS_JWT_ISSUER'),
    audience: readOptionalString(env, 'FEDERESS_JWT_AUDIENCE'),
    gatewaySecret: readGatewaySecret(env, production),
    maxTokenLifetimeSeconds: readInteger(env, 'FEDERESS_JWT_MAX_LIFETIME_SECONDS', 86_400, 1),
    clockToleranceSeconds: readInteger(env, 'FEDERESS_JWT_CLOCK_TOLERANCE_SECONDS', 5, 0),
  };
}
