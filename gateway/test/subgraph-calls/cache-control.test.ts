import { cacheHintOf, parseCacheControl } from '../../src/subgraph-calls/cache-control';

describe('Cache-Control', () => {
  it('reads directives, with and without values, quoted or not', () => {
    expect(parseCacheControl(' max-age = 60 , private, community="UCI" ')).toEqual({ 'max-age': '60', private: true, community: 'UCI' });
    expect(parseCacheControl(undefined)).toEqual({});
  });

  it('gives max-age 0 (uncacheable) without a header or without a valid max-age', () => {
    expect(cacheHintOf(undefined)).toEqual({ maxAge: 0 });
    expect(cacheHintOf('max-age=abc')).toEqual({ maxAge: 0 });
    expect(cacheHintOf('no-store')).toEqual({ maxAge: 0 });
  });

  it('gives the max-age and the scope', () => {
    expect(cacheHintOf('max-age=60, public')).toEqual({ maxAge: 60, scope: 'PUBLIC' });
    expect(cacheHintOf('max-age=30, private')).toEqual({ maxAge: 30, scope: 'PRIVATE' });
  });
});
