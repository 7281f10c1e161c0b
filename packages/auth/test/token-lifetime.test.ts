import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import { DEVELOPMENT_JWT_SECRET, readCommonSettings } from '@federess/config';
import { createTokenVerifier } from '../src';

const run = promisify(execFile);
const CLI = path.join(__dirname, '..', 'dist', 'cli', 'token.js');
const now = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;

/** A well-signed admin token with the given dates (seconds since the epoch; undefined leaves the claim out). */
function token(dates: { iat?: number; exp: number }): Promise<string> {
  let jwt = new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: 'HS256' }).setSubject('test').setExpirationTime(dates.exp);
  if (dates.iat !== undefined) jwt = jwt.setIssuedAt(dates.iat);
  return jwt.sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET));
}

async function outcome(verify: Promise<unknown>): Promise<string> {
  try {
    await verify;
    return 'accepted';
  } catch (error) {
    const e = error as { extensions?: { code?: string; raison?: string } };
    return `${e.extensions?.code}/${e.extensions?.raison}`;
  }
}

describe('token lifetimes', () => {
  const verifier = createTokenVerifier(readCommonSettings({}).auth);

  it.each([
    ['exp: 1e300', { iat: now(), exp: 1e300 }, 'UNAUTHENTICATED/LIFETIME'],
    ['25 h from iat to exp', { iat: now(), exp: now() + 25 * HOUR }, 'UNAUTHENTICATED/LIFETIME'],
    ['no iat and exp 30 h away', { exp: now() + 30 * HOUR }, 'UNAUTHENTICATED/LIFETIME'],
    ['an iat a year ahead', { iat: now() + 365 * 24 * HOUR, exp: now() + 365 * 24 * HOUR + HOUR }, 'UNAUTHENTICATED/ISSUED_IN_FUTURE'],
    ['an iat a minute ahead', { iat: now() + 60, exp: now() + HOUR }, 'UNAUTHENTICATED/ISSUED_IN_FUTURE'],
    ['23 h from iat to exp', { iat: now(), exp: now() + 23 * HOUR }, 'accepted'],
    ['an iat 3 s ahead (clock skew)', { iat: now() + 3, exp: now() + HOUR }, 'accepted'],
    ['no iat and exp an hour away', { exp: now() + HOUR }, 'accepted'],
    ['issued 2 days ago, expiring in an hour', { iat: now() - 47 * HOUR, exp: now() + HOUR }, 'UNAUTHENTICATED/LIFETIME'],
  ])('%s: %#', async (_what, dates, expected) => {
    expect(await outcome(verifier.verify(await token(dates)))).toBe(expected);
  });

  it('reads the longest lifetime and the clock tolerance from their settings', async () => {
    const strict = createTokenVerifier(
      readCommonSettings({ FEDERESS_JWT_MAX_LIFETIME_SECONDS: '3600', FEDERESS_JWT_CLOCK_TOLERANCE_SECONDS: '0' }).auth,
    );
    expect(await outcome(strict.verify(await token({ iat: now(), exp: now() + 2 * HOUR })))).toBe('UNAUTHENTICATED/LIFETIME');
    expect(await outcome(strict.verify(await token({ iat: now() + 3, exp: now() + HOUR })))).toBe('UNAUTHENTICATED/ISSUED_IN_FUTURE');
    expect(await outcome(strict.verify(await token({ iat: now(), exp: now() + HOUR })))).toBe('accepted');
  });

  it('has `pnpm token --ttl` refuse a lifetime the hub would refuse', async () => {
    // The CLI's own environment only: a development hub with its development secret.
    const env = { FEDERESS_MODE: 'development' };
    const refused = await run(process.execPath, [CLI, '--role', 'admin', '--ttl', '2d'], { env }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(refused?.code).toBe(2);
    expect(refused?.stderr).toMatch(/FEDERESS_JWT_MAX_LIFETIME_SECONDS/);
    const longer = { ...env, FEDERESS_JWT_MAX_LIFETIME_SECONDS: String(3 * 24 * HOUR) };
    const { stdout } = await run(process.execPath, [CLI, '--role', 'admin', '--ttl', '2d'], { env: longer });
    const viewer = await createTokenVerifier(readCommonSettings({ FEDERESS_JWT_MAX_LIFETIME_SECONDS: String(3 * 24 * HOUR) }).auth).verify(
      stdout.trim(),
    );
    expect(viewer.isAdmin).toBe(true);
  });
});
