import { readGatewaySettings, readLauncherSettings, readSubgraphSettings, SettingError } from '../src/index';

describe('settings', () => {
  it('derives one database per subgraph from DATABASE_URL', () => {
    const s = readSubgraphSettings('rencontres', { DATABASE_URL: 'postgres://u:p@db:5432/postgres' });
    expect(s.databaseUrl).toBe('postgres://u:p@db:5432/federess_rencontres');
    expect(s.port).toBe(4002);
    expect(s.seed).toBe(true);
  });

  it('prefers the exact <NAME>_DATABASE_URL', () => {
    const s = readSubgraphSettings('clubs', {
      DATABASE_URL: 'postgres://u:p@db:5432/postgres',
      CLUBS_DATABASE_URL: 'postgres://u:p@other:5432/clubs',
    });
    expect(s.databaseUrl).toBe('postgres://u:p@other:5432/clubs');
  });

  it('seeds the invented sample agenda in development only, unless told otherwise', () => {
    expect(readSubgraphSettings('rencontres', {}).sampleAgenda).toBe(true);
    expect(readSubgraphSettings('rencontres', { FEDERESS_SAMPLE_AGENDA: 'false' }).sampleAgenda).toBe(false);
    expect(
      readSubgraphSettings('rencontres', {
        FEDERESS_MODE: 'production',
        FEDERESS_JWT_SECRET: 'x'.repeat(40),
        FEDERESS_GATEWAY_SECRET: 'y'.repeat(40),
      }).sampleAgenda,
    ).toBe(false);
  });

  it('normalises the region scope to upper case', () => {
    expect(readSubgraphSettings('clubs', { FEDERESS_REGION: 'ara' }).region).toBe('ARA');
  });

  it('refuses unusable values with the name of the setting', () => {
    expect(() => readSubgraphSettings('clubs', { CLUBS_PORT: 'abc' })).toThrow(SettingError);
    expect(() => readSubgraphSettings('clubs', { FEDERESS_MODE: 'prod' })).toThrow(/FEDERESS_MODE/);
    expect(() => readSubgraphSettings('clubs', { FEDERESS_SEED: 'maybe' })).toThrow(/true or false/);
  });

  it('points the gateway at the default subgraph ports unless told otherwise', () => {
    const s = readGatewaySettings({ PUBLICATIONS_URL: 'http://pub:9000/graphql' });
    expect(s.subgraphUrls.clubs).toBe('http://localhost:4001/graphql');
    expect(s.subgraphUrls.publications).toBe('http://pub:9000/graphql');
  });

  it('starts an embedded Postgres when no DATABASE_URL is given', () => {
    const s = readLauncherSettings({});
    expect(s.databaseUrl).toBeUndefined();
    expect(s.dataDir).toMatch(/federess/);
    expect(s.ports.gateway).toBe(4000);
  });
});
