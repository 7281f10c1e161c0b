import { readLimitSettings } from '@federess/config';
import { limitValidationRules, operationCost } from '@federess/server-kit';
import { getOperationAST, parse, validate } from 'graphql';
import { SupergraphPlanner } from '../src/subscriptions/supergraph-planner';
import { readSupergraph } from '../src/supergraph-file';

const limits = readLimitSettings({});
const schema = new SupergraphPlanner(readSupergraph(undefined)).apiGraphQLSchema;

/** The limit codes an operation gets at the gateway with the default limits, and its cost. */
function measure(query: string): { codes: unknown[]; cost: number } {
  const document = parse(query);
  const codes = validate(schema, document, limitValidationRules(limits)).map((e) => e.extensions.code);
  return { codes, cost: operationCost(schema, document, getOperationAST(document)!, {}, limits) };
}

describe('the default abuse limits on the supergraph', () => {
  it("let the README's example queries through, at the costs the README gives", () => {
    const agenda = measure(`{ rencontres(filtre: { depuis: "2024-01-01T00:00:00Z" }, first: 50) { totalCount
      edges { node { id titre debut format statut region { code nom } club { nom } ressources { titre } } } } }`);
    expect(agenda).toEqual({ codes: [], cost: 1201 });
    const live =
      measure(`subscription Agenda($apres: ID) { rencontresEnDirect(filtre: { regions: ["BRE"], thematiques: [SCIC] }, apres: $apres) {
      id type survenuA revision rencontre { titre debut format statut region { nom } club { nom } ressources { titre } } } }`);
    expect(live.codes).toEqual([]);
    expect(live.cost).toBeLessThan(limits.maxCost);
  });

  it('refuses a page of pages: 200 rencontres, each with 200 rencontres of its club', () => {
    const nested = measure(
      '{ rencontres(first: 200) { edges { node { club { rencontres(first: 200) { edges { node { titre } } } } } } } }',
    );
    expect(nested.cost).toBe(120_801);
    expect(nested.cost).toBeGreaterThan(limits.maxCost);
  });
});
