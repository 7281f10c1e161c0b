import { getOperationAST, parse } from 'graphql';
import { selectsRootField } from '../src/service-sdl-guard';

const selects = (query: string) => {
  const document = parse(query);
  return selectsRootField(document, getOperationAST(document)!, '_service');
};

describe('selectsRootField', () => {
  it('finds _service at the root, through aliases, fragments and inline fragments, and nowhere deeper', () => {
    expect(selects('{ _service { sdl } }')).toBe(true);
    expect(selects('{ schema: _service { sdl } }')).toBe(true);
    expect(selects('{ ... on Query { _service { sdl } } }')).toBe(true);
    expect(selects('query { ...A } fragment A on Query { ...B } fragment B on Query { _service { sdl } }')).toBe(true);
    expect(selects('{ clubs { _service } }')).toBe(false);
    expect(selects('query { ...A ...A } fragment A on Query { __typename }')).toBe(false);
  });
});
