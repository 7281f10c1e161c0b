import type { RawAnswer } from '../../src/subgraph-calls/http-transport';
import { parseAnswer } from '../../src/subgraph-calls/parse-answer';

const URL = 'http://clubs:4001/graphql';
const answer = (status: number, text: string, contentType = 'application/json'): RawAnswer => ({
  status,
  statusText: 'x',
  contentType,
  cacheControl: undefined,
  text,
});
const thrownBy = (fn: () => unknown): { message: string; extensions: Record<string, unknown> } => {
  try {
    fn();
  } catch (error) {
    return error as { message: string; extensions: Record<string, unknown> };
  }
  throw new Error('expected a throw');
};

describe('parseAnswer', () => {
  it('parses a 2xx JSON answer, a fresh object each time', () => {
    const raw = answer(200, '{"data":{"a":1}}', 'application/graphql-response+json; charset=utf-8');
    const first = parseAnswer(raw, URL);
    expect(first).toEqual({ data: { a: 1 } });
    expect(parseAnswer(raw, URL)).not.toBe(first);
  });

  it('maps 401 to UNAUTHENTICATED and 403 to FORBIDDEN, carrying the body', () => {
    expect(thrownBy(() => parseAnswer(answer(401, '{"errors":[]}'), URL)).extensions).toEqual({
      response: { url: URL, status: 401, statusText: 'x', body: { errors: [] } },
      code: 'UNAUTHENTICATED',
    });
    expect(thrownBy(() => parseAnswer(answer(403, 'non', 'text/plain'), URL)).extensions).toMatchObject({
      code: 'FORBIDDEN',
      response: { body: 'non' },
    });
    expect(thrownBy(() => parseAnswer(answer(502, '{broken'), URL)).extensions).toEqual({
      response: { url: URL, status: 502, statusText: 'x', body: '{broken' },
    });
  });

  it('refuses a 2xx answer that is not a JSON object', () => {
    expect(() => parseAnswer(answer(200, '{broken'), URL)).toThrow(SyntaxError);
    expect(() => parseAnswer(answer(200, '<html>', 'text/html'), URL)).toThrow('Expected JSON response body');
    expect(() => parseAnswer(answer(200, '[1]'), URL)).toThrow('Expected JSON response body');
  });
});
