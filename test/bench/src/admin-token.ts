import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** A token for the mutations when the auth package is there (`pnpm token --role admin`), otherwise none (anonymous writes). */
export function adminToken(log: (line: string) => void): string | undefined {
  const cli = path.join(REPO_ROOT, 'packages', 'auth', 'dist', 'cli', 'token.js');
  if (!fs.existsSync(cli)) return undefined;
  try {
    const out = execFileSync(process.execPath, [cli, '--role', 'admin', '--ttl', '2h'], {
      encoding: 'utf8',
      timeout: 30_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const token = out.trim().split('\n').pop();
    return token && token.split('.').length === 3 ? token : undefined;
  } catch (error) {
    log(`  (no token: ${(error as Error).message.split('\n')[0]}; mutations go anonymous)`);
    return undefined;
  }
}
