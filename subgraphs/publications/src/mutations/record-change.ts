import type { EntityManager } from 'typeorm';
import { appendEvent, entityTag, entityTags, rootFieldTag } from '@federess/events';
import type { TypeEvenementPublication } from '../entities/enums';
import type { Publication } from '../entities/publication';

/** What a publication event carries beside the columns every outbox has. */
export interface DonneesPublication {
  readonly clubId: string | null;
  readonly rencontreId: string | null;
  /** The région it left, when the change moved it (its `region` is the new one). */
  readonly regionPrecedente?: string | null;
  /** What the delta sync filters on (see eventFilter), after the change. */
  readonly type: string;
  readonly collection: string | null;
  readonly thematiques: readonly string[];
  /** The same before the change, each only when the change altered it: a sync of the old values sees it leave. */
  readonly typePrecedent?: string;
  readonly collectionPrecedente?: string | null;
  readonly thematiquesPrecedentes?: readonly string[];
}

type Placement = Pick<Publication, 'id' | 'regionCode' | 'clubId' | 'rencontreId' | 'revision' | 'type' | 'collection' | 'thematiques'>;

const sameThematiques = (a: readonly string[], b: readonly string[]): boolean => [...a].sort().join() === [...b].sort().join();

/** The values a modification changed, as they were before it. */
function previousValues(before: Placement, after: Placement): Partial<DonneesPublication> {
  return {
    ...(before.regionCode !== after.regionCode ? { regionPrecedente: before.regionCode } : {}),
    ...(before.type !== after.type ? { typePrecedent: before.type } : {}),
    ...(before.collection !== after.collection ? { collectionPrecedente: before.collection } : {}),
    ...(sameThematiques(before.thematiques, after.thematiques) ? {} : { thematiquesPrecedentes: before.thematiques }),
  };
}

/**
 * Writes the event of a change of a publication in its transaction, as its last write (see
 * appendEvent): one per change, in id order, with the publication's id, région and revision after it.
 * It names what the change may alter in this subgraph: the publication, and, before and after the
 * change, the club, région and rencontre that list it (`Club.publications`, `Region.publications`,
 * `Rencontre.ressources`); the list `Query.publications`; and for a creation `Query.publication`.
 */
export async function recordPublicationChange(
  manager: EntityManager,
  type: TypeEvenementPublication,
  before: Placement | null,
  after: Placement,
): Promise<void> {
  const data: DonneesPublication = {
    clubId: after.clubId,
    rencontreId: after.rencontreId,
    type: after.type,
    collection: after.collection,
    thematiques: after.thematiques,
    ...(before ? previousValues(before, after) : {}),
  };
  await appendEvent(manager, {
    type,
    entite: 'Publication',
    entiteId: after.id,
    region: after.regionCode,
    revision: after.revision,
    entites: [
      entityTag('Publication', after.id),
      ...entityTags('Club', [before?.clubId, after.clubId]),
      ...entityTags('Region', [before?.regionCode, after.regionCode]),
      ...entityTags('Rencontre', [before?.rencontreId, after.rencontreId]),
    ],
    listes: [rootFieldTag('publications'), ...(before ? [] : [rootFieldTag('publication')])],
    donnees: data,
  });
}
