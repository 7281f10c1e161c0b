import { expect } from '@jest/globals';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { childEnvironment, DEVELOPMENT_JWT_SECRET, readCommonSettings } from '@federess/config';
import { createTokenVerifier } from '../src';
import { parseArguments, UsageError } from '../src/cli/arguments';

const run = promisify(execFile);
const CLI = path.join(__dirname, '..', 'dist', 'cli', 'token.js');

describe('pnpm token', () => {
  it('reads the command line', () => {
    expect(parseArguments(['--role', 'editeur', '--region', 'ara,BRE', '--ttl=15m'], 86_400)).toMatchObject({
      role: 'EDITEUR',
      regions: ['ARA', 'BRE'],
      ttlSeconds: 900,
    });
    expect(parseArguments(['--role=adherent', '--collectivite', 'COMMUNE:63113'], 86_400)).toMatchObject({
      role: 'ADHERENT',
      collectivite: 'COMMUNE:63113',
    });
    for (const bad of [
      [],
      ['--role', 'roi'],
      ['--role', 'editeur'],
      ['--role', 'editeur', '--region', 'XYZ'],
      ['--role', 'admin', '--region', 'ARA'],
      ['--role', 'adherent'],
      ['--role', 'admin', '--ttl', '10 ans'],
      ['--role', 'admin', '--ttl', '2d'],
      ['--role'],
      ['--couleur', 'bleu'],
    ]) {
      expect(() => parseArguments(bad, 86_400)).toThrow(UsageError);
    }
  });

  it('prints a token the hub accepts, and clear usage errors', async () => {
    const env = childEnvironment({ FEDERESS_MODE: 'development', FEDERESS_JWT_SECRET: '' });
    const { stdout } = await run(process.execPath, [CLI, '--role', 'editeur', '--region', 'ARA'], { env });
    const viewer = await createTokenVerifier(readCommonSettings({}).auth).verify(stdout.trim());
    expect(viewer.isEditorOf('ARA')).toBe(true);
    expect(readCommonSettings({}).auth.jwt).toEqual({ kind: 'secret', secret: DEVELOPMENT_JWT_SECRET });
    await expect(run(process.execPath, [CLI, '--role', 'adherent'], { env })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--collectivite/),
    });
  });
});
