import type { ApolloGateway } from '@apollo/gateway';
import { Viewer } from '@federess/auth';
import { OperationTypeNode } from 'graphql';
import { AnswerCache } from '../../src/cache/answer-cache';
import { readsOf } from '../../src/cache/operation-reads';
import { OperationExecutor } from '../../src/operations/operation-executor';

type GatewayExecutor = ApolloGateway['executor'];
type OperationRequest = Parameters<GatewayExecutor>[0];
type OperationResult = Awaited<ReturnType<GatewayExecutor>>;

/** What the executor reads of a request: its operation's kind, its text and variables, who asks. */
const request = (
  query: string,
  {
    viewer = Viewer.anonymous,
    kind = OperationTypeNode.QUERY,
    variables = {},
    feedToken = undefined as string | undefined,
    freshAfter = undefined as Record<string, string> | undefined,
  } = {},
) =>
  ({
    operation: { operation: kind },
    context: { authorization: undefined, viewer, ...(feedToken ? { feedToken } : {}), ...(freshAfter ? { freshAfter } : {}) },
    source: query,
    request: { query, variables },
  }) as unknown as OperationRequest;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

describe('the operation executor', () => {
  it('runs identical queries in flight once, and each caller gets its own result object', async () => {
    const running = deferred<OperationResult>();
    const executor = jest.fn(() => running.promise);
    const execute = new OperationExecutor(undefined).wrap(executor);
    const calls = [execute(request('{ a }')), execute(request('{ a }')), execute(request('{ b }'))] as const;
    const other = execute(request('{ a }', { variables: { x: 1 } }));
    const adherent = execute(
      request('{ a }', { viewer: Viewer.of({ sub: 'x', role: 'ADHERENT', collectivite: 'COMMUNE:35238', exp: 2e9 } as never) }),
    );
    expect(executor).toHaveBeenCalledTimes(4);
    running.resolve({ data: { a: 1 } });
    const [first, second] = await Promise.all(calls);
    await Promise.all([other, adherent]);
    expect(first).toEqual({ data: { a: 1 } });
    expect(first).not.toBe(second);
    expect(first.data).toBe(second.data);
  });

  it('never lets a query join an execution begun before a mutation it saw answered', async () => {
    const before = deferred<OperationResult>();
    let reads = 0;
    const executor = jest.fn(async (r: OperationRequest): Promise<OperationResult> => {
      if (r.operation?.operation === OperationTypeNode.MUTATION) return { data: { ok: true } };
      reads += 1;
      return reads === 1 ? before.promise : { data: { a: 2 } };
    });
    const execute = new OperationExecutor(undefined).wrap(executor);
    const old = execute(request('{ a }'));
    await execute(request('mutation { m }', { kind: OperationTypeNode.MUTATION }));
    const fresh = execute(request('{ a }'));
    before.resolve({ data: { a: 1 } });
    expect(await old).toEqual({ data: { a: 1 } });
    expect(await fresh).toEqual({ data: { a: 2 } });
    expect(executor).toHaveBeenCalledTimes(3);
  });

  it('shares nothing for a call with a private feed token, nor for mutations', async () => {
    const executor = jest.fn(() => Promise.resolve({ data: { a: 1 } }));
    const execute = new OperationExecutor(undefined).wrap(executor);
    await Promise.all([execute(request('{ a }', { feedToken: 'agenda_x' })), execute(request('{ a }', { feedToken: 'agenda_x' }))]);
    const mutation = { kind: OperationTypeNode.MUTATION };
    await Promise.all([execute(request('mutation { m }', mutation)), execute(request('mutation { m }', mutation))]);
    expect(executor).toHaveBeenCalledTimes(4);
  });

  describe('with the cache', () => {
    const listeningCache = () => {
      const cache = new AnswerCache(1_000_000);
      for (const subgraph of ['clubs', 'rencontres']) cache.listening(subgraph);
      return cache;
    };
    /** An executor whose fetches note what they read, as the subgraph data sources do. */
    const fetching = (reads: [string, string[] | undefined][], data: Record<string, unknown> = { a: 1 }) =>
      jest.fn<Promise<OperationResult>, [OperationRequest]>((r) => {
        for (const [subgraph, tags] of reads) readsOf(r)?.note(subgraph, tags && { tags });
        return Promise.resolve({ data });
      });

    it('serves a feed that asks for a change not applied yet neither a kept response nor one in flight', async () => {
      const cache = listeningCache();
      cache.applied('rencontres', '7');
      const executor = fetching([['rencontres', ['Query.rencontres']]]);
      const execute = new OperationExecutor(cache).wrap(executor);
      await execute(request('{ a }'));
      // Its version read event 8 of rencontres, which the cache has not applied: the operation runs.
      await execute(request('{ a }', { freshAfter: { rencontres: '8' } }));
      expect(executor).toHaveBeenCalledTimes(2);
      // Once applied (up to 8), the kept response shows it and serves the feed.
      cache.applied('rencontres', '8');
      await execute(request('{ a }', { freshAfter: { rencontres: '8' } }));
      expect(executor).toHaveBeenCalledTimes(2);
    });

    it('keeps a whole response once its every fetch could be kept, until an event names what one of them read', async () => {
      const cache = listeningCache();
      const executor = fetching([
        ['clubs', ['Club:1']],
        ['rencontres', ['Query.rencontres']],
      ]);
      const execute = new OperationExecutor(cache).wrap(executor);
      expect(await execute(request('{ a }'))).toEqual({ data: { a: 1 } });
      const kept = await execute(request('{ a }'));
      expect(executor).toHaveBeenCalledTimes(1);
      expect(Object.isFrozen(kept.data)).toBe(true);
      expect(cache.stats).toMatchObject({ responses: 1, responseHits: 1 });
      cache.evict('rencontres', ['Club:1']);
      await execute(request('{ a }'));
      expect(executor).toHaveBeenCalledTimes(1);
      cache.evict('rencontres', ['Query.rencontres']);
      await execute(request('{ a }'));
      expect(executor).toHaveBeenCalledTimes(2);
      // Another scope has its own response.
      await execute(request('{ a }', { viewer: Viewer.of({ sub: 'a', role: 'ADMIN', exp: 2e9 } as never) }));
      expect(executor).toHaveBeenCalledTimes(3);
    });

    it('does not keep a response one of whose fetches could not be kept, nor one with errors', async () => {
      const cache = listeningCache();
      const partial = fetching([
        ['clubs', ['Club:1']],
        ['publications', undefined],
      ]);
      const execute = new OperationExecutor(cache).wrap(partial);
      await execute(request('{ a }'));
      await execute(request('{ a }'));
      expect(partial).toHaveBeenCalledTimes(2);
      const failing = jest.fn((r: OperationRequest) => {
        readsOf(r)?.note('clubs', { tags: [] });
        return Promise.resolve({ data: { a: null }, errors: [{ message: 'non' }] } as unknown as OperationResult);
      });
      const executeFailing = new OperationExecutor(cache).wrap(failing);
      await executeFailing(request('{ b }'));
      await executeFailing(request('{ b }'));
      expect(failing).toHaveBeenCalledTimes(2);
      expect(cache.stats.responses).toBe(0);
    });

    it('does not keep a response an eviction overtook while it ran, nor share an execution begun before it', async () => {
      const cache = listeningCache();
      const running = deferred<void>();
      let calls = 0;
      const executor = jest.fn(async (r: OperationRequest) => {
        const call = (calls += 1);
        readsOf(r)?.note('clubs', { tags: ['Club:1'] });
        if (call === 1) await running.promise;
        return { data: { nom: call === 1 ? 'ancien' : 'nouveau' } };
      });
      const execute = new OperationExecutor(cache).wrap(executor);
      const old = execute(request('{ a }'));
      cache.evict('clubs', ['Club:1']); // the event of a change committed meanwhile
      const fresh = execute(request('{ a }'));
      running.resolve();
      expect(await old).toEqual({ data: { nom: 'ancien' } });
      expect(await fresh).toEqual({ data: { nom: 'nouveau' } });
      expect(await execute(request('{ a }'))).toEqual({ data: { nom: 'nouveau' } });
      expect(executor).toHaveBeenCalledTimes(2);
    });
  });
});
