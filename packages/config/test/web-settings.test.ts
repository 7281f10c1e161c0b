import { readCorsSettings, readGatewaySettings, SettingError } from '../src/index';

describe('web settings', () => {
  it('allows every origin by default, or exactly the listed ones', () => {
    expect(readCorsSettings({}).origins).toBe('*');
    expect(readCorsSettings({ FEDERESS_CORS_ORIGINS: '*' }).origins).toBe('*');
    expect(readCorsSettings({ FEDERESS_CORS_ORIGINS: 'https://www.cress-bretagne.org, http://localhost:8080/' }).origins).toEqual([
      'https://www.cress-bretagne.org',
      'http://localhost:8080',
    ]);
  });

  it('refuses what is not an origin, naming the setting', () => {
    expect(() => readCorsSettings({ FEDERESS_CORS_ORIGINS: 'www.exemple.fr' })).toThrow(SettingError);
    expect(() => readCorsSettings({ FEDERESS_CORS_ORIGINS: 'https://www.exemple.fr/agenda' })).toThrow(/FEDERESS_CORS_ORIGINS/);
    expect(() => readCorsSettings({ FEDERESS_CORS_ORIGINS: 'ftp://exemple.fr' })).toThrow(SettingError);
  });

  it('serves GraphiQL in development only, unless told otherwise', () => {
    expect(readGatewaySettings({}).graphiql).toBe(true);
    const production = { FEDERESS_MODE: 'production', FEDERESS_JWT_SECRET: 'x'.repeat(40), FEDERESS_GATEWAY_SECRET: 'y'.repeat(40) };
    expect(readGatewaySettings(production).graphiql).toBe(false);
    expect(readGatewaySettings({ ...production, FEDERESS_GRAPHIQL: 'true' }).graphiql).toBe(true);
  });
});
