import type { OutboxEvent } from '@federess/events';
import { boundedList, readableInScope, regionsInScope } from '@federess/subgraph-kit';
import type { DonneesPublication } from '../mutations/record-change';
import type { EvenementsPublicationsFiltre } from './evenements-publications-filtre';
import { MAX_LIST } from './publication-filtre-sql';

type Value = string | null | undefined;

const setOf = (values: readonly string[] | null | undefined, champ: string): ReadonlySet<string> | undefined =>
  values?.length ? new Set(boundedList(values, champ, MAX_LIST)) : undefined;

/**
 * Whether a value after or before the change is one the filter asks for. An event written before
 * its subgraph recorded the value (`after` undefined) matches: a sync may receive one change too
 * many, never miss one.
 */
function kept(asked: ReadonlySet<string> | undefined, after: Value | readonly string[], before: Value | readonly string[]): boolean {
  if (!asked || after === undefined) return true;
  return [after, before].flat().some((value) => typeof value === 'string' && asked.has(value));
}

/**
 * The test a publication event must pass to reach one reader of the delta sync. The instance's
 * région scope applies as for queries: a regional instance gives its région's events and the
 * national ones, and also those of a publication that left its région (the last it will see of
 * it). Asking for régions gives only those (within the scope); each criterion holds when the
 * publication met it before or after the change.
 */
export function eventFilter(
  filtre: EvenementsPublicationsFiltre | null | undefined,
  scope: string | undefined,
): (event: OutboxEvent) => boolean {
  const regions = filtre?.regions?.length
    ? regionsInScope(scope, boundedList(filtre.regions, 'filtre.regions', MAX_LIST), 'filtre.regions')
    : undefined;
  const collections = setOf(filtre?.collections, 'filtre.collections');
  const types = setOf(filtre?.types, 'filtre.types');
  const thematiques = setOf(filtre?.thematiques, 'filtre.thematiques');
  return (event) => {
    // The outbox also holds events of no publication (a start of the subgraph): skipped.
    if (event.entite !== 'Publication') return false;
    const data = event.donnees as Partial<DonneesPublication>;
    const touched: (string | null)[] = [event.region, ...('regionPrecedente' in data ? [data.regionPrecedente ?? null] : [])];
    return (
      touched.some((region) => (regions ? region !== null && regions.includes(region) : readableInScope(scope, region))) &&
      kept(collections, data.collection, data.collectionPrecedente) &&
      kept(types, data.type, data.typePrecedent) &&
      kept(thematiques, data.thematiques, data.thematiquesPrecedentes)
    );
  };
}
