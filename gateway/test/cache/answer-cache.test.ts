import { AnswerCache } from '../../src/cache/answer-cache';
import { keptResponse, stringifyResult } from '../../src/cache/kept-response';

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
    const ticket = c.begin([subgraph]);
    const stored = c.store(ticket, subgraph, key, answer(`{"data":"${key}"}`), { tags });
    c.end(ticket);
    return stored;
  };

  it('serves what it kept until an event of the same subgraph names one of its tags', () => {
    const c = cache();
    fill(c, 'a', ['Club:1', 'Query.clubs']);
    fill(c, 'b', ['Club:2']);
    c.evict('rencontres', ['Club:1']); // another subgraph's Club:1 is another answer's business
    expect(c.get('clubs', 'a')).toEqual({ answer: answer('{"data":"a"}'), info: { tags: ['Club:1', 'Query.clubs'] } });
    c.evict('clubs', ['Club:1']);
    expect(c.get('clubs', 'a')).toBeUndefined();
    expect(c.get('clubs', 'b')).toBeDefined();
    c.evict('clubs', ['*']);
    expect(c.get('clubs', 'b')).toBeUndefined();
  });

  it('does not keep an answer read before an eviction that named what it read, nor one read while deaf', () => {
    const c = cache();
    const racing = c.begin(['clubs']);
    const unrelated = c.begin(['clubs']);
    c.evict('clubs', ['Club:1']);
    expect(c.store(racing, 'clubs', 'a', answer('old'), { tags: ['Club:1'] })).toBe(false);
    expect(c.store(unrelated, 'clubs', 'b', answer('fine'), { tags: ['Club:2'] })).toBe(true);
    c.end(racing);
    c.end(unrelated);
    const during = c.begin(['clubs']);
    c.deaf('clubs');
    c.listening('clubs');
    expect(c.store(during, 'clubs', 'c', answer('maybe stale'), { tags: ['Club:3'] })).toBe(false);
    c.end(during);
    c.deaf('clubs');
    expect(fill(c, 'd', ['Club:4'])).toBe(false);
    expect(c.get('clubs', 'b')).toBeUndefined();
  });

  it('serves nothing that read a subgraph between the announcement of its event and its reading, and shares no call across it', () => {
    const c = cache();
    fill(c, 'a', ['Club:1']);
    fill(c, 'r', ['Rencontre:1'], 'rencontres');
    const [generation, changes] = [c.generation('clubs'), c.changes];
    c.hold('clubs');
    expect(c.generation('clubs')).not.toBe(generation);
    expect(c.changes).not.toBe(changes);
    expect(c.get('clubs', 'a')).toBeUndefined();
    expect(c.get('rencontres', 'r')).toBeDefined();
    c.release('clubs'); // the event named something else: what was kept is served again
    expect(c.get('clubs', 'a')).toBeDefined();
    c.hold('clubs');
    c.evict('clubs', ['Club:1']);
    c.release('clubs');
    expect(c.get('clubs', 'a')).toBeUndefined();
  });

  it('lets an answer expire when time alone changes it, and never keeps an uncacheable one', () => {
    const c = cache();
    const t = c.begin(['rencontres']);
    expect(c.store(t, 'rencontres', 'a', answer('x'), { tags: [], expiresAt: now + 100 })).toBe(true);
    expect(c.store(t, 'rencontres', 'b', answer('y'), { tags: [], uncacheable: true })).toBe(false);
    c.end(t);
    expect(c.get('rencontres', 'a')?.info).toEqual({ tags: [], expiresAt: now + 100 });
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

  describe('whole responses', () => {
    const response = (text: string) => keptResponse({ nom: text });
    const keep = (c: AnswerCache, key: string, reads: [string, string[]][], expiresAt = Infinity) => {
      const ticket = c.begin(['clubs', 'rencontres']);
      const stored = c.storeResponse(ticket, key, response(key), new Map(reads), expiresAt);
      c.end(ticket);
      return stored;
    };

    it('keeps a response tagged with what it read in each subgraph, evicted by an event of any of them', () => {
      const c = cache();
      expect(
        keep(c, 'r', [
          ['clubs', ['Club:1']],
          ['rencontres', ['Rencontre:9', 'Query.rencontres']],
        ]),
      ).toBe(true);
      expect(keep(c, 's', [['clubs', ['Club:2']]])).toBe(true);
      expect(c.getResponse('r')?.data).toEqual({ nom: 'r' });
      // Lookups of whole responses are counted apart from those of fetches' answers.
      expect(c.stats).toMatchObject({ responses: 2, responseHits: 1, responseMisses: 0, hits: 0, misses: 0 });
      c.evict('clubs', ['Rencontre:9']); // the tag of another subgraph's part
      expect(c.getResponse('r')).toBeDefined();
      c.evict('rencontres', ['Rencontre:9']);
      expect(c.getResponse('r')).toBeUndefined();
      expect(c.getResponse('s')).toBeDefined();
      c.deaf('clubs');
      expect(c.getResponse('s')).toBeUndefined();
      expect(c.stats.responses).toBe(0);
    });

    it('does not keep a response begun before an eviction of something it read, in any of its subgraphs', () => {
      const c = cache();
      /** What a response read: Club:1 in clubs, and one rencontre in rencontres. */
      const clubWithRencontre = (rencontre: string) =>
        new Map([
          ['clubs', ['Club:1']],
          ['rencontres', [rencontre]],
        ]);
      const ticket = c.begin(['clubs', 'rencontres']);
      c.evict('rencontres', ['Rencontre:9']);
      expect(c.storeResponse(ticket, 'r', response('r'), clubWithRencontre('Rencontre:9'), Infinity)).toBe(false);
      expect(c.storeResponse(ticket, 's', response('s'), clubWithRencontre('Rencontre:8'), Infinity)).toBe(true);
      // A subgraph it did not begin with cannot be checked: not kept.
      expect(c.storeResponse(ticket, 't', response('t'), new Map([['publications', []]]), Infinity)).toBe(false);
      c.end(ticket);
      expect(keep(c, 'u', [['clubs', []]], now)).toBe(false);
    });

    it('shares frozen data, and its text is written once', () => {
      const kept = response('r');
      expect(Object.isFrozen(kept.data)).toBe(true);
      expect(stringifyResult({ data: kept.data })).toBe(kept.text);
      expect(kept.text).toBe(`${JSON.stringify({ data: { nom: 'r' } })}\n`);
      expect(stringifyResult({ data: kept.data, errors: [{ message: 'non' }] })).toBe(
        `${JSON.stringify({ data: { nom: 'r' }, errors: [{ message: 'non' }] })}\n`,
      );
    });
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
