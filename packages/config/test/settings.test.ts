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

  it('caches by default, 64 MiB, listening to each subgraph database set as for the subgraphs', () => {
    const s = readGatewaySettings({ DATABASE_URL: 'postgres://u:p@db:5432/postgres', CLUBS_DATABASE_URL: 'postgres://c/clubs' });
    expect(s.cache).toEqual({
      enabled: true,
      maxBytes: 64 * 1024 * 1024,
      eventDatabaseUrls: {
        clubs: 'postgres://c/clubs',
        rencontres: 'postgres://u:p@db:5432/federess_rencontres',
        publications: 'postgres://u:p@db:5432/federess_publications',
        collectivites: 'postgres://u:p@db:5432/federess_collectivites',
      },
    });
    expect(readGatewaySettings({ FEDERESS_CACHE: 'off', FEDERESS_CACHE_MAX_MB: '8' }).cache).toEqual({
      enabled: false,
      maxBytes: 8 * 1024 * 1024,
      eventDatabaseUrls: {},
    });
  });

  it('tells a subgraph where the others answer, as the gateway is told', () => {
    const s = readSubgraphSettings('publications', { RENCONTRES_URL: 'http://rencontres:9002/graphql', COLLECTIVITES_PORT: '5004' });
    expect(s.subgraphUrls).toEqual({
      clubs: 'http://localhost:4001/graphql',
      rencontres: 'http://rencontres:9002/graphql',
      publications: 'http://localhost:4003/graphql',
      collectivites: 'http://localhost:5004/graphql',
    });
    expect(s.subgraphTimeoutMs).toBe(10_000);
    expect(readSubgraphSettings('clubs', { FEDERESS_SUBGRAPH_TIMEOUT_MS: '250' }).subgraphTimeoutMs).toBe(250);
  });

  it('links the feeds to the gateway port, or to FEDERESS_PUBLIC_URL, and refuses an address that is not http(s)', () => {
    expect(readGatewaySettings({ GATEWAY_PORT: '4300' }).publicUrl).toBe('http://localhost:4300');
    expect(readGatewaySettings({ FEDERESS_PUBLIC_URL: 'https://agenda.example.org/hub/' }).publicUrl).toBe(
      'https://agenda.example.org/hub',
    );
    expect(() => readGatewaySettings({ FEDERESS_PUBLIC_URL: 'agenda.example.org' })).toThrow(SettingError);
    expect(() => readGatewaySettings({ FEDERESS_PUBLIC_URL: 'ftp://agenda.example.org' })).toThrow(SettingError);
  });

  it('starts an embedded Postgres when no DATABASE_URL is given', () => {
    const s = readLauncherSettings({});
    expect(s.databaseUrl).toBeUndefined();
    expect(s.dataDir).toMatch(/federess/);
    expect(s.ports.gateway).toBe(4000);
  });
});
