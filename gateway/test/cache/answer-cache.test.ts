import { AnswerCache } from '../../src/cache/answer-cache';

const answer = (text: string) => ({ status: 200, statusText: 'OK', contentType: 'application/json', cacheControl: undefined, text });

describe('the answer cache', () => {
  let now = 1_000;
  const cache = () => {
    const c = new AnswerCache(10_000, () => now);
    c.listening('clubs');
    c.listening('rencontres');
    return c;
  };
  const fill = (c: AnswerCache, key: string, tags: string[], subgraph = 'clubs') => {
    const ticket = c.begin(subgraph);
    const stored = c.store(ticket, key, answer(`{"data":"${key}"}`), { tags });
    c.end(ticket);
    return stored;
  };

  it('serves what it kept until an event of the same subgraph names one of its tags', () => {
    const c = cache();
    fill(c, 'a', ['Club:1', 'Query.clubs']);
    fill(c, 'b', ['Club:2']);
    c.evict('rencontres', ['Club:1']); // another subgraph's Club:1 is another answer's business
    expect(c.get('clubs', 'a')?.text).toBe('{"data":"a"}');
    c.evict('clubs', ['Club:1']);
    expect(c.get('clubs', 'a')).toBeUndefined();
    expect(c.get('clubs', 'b')).toBeDefined();
    c.evict('clubs', ['*']);
    expect(c.get('clubs', 'b')).toBeUndefined();
  });

  it('does not keep an answer read before an eviction that named what it read, nor one read while deaf', () => {
    const c = cache();
    const racing = c.begin('clubs');
    const unrelated = c.begin('clubs');
    c.evict('clubs', ['Club:1']);
    expect(c.store(racing, 'a', answer('old'), { tags: ['Club:1'] })).toBe(false);
    expect(c.store(unrelated, 'b', answer('fine'), { tags: ['Club:2'] })).toBe(true);
    c.end(racing);
    c.end(unrelated);
    const during = c.begin('clubs');
    c.deaf('clubs');
    c.listening('clubs');
    expect(c.store(during, 'c', answer('maybe stale'), { tags: ['Club:3'] })).toBe(false);
    c.end(during);
    c.deaf('clubs');
    expect(fill(c, 'd', ['Club:4'])).toBe(false);
    expect(c.get('clubs', 'b')).toBeUndefined();
  });

  it('lets an answer expire when time alone changes it, and never keeps an uncacheable one', () => {
    const c = cache();
    const t = c.begin('rencontres');
    expect(c.store(t, 'a', answer('x'), { tags: [], expiresAt: now + 100 })).toBe(true);
    expect(c.store(t, 'b', answer('y'), { tags: [], uncacheable: true })).toBe(false);
    c.end(t);
    expect(c.get('rencontres', 'a')).toBeDefined();
    now += 100;
    expect(c.get('rencontres', 'a')).toBeUndefined();
  });

  it('stays within its bytes, the least recently used first', () => {
    const c = new AnswerCache(500, () => now);
    c.listening('clubs');
    for (const key of ['a', 'b', 'c']) fill(c, key, ['Club:1']);
    expect(c.stats.bytes).toBeLessThanOrEqual(500);
    c.get('clubs', 'a');
    for (const key of ['d', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm']) fill(c, key, []);
    expect(c.stats.bytes).toBeLessThanOrEqual(500);
    expect(c.get('clubs', 'b')).toBeUndefined();
    expect(c.get('clubs', 'm')).toBeDefined();
  });

  it('says whether it shows a given change: heard, and applied up to it', () => {
    const c = new AnswerCache(10_000, () => now);
    expect(c.isFreshAfter('clubs', undefined)).toBe(false);
    c.applied('clubs', '7');
    c.listening('clubs');
    expect([c.isFreshAfter('clubs', undefined), c.isFreshAfter('clubs', '7'), c.isFreshAfter('clubs', '8')]).toEqual([true, true, false]);
    c.applied('clubs', '12');
    c.applied('clubs', '9');
    expect(c.isFreshAfter('clubs', '12')).toBe(true);
    c.deaf('clubs');
    expect(c.isFreshAfter('clubs', '3')).toBe(false);
    expect(c.isFreshAfter('rencontres', '1')).toBe(false);
  });
});
