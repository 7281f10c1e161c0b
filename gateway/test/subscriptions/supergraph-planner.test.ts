import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'graphql';
import { EVENT_ID_KEY, SupergraphPlanner } from '../../src/subscriptions/supergraph-planner';

describe('SupergraphPlanner.planSubscription', () => {
  const planner = new SupergraphPlanner(readFileSync(path.join(__dirname, '../../supergraph.graphql'), 'utf8'));

  it.each([
    ['aliases `id` to another field', 'subscription { rencontresEnDirect { id: type rencontre { titre } } }'],
    ['selects `id` itself', 'subscription { rencontresEnDirect { id type } }'],
    ['does not select `id`', 'subscription { rencontresEnDirect { type } }'],
  ])('selects the event id under a key of its own when the client %s', (_case, query) => {
    const printed = planner.planSubscription(parse(query), undefined).primary.operation;
    // What the upstream reads to resume after a reconnection: the id, never the aliased `type`.
    expect(printed).toContain(`${EVENT_ID_KEY}:id`);
  });
});
