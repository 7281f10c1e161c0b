import { socketErrorFormatter } from '@federess/server-kit';
import { GraphQLError } from 'graphql';
import { incompleteEventError } from '../../src/subscriptions/event-errors';

describe('subscription event errors', () => {
  const internal = { data: null, errors: [incompleteEventError(new Error('connect ECONNREFUSED 10.0.0.7:5432'))] };

  it('labels an event the gateway could not complete INTERNAL_SERVER_ERROR, its cause hidden in production', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(socketErrorFormatter('production').result(internal).errors).toEqual([
      { message: 'Erreur interne du serveur.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(socketErrorFormatter('development').result(internal).errors).toEqual([
      { message: 'Événement incomplet : connect ECONNREFUSED 10.0.0.7:5432', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
  });

  it('keeps client errors as they are', () => {
    const slow = new GraphQLError('Client trop lent', { extensions: { code: 'SLOW_CONSUMER' } });
    expect(socketErrorFormatter('production').result({ errors: [slow] }).errors).toEqual([
      { message: 'Client trop lent', extensions: { code: 'SLOW_CONSUMER' } },
    ]);
  });
});
