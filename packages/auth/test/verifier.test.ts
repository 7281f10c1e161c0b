import { expect } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { type AuthSettings, DEVELOPMENT_GATEWAY_SECRET, DEVELOPMENT_JWT_SECRET } from '@federess/config';
import { checkGatewayClaim, createTokenVerifier, Role, signToken, Viewer } from '../src';

const settings = (jwt: AuthSettings['jwt'], extra: Partial<AuthSettings> = {}): AuthSettings => ({
  jwt,
  issuer: undefined,
  audience: undefined,
  gatewaySecret: DEVELOPMENT_GATEWAY_SECRET,
  maxTokenLifetimeSeconds: 86_400,
  clockToleranceSeconds: 5,
  ...extra,
});
const dev = createTokenVerifier(settings({ kind: 'secret', secret: DEVELOPMENT_JWT_SECRET }));

async function refusal(promise: Promise<unknown>): Promise<{ code: unknown; message: string; raison: unknown }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { message: string; extensions?: { code?: unknown; raison?: unknown } };
    return { code: e.extensions?.code, message: e.message, raison: e.extensions?.raison };
  }
  throw new Error('not refused');
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('token verification', () => {
  it('reads the claims of each role', async () => {
    const editor = await dev.viewerOf(`Bearer ${await signToken(DEVELOPMENT_JWT_SECRET, { role: Role.EDITEUR, regions: ['ARA'] })}`);
    expect(editor.role).toBe(Role.EDITEUR);
    expect(editor.canWriteRegion('ARA')).toBe(true);
    expect(editor.canWriteRegion('BRE')).toBe(false);
    expect(editor.canWriteRegion(null)).toBe(false);
    const adherent = await dev.viewerOf(
      `bearer ${await signToken(DEVELOPMENT_JWT_SECRET, { role: Role.ADHERENT, collectivite: 'COMMUNE:63113' })}`,
    );
    expect(adherent.collectivite).toBe('COMMUNE:63113');
    expect(adherent.canReadMembersOnly('BRE')).toBe(true);
    expect(adherent.canWriteRegion('ARA')).toBe(false);
    const admin = await dev.viewerOf(`Bearer ${await signToken(DEVELOPMENT_JWT_SECRET, { role: Role.ADMIN })}`);
    expect(admin.canWriteRegion(null)).toBe(true);
    expect(await dev.viewerOf(undefined)).toBe(Viewer.anonymous);
  });

  it('gives viewers with the same rights the same scope', async () => {
    const a = await dev.verify(await signToken(DEVELOPMENT_JWT_SECRET, { role: Role.EDITEUR, regions: ['BRE', 'ARA'], sub: 'a' }));
    const b = await dev.verify(await signToken(DEVELOPMENT_JWT_SECRET, { role: Role.EDITEUR, regions: ['ARA', 'BRE'], sub: 'b' }));
    expect(a.scope).toBe(b.scope);
    expect(a.scope).not.toBe(Viewer.anonymous.scope);
  });

  it('refuses expired, tampered, unsigned and foreign tokens with UNAUTHENTICATED', async () => {
    const expired = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET));
    expect(await refusal(dev.verify(expired))).toMatchObject({
      code: 'UNAUTHENTICATED',
      raison: 'EXPIRED',
      message: expect.stringMatching(/expiré/),
    });

    const good = await signToken(DEVELOPMENT_JWT_SECRET, { role: Role.EDITEUR, regions: ['ARA'] });
    const [header, , signature] = good.split('.');
    const tampered = `${header}.${b64({ role: 'ADMIN', sub: 'x', exp: Math.floor(Date.now() / 1000) + 600 })}.${signature}`;
    expect(await refusal(dev.verify(tampered))).toMatchObject({ code: 'UNAUTHENTICATED', raison: 'SIGNATURE' });

    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ role: 'ADMIN', sub: 'x', exp: Math.floor(Date.now() / 1000) + 600 })}.`;
    expect(await refusal(dev.verify(none))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/Algorithme|mal formé/),
    });

    const otherSecret = await signToken('un-autre-secret-de-plus-de-trente-deux-caracteres', { role: Role.ADMIN });
    expect(await refusal(dev.verify(otherSecret))).toMatchObject({ code: 'UNAUTHENTICATED', raison: 'SIGNATURE' });

    const hs512 = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET));
    expect(await refusal(dev.verify(hs512))).toMatchObject({ code: 'UNAUTHENTICATED', raison: 'ALGORITHM' });

    expect(await refusal(dev.viewerOf('Basic dXNlcjpwYXNz'))).toMatchObject({ code: 'UNAUTHENTICATED', raison: 'MALFORMED' });
    expect(await refusal(dev.viewerOf('Bearer pas.un.jeton'))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses tokens whose FédérESS claims are wrong', async () => {
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET));
    expect(await refusal(dev.verify(await sign({ role: 'ROI' })))).toMatchObject({ code: 'UNAUTHENTICATED', raison: 'CLAIMS' });
    expect(await refusal(dev.verify(await sign({ role: 'EDITEUR' })))).toMatchObject({
      message: expect.stringMatching(/au moins une région/),
    });
    expect(await refusal(dev.verify(await sign({ role: 'EDITEUR', regions: ['XYZ'] })))).toMatchObject({
      message: expect.stringMatching(/XYZ/),
    });
    expect(await refusal(dev.verify(await sign({ role: 'ADHERENT' })))).toMatchObject({ message: expect.stringMatching(/collectivité/) });
    const noExp = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET));
    expect(await refusal(dev.verify(noExp))).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/exp/) });
  });

  it('checks the issuer and audience when configured', async () => {
    const strict = createTokenVerifier(
      settings({ kind: 'secret', secret: DEVELOPMENT_JWT_SECRET }, { issuer: 'https://sso.rtes.fr', audience: 'federess' }),
    );
    const without = await signToken(DEVELOPMENT_JWT_SECRET, { role: Role.ADMIN });
    expect(await refusal(strict.verify(without))).toMatchObject({ code: 'UNAUTHENTICATED', raison: 'CLAIMS' });
    const withBoth = await signToken(DEVELOPMENT_JWT_SECRET, { role: Role.ADMIN, issuer: 'https://sso.rtes.fr', audience: 'federess' });
    expect((await strict.verify(withBoth)).isAdmin).toBe(true);
  });

  describe('RS256', () => {
    let keys: Awaited<ReturnType<typeof generateKeyPair>>;
    let jwks: Server;
    let jwksUrl: string;
    beforeAll(async () => {
      keys = await generateKeyPair('RS256');
      const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
      jwks = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    });
    afterAll(() => jwks.close());

    const rs256 = () =>
      new SignJWT({ role: 'EDITEUR', regions: ['BRE'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('sso|42')
        .setExpirationTime('5m')
        .sign(keys.privateKey);

    it('verifies with a PEM public key and refuses an HS256 token signed with that key', async () => {
      const pem = await exportSPKI(keys.publicKey);
      const verifier = createTokenVerifier(settings({ kind: 'publicKey', publicKeyPem: pem }));
      expect((await verifier.verify(await rs256())).regions).toEqual(['BRE']);
      // Algorithm confusion: the public key used as an HMAC secret.
      const confused = await new SignJWT({ role: 'ADMIN' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(pem));
      expect(await refusal(verifier.verify(confused))).toMatchObject({ code: 'UNAUTHENTICATED', raison: 'ALGORITHM' });
      expect(await refusal(verifier.verify(await signToken(DEVELOPMENT_JWT_SECRET, { role: Role.ADMIN })))).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    });

    it('verifies with a JWKS URL', async () => {
      const verifier = createTokenVerifier(settings({ kind: 'jwks', jwksUrl }));
      expect((await verifier.verify(await rs256())).isEditorOf('BRE')).toBe(true);
      const other = await generateKeyPair('RS256');
      const foreign = await new SignJWT({ role: 'ADMIN' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('x')
        .setExpirationTime('5m')
        .sign(other.privateKey);
      expect(await refusal(verifier.verify(foreign))).toMatchObject({ code: 'UNAUTHENTICATED', raison: 'SIGNATURE' });
    });
  });
});

describe('the gateway claim', () => {
  it('is absent, proven, or refused', () => {
    expect(checkGatewayClaim(undefined, DEVELOPMENT_GATEWAY_SECRET)).toBe(false);
    expect(checkGatewayClaim(DEVELOPMENT_GATEWAY_SECRET, DEVELOPMENT_GATEWAY_SECRET)).toBe(true);
    expect(() => checkGatewayClaim('faux', DEVELOPMENT_GATEWAY_SECRET)).toThrow(/passerelle/);
  });
});
