import type { OutboxEvent } from '@federess/events';
import { regionsInScope } from '@federess/subgraph-kit';
import { MAX_LISTE } from '../inputs/appliquer-filtre';
import { listeBornee } from '../inputs/valeurs';
import type { DonneesPublication } from '../resolvers/record-change';
import { isReadable } from '../scope';
import type { EvenementsPublicationsFiltre } from './evenements-publications-filtre';

type Valeur = string | null | undefined;

const ensemble = (values: readonly string[] | null | undefined, champ: string): ReadonlySet<string> | undefined =>
  values?.length ? new Set(listeBornee(values, champ, MAX_LISTE)) : undefined;

/**
 * Whether a value after or before the change is one the filter asks for. An event written before
 * its subgraph recorded the value (`apres` undefined) matches: a sync may receive one change too
 * many, never miss one.
 */
function retenu(asked: ReadonlySet<string> | undefined, apres: Valeur | readonly string[], avant: Valeur | readonly string[]): boolean {
  if (!asked || apres === undefined) return true;
  return [apres, avant].flat().some((value) => typeof value === 'string' && asked.has(value));
}

/**
 * The test a publication event must pass to reach one reader of the delta sync. The instance's
 * région scope applies as for queries: a regional instance gives its région's events and the
 * national ones, and also those of a publication that left its région (the last it will see of
 * it). Asking for régions gives only those (within the scope); each criterion holds when the
 * publication met it before or after the change.
 */
export function correspondance(
  filtre: EvenementsPublicationsFiltre | null | undefined,
  scope: string | undefined,
): (event: OutboxEvent) => boolean {
  const regions = filtre?.regions?.length ? regionsInScope(scope, listeBornee(filtre.regions, 'regions', MAX_LISTE)) : undefined;
  const collections = ensemble(filtre?.collections, 'collections');
  const types = ensemble(filtre?.types, 'types');
  const thematiques = ensemble(filtre?.thematiques, 'thematiques');
  return (event) => {
    // The outbox also holds events of no publication (a start of the subgraph): skipped.
    if (event.entite !== 'Publication') return false;
    const d = event.donnees as Partial<DonneesPublication>;
    const touchees: (string | null)[] = [event.region, ...('regionPrecedente' in d ? [d.regionPrecedente ?? null] : [])];
    return (
      touchees.some((region) => (regions ? region !== null && regions.includes(region) : isReadable(scope, region))) &&
      retenu(collections, d.collection, d.collectionPrecedente) &&
      retenu(types, d.type, d.typePrecedent) &&
      retenu(thematiques, d.thematiques, d.thematiquesPrecedentes)
    );
  };
}
