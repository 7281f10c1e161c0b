import { captureLogs, hideSecrets, logOf, parseTraceparent, runInRequest, scopeOf, scrub, traceparentOf } from '../src';

describe('logs', () => {
  it('write JSON lines with level, service, component, and the trace of the request being served', async () => {
    const { lines } = await captureLogs(() => {
      const scope = scopeOf({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
      runInRequest(scope, () => logOf('essai').info('request', { operation: 'Agenda', durationMs: 12.5, code: 'OK' }));
      logOf('essai').warn('outside any request');
      return Promise.resolve();
    });
    expect(lines[0]).toMatchObject({
      level: 'info',
      service: 'test',
      component: 'essai',
      trace_id: '0af7651916cd43dd8448eb211c80319c',
      operation: 'Agenda',
      code: 'OK',
      msg: 'request',
    });
    const [first] = lines;
    expect(first?.span_id).toMatch(/^[0-9a-f]{16}$/);
    expect(first?.span_id).not.toBe('b7ad6b7169203331');
    expect(lines[1]).not.toHaveProperty('trace_id');
  });

  it('never write a token, an e-mail, credentials in a URL or a known secret, in the message or in a field', async () => {
    hideSecrets(['un-secret-tres-long-de-la-passerelle']);
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl';
    const { text } = await captureLogs(() => {
      logOf('essai').error(`failed for jeanne.dupont@example.org with Bearer ${jwt}`, {
        url: 'postgres://federess:motdepasse@db:5432/postgres',
        detail: { nested: ['header x-federess-gateway: un-secret-tres-long-de-la-passerelle', 'agenda_0123456789abcdefghij'] },
      });
      return Promise.resolve();
    });
    for (const leaked of [
      'jeanne.dupont@example.org',
      jwt,
      'motdepasse',
      'un-secret-tres-long-de-la-passerelle',
      'agenda_0123456789abcdefghij',
    ])
      expect(text).not.toContain(leaked);
    expect(text).toContain('[e-mail masqué]');
    expect(scrub('SELECT 1 FROM "inscription"')).toBe('SELECT 1 FROM "inscription"');
  });
});

describe('W3C trace context', () => {
  it('keeps a valid caller trace id, draws a new one otherwise', () => {
    expect(parseTraceparent('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')).toEqual({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      sampled: true,
    });
    for (const bad of ['', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331', `00-${'0'.repeat(32)}-b7ad6b7169203331-01`, 'nonsense'])
      expect(parseTraceparent(bad)).toBeUndefined();
    const fresh = scopeOf({ traceparent: 'nonsense' });
    expect(fresh.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(traceparentOf(fresh)).toBe(`00-${fresh.traceId}-${fresh.spanId}-00`);
  });
});
