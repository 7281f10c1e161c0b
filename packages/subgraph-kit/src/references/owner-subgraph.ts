import { GATEWAY_HEADER } from '@federess/auth';
import type { SubgraphName } from '@federess/config';
import { ClientError, ErrorCode } from '@federess/server-kit';
import { logOf, traceHeaders } from '@federess/observability';

const log = logOf('references');

/** What an owner answers to `_entities`. */
interface EntitiesAnswer<T> {
  readonly data?: { readonly _entities?: readonly (T | null)[] } | null;
  readonly errors?: readonly unknown[];
}

/**
 * A write that could not be checked: the owner of the entity it references did not answer, or not
 * with the entities. Nothing is written; the client may retry.
 */
function unverifiable(owner: SubgraphName, champ: string): ClientError {
  return new ClientError(
    ErrorCode.SUBGRAPH_UNAVAILABLE,
    `${champ} n’a pas pu être vérifié : le sous-graphe ${owner} ne répond pas. Rien n’a été enregistré ; réessayez plus tard.`,
    { serviceName: owner, champ },
  );
}

/**
 * Another subgraph, reached for the entities it owns. A subgraph never reads another's database: a
 * write that references a rencontre or a collectivité asks its owner, over HTTP with the gateway's
 * secret (a call from within the hub, like the gateway's own entity fetches: no rate limit, no token
 * count), whether it exists and what it is. Answered as the owner's `_entities` answers, so on a
 * regional instance only what that instance serves. No answer means no write: the call is bounded by
 * `timeoutMs` and anything but a full answer is SUBGRAPH_UNAVAILABLE, never an unchecked reference.
 */
export class OwnerSubgraph {
  constructor(
    readonly name: SubgraphName,
    private readonly url: string,
    private readonly timeoutMs: number,
    private readonly gatewaySecret: string,
  ) {}

  /**
   * The entities of `typename` with these ids, in their order, null where the owner knows none.
   * `selection` is what to read of each; `champ` names the field being checked, for the refusal.
   */
  async entities<T>(typename: string, ids: readonly string[], selection: string, champ: string): Promise<(T | null)[]> {
    if (ids.length === 0) return [];
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${selection} } } }`;
    let answer: EntitiesAnswer<T>;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [GATEWAY_HEADER]: this.gatewaySecret, ...traceHeaders() },
        body: JSON.stringify({ query, variables: { representations: ids.map((id) => ({ __typename: typename, id })) } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      answer = (await response.json()) as EntitiesAnswer<T>;
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    } catch (error) {
      log.warn(`${this.name} did not answer for ${champ}: ${(error as Error).message}`);
      throw unverifiable(this.name, champ);
    }
    const found: unknown = answer.data?._entities;
    if (answer.errors?.length || !Array.isArray(found) || found.length !== ids.length) {
      log.warn(`${this.name} answered ${champ} without its entities: ${JSON.stringify(answer.errors ?? []).slice(0, 300)}`);
      throw unverifiable(this.name, champ);
    }
    return [...(found as (T | null)[])];
  }
}

/** The other subgraphs, by name, as a subgraph's writes reach them. */
export type OwnerSubgraphs = Readonly<Record<SubgraphName, OwnerSubgraph>>;

/** One OwnerSubgraph per subgraph, at the URLs of the settings (`<NAME>_URL`). */
export function ownerSubgraphs(urls: Readonly<Record<SubgraphName, string>>, timeoutMs: number, gatewaySecret: string): OwnerSubgraphs {
  return Object.fromEntries(
    Object.entries(urls).map(([name, url]) => [name, new OwnerSubgraph(name as SubgraphName, url, timeoutMs, gatewaySecret)]),
  ) as unknown as OwnerSubgraphs;
}
