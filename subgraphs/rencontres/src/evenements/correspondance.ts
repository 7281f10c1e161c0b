import type { OutboxEvent } from '@federess/events';
import { badInput } from '@federess/server-kit';
import { regionsInScope } from '@federess/subgraph-kit';
import type { DonneesRencontre } from '../mutations/record-change';
import { visible } from '../queries/filtre';
import type { RencontresEnDirectFiltre } from './rencontres-en-direct-filtre';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The test an event must pass to reach one subscriber. The région scope of the instance applies as
 * for queries (see appliquerFiltre): a regional instance streams its région's events and the national
 * ones (no région), which its queries list too and its `rencontre` field resolves; asking for given
 * régions streams only those (within the scope), as the `regions` filter of a query returns.
 */
export function correspondance(
  filtre: RencontresEnDirectFiltre | null | undefined,
  scope: string | undefined,
): (event: OutboxEvent) => boolean {
  const regions = filtre?.regions?.length ? regionsInScope(scope, filtre.regions) : undefined;
  const clubs = filtre?.clubs?.length ? new Set(filtre.clubs.map((id) => id.toLowerCase())) : undefined;
  for (const club of clubs ?? []) if (!UUID.test(club)) throw badInput(`Identifiant de club invalide : ${club}`);
  const thematiques = filtre?.thematiques?.length ? new Set<string>(filtre.thematiques) : undefined;
  const types = filtre?.types?.length ? new Set<string>(filtre.types) : undefined;
  const typesRencontre = filtre?.typesRencontre?.length ? new Set<string>(filtre.typesRencontre) : undefined;
  return (event) => {
    // The outbox also holds events of no rencontre (a start of the subgraph): the feed shows none.
    if (event.entite !== 'Rencontre') return false;
    const donnees = event.donnees as Partial<DonneesRencontre>;
    const clubId = donnees.clubId ?? null;
    const rencontreType = donnees.rencontreType ?? null;
    return (
      (regions ? event.region !== null && regions.includes(event.region) : visible(scope, event.region)) &&
      (!clubs || (clubId !== null && clubs.has(clubId))) &&
      (!thematiques || (donnees.thematiques ?? []).some((t) => thematiques.has(t))) &&
      (!types || types.has(event.type)) &&
      (!typesRencontre || (rencontreType !== null && typesRencontre.has(rencontreType)))
    );
  };
}
