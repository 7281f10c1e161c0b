import { badInput } from '@federess/server-kit';
import type { OwnerSubgraphs } from './owner-subgraph';

/** A collectivité a write references, and the field it comes from (`collectivitesCitees[2]`, `lieu.communeId`). */
export interface CollectiviteReference {
  readonly id: string;
  readonly champ: string;
}

/**
 * Refuses a write that references a collectivité the collectivites subgraph does not know (an
 * unknown INSEE code, `COMMUNE:00000`), with BAD_USER_INPUT naming the first such field. One call for
 * all the references of a write, whatever their number.
 */
export async function requireKnownCollectivites(owners: OwnerSubgraphs, references: readonly CollectiviteReference[]): Promise<void> {
  const ids = [...new Set(references.map((r) => r.id))];
  if (ids.length === 0) return;
  const champs = [...new Set(references.map((r) => r.champ.replace(/\[\d+\]$/, '')))].join(', ');
  const found = await owners.collectivites.entities<{ id: string }>('Collectivite', ids, 'id', champs);
  const known = new Set(ids.filter((_, i) => found[i] !== null));
  const unknown = references.find((r) => !known.has(r.id));
  if (unknown) throw badInput(`${unknown.champ} : collectivité inconnue du référentiel : ${unknown.id}.`, { champ: unknown.champ });
}
