import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ErrorCode } from '../src/error-codes';

/** The codes of the README's "Errors" table, in its order. */
function readmeCodes(): string[] {
  const readme = readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Errors'));
  if (!section) throw new Error('README.md has no "Errors" section');
  return [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]!);
}

describe('ErrorCode', () => {
  it('is the list of the README error table: every code the hub returns is documented, and only those', () => {
    expect([...readmeCodes()].sort()).toEqual(Object.values(ErrorCode).sort());
  });
});
