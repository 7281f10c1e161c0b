/**
 * The names change events and cached answers share: an entity as `Type:id` (`Club:<uuid>`,
 * `Region:BRE`, `Collectivite:COMMUNE:35238`), a root field as `Query.<field>`, and `*` for anything
 * of a subgraph. A cached answer is tagged with the entities whose fields it resolved and the root
 * fields it asked; an event names those its change may alter; a shared name evicts.
 */
export const entityTag = (type: string, id: string): string => `${type}:${id}`;

export const rootFieldTag = (field: string): string => `Query.${field}`;

/** Anything of the subgraph may have changed: a start (new code, new seed), a bulk load. */
export const EVERYTHING = '*';

/** The entity tags of optional ids, each once, in order (a list of the old and new values of a change). */
export function entityTags(type: string, ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))].map((id) => entityTag(type, id));
}
