import { ErrorCode } from '@federess/server-kit';
import { GraphQLError } from 'graphql';
import type { RawAnswer } from './http-transport';
import type { GatewayResponse } from './process-options';

/**
 * This caller's own copy of an answer (callers sharing one call each parse the text, so none sees
 * another's mutations). A non-2xx status is an error carrying the parsed body, 401 and 403 with
 * their codes, as Apollo's RemoteGraphQLDataSource does.
 */
export function parseAnswer(answer: RawAnswer, url: string | undefined): GatewayResponse {
  const json = answer.contentType.startsWith('application/json') || answer.contentType.startsWith('application/graphql-response+json');
  let body: unknown = answer.text;
  if (json) {
    try {
      body = JSON.parse(answer.text);
    } catch (error) {
      // A broken error body is still an HTTP error (reported below); a broken 2xx body is not an answer.
      if (answer.status >= 200 && answer.status < 300) throw error;
    }
  }
  if (answer.status < 200 || answer.status >= 300) {
    throw new GraphQLError(`${answer.status}: ${answer.statusText}`, {
      extensions: {
        response: { url, status: answer.status, statusText: answer.statusText, body },
        ...(answer.status === 401 ? { code: ErrorCode.UNAUTHENTICATED } : answer.status === 403 ? { code: ErrorCode.FORBIDDEN } : {}),
      },
    });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new Error(`Expected JSON response body, but received: ${answer.text.slice(0, 200)}`);
  return body;
}
