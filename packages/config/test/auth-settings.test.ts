import { DEVELOPMENT_GATEWAY_SECRET, DEVELOPMENT_JWT_SECRET, readGatewaySettings, readSubgraphSettings, SettingError } from '../src/index';

const SECRET = 'un-secret-de-production-tres-long-et-aleatoire-0123456789';
const PEM = '-----BEGIN PUBLIC KEY-----\\nMIIBIjANBg\\n-----END PUBLIC KEY-----';

describe('authentication settings', () => {
  it('uses the development secrets by default in development mode', () => {
    const s = readSubgraphSettings('clubs', {});
    expect(s.auth.jwt).toEqual({ kind: 'secret', secret: DEVELOPMENT_JWT_SECRET });
    expect(s.auth.gatewaySecret).toBe(DEVELOPMENT_GATEWAY_SECRET);
    expect(s.auth.issuer).toBeUndefined();
  });

  it('refuses to start in production mode without a key, or with the development one', () => {
    expect(() => readGatewaySettings({ FEDERESS_MODE: 'production', FEDERESS_GATEWAY_SECRET: SECRET })).toThrow(/FEDERESS_JWT_SECRET/);
    expect(() =>
      readGatewaySettings({ FEDERESS_MODE: 'production', FEDERESS_GATEWAY_SECRET: SECRET, FEDERESS_JWT_SECRET: DEVELOPMENT_JWT_SECRET }),
    ).toThrow(SettingError);
    expect(() => readGatewaySettings({ FEDERESS_MODE: 'production', FEDERESS_JWT_SECRET: SECRET })).toThrow(/FEDERESS_GATEWAY_SECRET/);
    expect(() =>
      readGatewaySettings({
        FEDERESS_MODE: 'production',
        FEDERESS_JWT_SECRET: SECRET,
        FEDERESS_GATEWAY_SECRET: DEVELOPMENT_GATEWAY_SECRET,
      }),
    ).toThrow(/FEDERESS_GATEWAY_SECRET/);
    const ok = readGatewaySettings({ FEDERESS_MODE: 'production', FEDERESS_JWT_SECRET: SECRET, FEDERESS_GATEWAY_SECRET: SECRET });
    expect(ok.auth.jwt).toEqual({ kind: 'secret', secret: SECRET });
  });

  it('reads an RS256 public key or a JWKS URL, one key only', () => {
    expect(readSubgraphSettings('clubs', { FEDERESS_JWT_PUBLIC_KEY: PEM }).auth.jwt).toEqual({
      kind: 'publicKey',
      publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMIIBIjANBg\n-----END PUBLIC KEY-----',
    });
    expect(readSubgraphSettings('clubs', { FEDERESS_JWKS_URL: 'https://sso.example.org/jwks.json' }).auth.jwt.kind).toBe('jwks');
    expect(() => readSubgraphSettings('clubs', { FEDERESS_JWT_PUBLIC_KEY: 'pas une clé' })).toThrow(/PEM/);
    expect(() =>
      readSubgraphSettings('clubs', { FEDERESS_JWT_SECRET: SECRET, FEDERESS_JWKS_URL: 'https://sso.example.org/jwks.json' }),
    ).toThrow(/only one/);
    expect(() =>
      readSubgraphSettings('clubs', {
        FEDERESS_MODE: 'production',
        FEDERESS_GATEWAY_SECRET: SECRET,
        FEDERESS_JWKS_URL: 'http://sso.example.org/jwks',
      }),
    ).toThrow(/https/);
  });

  it('bounds token lifetimes to 24 h and clock differences to 5 s by default, each from its setting', () => {
    expect(readSubgraphSettings('clubs', {}).auth).toMatchObject({ maxTokenLifetimeSeconds: 86_400, clockToleranceSeconds: 5 });
    expect(
      readGatewaySettings({ FEDERESS_JWT_MAX_LIFETIME_SECONDS: '3600', FEDERESS_JWT_CLOCK_TOLERANCE_SECONDS: '30' }).auth,
    ).toMatchObject({ maxTokenLifetimeSeconds: 3600, clockToleranceSeconds: 30 });
    expect(() => readSubgraphSettings('clubs', { FEDERESS_JWT_MAX_LIFETIME_SECONDS: '0' })).toThrow(/FEDERESS_JWT_MAX_LIFETIME_SECONDS/);
  });

  it('refuses short secrets', () => {
    expect(() => readSubgraphSettings('clubs', { FEDERESS_JWT_SECRET: 'court' })).toThrow(/at least 32/);
  });
});
