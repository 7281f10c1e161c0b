import { readGatewaySettings, readLimitSettings, readSubgraphSettings, SettingError } from '../src/index';

describe('limit settings', () => {
  it('have documented defaults, the same on the gateway and on every subgraph', () => {
    const defaults = readLimitSettings({});
    expect(defaults).toMatchObject({
      maxDepth: 12,
      maxAliases: 30,
      maxRootFields: 20,
      maxTokens: 3000,
      maxCharacters: 100_000,
      maxDirectives: 20,
      maxCost: 100_000,
      defaultListSize: 10,
      maxValidationErrors: 10,
      maxBodyBytes: 1024 * 1024,
    });
    expect(defaults).toMatchObject({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnectionsPerAddress: 1000,
    });
    expect(defaults).toMatchObject({
      ipRatePerSecond: 100,
      ipBurst: 400,
      tokenRatePerSecond: 50,
      tokenBurst: 200,
      rateLimitEntries: 10_000,
    });
    expect(readGatewaySettings({}).limits).toEqual(defaults);
    expect(readSubgraphSettings('clubs', {}).limits).toEqual(defaults);
  });

  it('read each limit from its variable; 0 turns a rate limit off', () => {
    const limits = readLimitSettings({
      FEDERESS_MAX_DEPTH: '5',
      FEDERESS_MAX_COST: '999',
      FEDERESS_MAX_BODY_BYTES: '4096',
      FEDERESS_RATE_LIMIT_IP_PER_SECOND: '0',
    });
    expect(limits).toMatchObject({ maxDepth: 5, maxCost: 999, maxBodyBytes: 4096, ipRatePerSecond: 0 });
  });

  it('refuse unusable values with the name of the setting', () => {
    expect(() => readLimitSettings({ FEDERESS_MAX_DEPTH: '0' })).toThrow(/FEDERESS_MAX_DEPTH/);
    expect(() => readLimitSettings({ FEDERESS_MAX_TOKENS: 'beaucoup' })).toThrow(SettingError);
    expect(() => readLimitSettings({ FEDERESS_MAX_BODY_BYTES: '10' })).toThrow(/FEDERESS_MAX_BODY_BYTES/);
    expect(() => readLimitSettings({ FEDERESS_MAX_VALIDATION_ERRORS: '0' })).toThrow(/FEDERESS_MAX_VALIDATION_ERRORS/);
    // Node refuses a headers timeout longer than the whole request's.
    expect(() => readLimitSettings({ FEDERESS_HTTP_HEADERS_TIMEOUT_MS: '20000', FEDERESS_HTTP_REQUEST_TIMEOUT_MS: '10000' })).toThrow(
      /FEDERESS_HTTP_REQUEST_TIMEOUT_MS/,
    );
  });

  it('read the slow-client bounds; 0 turns the per-address connection cap off', () => {
    expect(
      readLimitSettings({
        FEDERESS_HTTP_HEADERS_TIMEOUT_MS: '300',
        FEDERESS_HTTP_REQUEST_TIMEOUT_MS: '600',
        FEDERESS_HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000',
        FEDERESS_MAX_CONNECTIONS_PER_ADDRESS: '0',
        FEDERESS_MAX_CHARACTERS: '5000',
      }),
    ).toMatchObject({
      headersTimeoutMs: 300,
      requestTimeoutMs: 600,
      keepAliveTimeoutMs: 1000,
      maxConnectionsPerAddress: 0,
      maxCharacters: 5000,
    });
  });
});

describe('SQL settings', () => {
  it('bound every database call by default, and read each bound from its variable', () => {
    expect(readSubgraphSettings('clubs', {}).sql).toEqual({
      statementTimeoutMs: 15_000,
      lockTimeoutMs: 5_000,
      connectionTimeoutMs: 5_000,
      poolSize: 10,
    });
    const sql = readSubgraphSettings('publications', {
      FEDERESS_SQL_STATEMENT_TIMEOUT_MS: '200',
      FEDERESS_SQL_LOCK_TIMEOUT_MS: '50',
      FEDERESS_SQL_CONNECTION_TIMEOUT_MS: '900',
      FEDERESS_SQL_POOL_SIZE: '3',
    }).sql;
    expect(sql).toEqual({ statementTimeoutMs: 200, lockTimeoutMs: 50, connectionTimeoutMs: 900, poolSize: 3 });
  });

  it('refuse 0 (which Postgres reads as no timeout at all) with the name of the setting', () => {
    expect(() => readSubgraphSettings('clubs', { FEDERESS_SQL_STATEMENT_TIMEOUT_MS: '0' })).toThrow(/FEDERESS_SQL_STATEMENT_TIMEOUT_MS/);
    expect(() => readSubgraphSettings('clubs', { FEDERESS_SQL_CONNECTION_TIMEOUT_MS: 'vite' })).toThrow(SettingError);
  });
});
