import { inspect } from 'node:util';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import { openDataSource } from '../src/index';

describe('the SQL log', () => {
  it('says which statement failed, never with its parameters (names and e-mails of the people registered)', async () => {
    const dataSource = await openDataSource({ url: testDatabaseUrl('federess_journal'), entities: [], migrations: [] });
    const lines: string[] = [];
    const spies = (['error', 'warn', 'log', 'info'] as const).map((level) =>
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
      }),
    );
    try {
      await expect(
        dataSource.query('SELECT $1::text AS nom, $2::text AS email', ['Jeanne\u0000', 'jeanne.fuite@example.org']),
      ).rejects.toThrow();
    } finally {
      for (const spy of spies) spy.mockRestore();
      await dataSource.destroy();
    }
    const logs = lines.join('\n');
    expect(logs).toMatch(/SELECT \$1::text AS nom/);
    expect(logs).toMatch(/SQLSTATE 22021/);
    expect(logs).not.toMatch(/jeanne|Jeanne/i);
  });
});
