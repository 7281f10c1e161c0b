import { Client } from 'pg';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import { stableUuid } from '@federess/vocabulaire';
import { openDataSource, seedOnce } from '../src/index';

describe('database', () => {
  it('creates a missing database and runs seeds once per version', async () => {
    const dataSource = await openDataSource({ url: testDatabaseUrl('federess_demo'), entities: [], migrations: [] });
    const calls: string[] = [];
    const step = async (version: string) =>
      seedOnce(dataSource, 'demo', version, async (manager) => {
        calls.push(version);
        await manager.query('CREATE TABLE IF NOT EXISTS demo (id int PRIMARY KEY)');
      });
    expect(await step('1')).toBe(true);
    expect(await step('1')).toBe(false);
    expect(await step('2')).toBe(true);
    expect(calls).toEqual(['1', '2']);
    await dataSource.destroy();

    const client = new Client({ connectionString: testDatabaseUrl('postgres') });
    await client.connect();
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = 'federess_demo'");
    await client.end();
    expect(found.rowCount).toBe(1);
  });

  it('derives the same UUID from the same name, and different ones from different names', () => {
    expect(stableUuid('club:ARA')).toBe(stableUuid('club:ARA'));
    expect(stableUuid('club:ARA')).not.toBe(stableUuid('club:BRE'));
    expect(stableUuid('club:ARA')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
