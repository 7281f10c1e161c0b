import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client/core';
import { typePolicies } from '@federess/client';
import type { RunningHub } from '@federess/launcher';
import { startTestHub } from './hub';

/** The README's example of a client: Apollo Client with the graph's typePolicies, paging with fetchMore. */
const AGENDA = gql`
  query Agenda($after: String) {
    rencontres(filtre: { regions: ["ARA"] }, first: 2, after: $after) {
      edges {
        node {
          id
          titre
          region {
            code
            nom
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;

interface Agenda {
  rencontres: { edges: { node: { id: string; region: { code: string } } }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
}

describe('Apollo Client on the gateway', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startTestHub('apollo_client');
  });
  afterAll(async () => {
    await hub?.stop();
  });

  /** Loads the first page, then `fetchMore`s the next one: what the watched query shows then. */
  const twoPages = async (cache: InMemoryCache) => {
    const client = new ApolloClient({ link: new HttpLink({ uri: hub.gatewayUrl }), cache });
    const watched = client.watchQuery<Agenda>({ query: AGENDA });
    const first = await watched.result();
    expect(first.data.rencontres.pageInfo.hasNextPage).toBe(true);
    await watched.fetchMore({ variables: { after: first.data.rencontres.pageInfo.endCursor } });
    const shown = watched.getCurrentResult().data.rencontres.edges.map((e) => e.node.id);
    client.stop();
    return shown;
  };

  it('with @federess/client typePolicies, fetchMore appends the next page, and a région is one cache entry', async () => {
    const cache = new InMemoryCache({ typePolicies });
    const shown = await twoPages(cache);
    expect(shown).toHaveLength(4);
    expect(new Set(shown).size).toBe(4);
    const region = cache.identify({ __typename: 'Region', code: 'ARA' });
    expect(region).toBe('Region:{"code":"ARA"}');
    expect(cache.extract()[region!]).toMatchObject({ code: 'ARA', nom: 'Auvergne-Rhône-Alpes' });
  });

  it('without them, fetchMore silently shows nothing more (why the policies are needed)', async () => {
    expect(await twoPages(new InMemoryCache())).toHaveLength(2);
  });
});
