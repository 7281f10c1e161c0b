import type { OutboxEvent } from '@federess/events';
import { parseUuid, readableInScope, regionsInScope } from '@federess/subgraph-kit';
import type { RencontresEnDirectFiltre } from '../inputs/rencontres-en-direct-filtre';
import type { DonneesRencontre } from '../mutations/record-change';

/**
 * The test an event must pass to reach one subscriber. The région scope of the instance applies as
 * for queries (see applyRencontreFiltre): a regional instance streams its région's events and the
 * national ones (no région), which its queries list too and its `rencontre` field resolves; asking
 * for given régions streams only those (within the scope), as the `regions` filter of a query returns.
 */
export function eventFilter(
  filtre: RencontresEnDirectFiltre | null | undefined,
  scope: string | undefined,
): (event: OutboxEvent) => boolean {
  const regions = filtre?.regions?.length ? regionsInScope(scope, filtre.regions, 'filtre.regions') : undefined;
  const clubs = filtre?.clubs?.length ? new Set(filtre.clubs.map((id, i) => parseUuid(id, `filtre.clubs[${i}]`, 'de club'))) : undefined;
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
      (regions ? event.region !== null && regions.includes(event.region) : readableInScope(scope, event.region)) &&
      (!clubs || (clubId !== null && clubs.has(clubId))) &&
      (!thematiques || (donnees.thematiques ?? []).some((t) => thematiques.has(t))) &&
      (!types || types.has(event.type)) &&
      (!typesRencontre || (rencontreType !== null && typesRencontre.has(rencontreType)))
    );
  };
}
