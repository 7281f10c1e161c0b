import { expect } from '@jest/globals';
import type { RunningHub } from '@federess/launcher';
import { graphql, type GraphQLResponse, startTestHub } from './hub';

const NATIONAL_AGENDA = `{
  rencontres(filtre: { depuis: "2024-01-01T00:00:00Z" }, first: 50) {
    totalCount
    edges { node { id titre debut format statut region { code nom } club { nom } ressources { titre } } }
  }
}`;

describe('the national graph through the gateway', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startTestHub('national');
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('serves the national agenda with regions, clubs and resources from three other subgraphs', async () => {
    const { status, body } = await graphql(hub.gatewayUrl, NATIONAL_AGENDA);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.rencontres.edges.map((e) => e.node);
    expect(body.data!.rencontres.totalCount).toBeGreaterThanOrEqual(nodes.length);
    const regional = nodes.filter((n) => n.region);
    const regions = new Set(regional.map((n) => n.region?.code));
    expect(regions.size).toBeGreaterThanOrEqual(4);
    for (const node of regional) {
      expect(node.region?.nom).toEqual(expect.any(String));
      expect(node.club?.nom).toEqual(expect.any(String));
      expect(new Date(node.debut).getTime()).toBeGreaterThanOrEqual(Date.parse('2024-01-01T00:00:00Z'));
    }
    expect(nodes.some((n) => n.ressources.length > 0)).toBe(true);
  });

  it('finds Saint-Étienne first among more than 35,000 collectivités', async () => {
    const { body } = await graphql(
      hub.gatewayUrl,
      '{ all: collectivites { totalCount } found: collectivites(recherche: "saint etienne", first: 3) { edges { node { nom type region { code } } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.all.totalCount).toBeGreaterThan(35_000);
    expect(body.data!.found.edges[0]?.node).toEqual({ nom: 'Saint-Étienne', type: 'COMMUNE', region: { code: 'ARA' } });
  });

  it('joins a region to its club, its publications and its collectivité', async () => {
    const { body } = await graphql(
      hub.gatewayUrl,
      '{ region(code: "BRE") { nom club { nom rencontres(first: 5) { totalCount } } publications(first: 5) { totalCount } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.region.nom).toBe('Bretagne');
    expect(body.data!.region.club?.nom).toMatch(/Bretagne/);
    expect(body.data!.region.club?.rencontres.totalCount).toBeGreaterThanOrEqual(3);
  });

  it('answers a client mistake with a stable code, never a 5xx', async () => {
    const unknownRegion = await graphql(hub.gatewayUrl, '{ region(code: "XYZ") { nom } }');
    expect(unknownRegion.status).toBeLessThan(500);
    expect(unknownRegion.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const badDate = await graphql(hub.gatewayUrl, 'query($d: DateTimeISO) { rencontres(filtre: { depuis: $d }) { totalCount } }', {
      d: 'pas une date',
    });
    expect(badDate.status).toBeLessThan(500);
    expect(badDate.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const malformed = await graphql(hub.gatewayUrl, '{ rencontres { ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');

    const notJson = await fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as GraphQLResponse).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('serves an explorer page that needs no network and a health endpoint', async () => {
    const page = await fetch(hub.gatewayUrl.replace('/graphql', '/'));
    const html = await page.text();
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    // GraphiQL, from the gateway's own bundle (test/browser checks that it requests nothing elsewhere).
    expect(html).toContain('<div id="graphiql">');
    expect(html).not.toMatch(/<script[^>]+src="http|<link[^>]+href="http/);
    const health = await fetch(hub.gatewayUrl.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
  });
});
