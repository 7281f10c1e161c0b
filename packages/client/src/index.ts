import type { TypePolicies } from '@apollo/client/cache' with { 'resolution-mode': 'import' };
import type { relayStylePagination as RelayStylePagination } from '@apollo/client/utilities' with { 'resolution-mode': 'import' };

// Apollo Client's entry points declare ES module types but ship a CommonJS build (`main`), which
// this CommonJS package requires: front-ends bundle either.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { relayStylePagination } = require('@apollo/client/utilities') as { relayStylePagination: typeof RelayStylePagination };

/**
 * The connections of the graph (`gateway/schema.graphql`), each with the arguments that select
 * *which* list it is: pages of the same list merge, another filter is another list. A test checks
 * this against the schema.
 */
export const CONNECTIONS = {
  Query: {
    rencontres: ['filtre'],
    publications: ['filtre'],
    collectivites: ['recherche', 'region', 'types', 'adherente'],
    // The delta syncs page by their own cursor, `apres`: each page stays an entry of its own.
    evenementsRencontres: ['apres', 'filtre'],
    evenementsPublications: ['apres', 'filtre'],
  },
  Club: { rencontres: ['filtre'], publications: [] },
  Region: { publications: [] },
  Collectivite: { participations: [] },
} as const satisfies Record<string, Record<string, readonly string[]>>;

const paginated = (fields: Record<string, readonly string[]>) =>
  Object.fromEntries(
    Object.entries(fields).map(([field, keyArgs]) => [field, relayStylePagination(keyArgs.length ? [...keyArgs] : false)]),
  );

/**
 * Apollo Client's `InMemoryCache` policies for FédérESS: `new InMemoryCache({ typePolicies })`.
 * - `Region` is identified by its `code` (it has no `id`): without this, each région is cached
 *   inside whatever object holds it, and a change to one copy does not show in the others.
 * - Every connection is a Relay connection (`first`/`after`, `edges`, `pageInfo`): `fetchMore` with
 *   the next `after` appends the page. Without `relayStylePagination`, the next page's variables make
 *   another cache entry and `fetchMore` silently shows nothing more.
 */
const pagination: TypePolicies = Object.fromEntries(
  Object.entries(CONNECTIONS).map(([type, fields]) => [type, { fields: paginated(fields) }]),
);

export const typePolicies: TypePolicies = { ...pagination, Region: { ...pagination.Region, keyFields: ['code'] } };
