import { captureLogs } from '@federess/observability';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import { openDataSource } from '../src/index';

describe('the SQL log', () => {
  it('says which statement failed, never with its parameters (names and e-mails of the people registered)', async () => {
    const dataSource = await openDataSource({ url: testDatabaseUrl('federess_journal'), entities: [], migrations: [] });
    let logs: string;
    try {
      ({ text: logs } = await captureLogs(() =>
        expect(
          dataSource.query('SELECT $1::text AS nom, $2::text AS email', ['Jeanne\u0000', 'jeanne.fuite@example.org']),
        ).rejects.toThrow(),
      ));
    } finally {
      await dataSource.destroy();
    }
    expect(logs).toMatch(/SELECT \$1::text AS nom/);
    expect(logs).toMatch(/22021/);
    expect(logs).not.toMatch(/jeanne|Jeanne/i);
  });
});
