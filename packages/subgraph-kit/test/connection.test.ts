import { MAX_PAGE_SIZE, pageWindow, toConnection } from '../src';

describe('Relay pagination', () => {
  it('pages from an offset encoded in the cursor', () => {
    const first = toConnection(['a', 'b'], 0, 2, 5);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = pageWindow({ first: 2, after: first.pageInfo.endCursor });
    expect(next).toEqual({ offset: 2, limit: 2 });
    const last = toConnection(['e'], 4, 2, 5);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(last.edges[0]!.cursor).not.toBe(first.edges[0]!.cursor);
  });

  it('bounds the page size and refuses forged cursors', () => {
    expect(() => pageWindow({ first: MAX_PAGE_SIZE + 1 })).toThrow(/first/);
    expect(() => pageWindow({ first: -1 })).toThrow(/first/);
    expect(() => pageWindow({ after: 'not-a-cursor' })).toThrow(/curseur invalide/);
    expect(pageWindow({})).toEqual({ offset: 0, limit: 20 });
  });
});
