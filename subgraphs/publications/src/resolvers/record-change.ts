import type { EntityManager } from 'typeorm';
import { appendEvent, entityTag, entityTags, rootFieldTag } from '@federess/events';
import type { Publication } from '../entities/publication';

/** What a change of a publication was. */
export enum TypeChangementPublication {
  CREEE = 'CREEE',
  MODIFIEE = 'MODIFIEE',
}

/** What a publication event carries beside the columns every outbox has. */
export interface DonneesPublication {
  readonly clubId: string | null;
  readonly rencontreId: string | null;
  /** The région it left, when the change moved it (its `region` is the new one). */
  readonly regionPrecedente?: string | null;
  /** What the delta sync filters on (see correspondance), after the change. */
  readonly type: string;
  readonly collection: string | null;
  readonly thematiques: readonly string[];
  /** The same before the change, each only when the change altered it: a sync of the old values sees it leave. */
  readonly typePrecedent?: string;
  readonly collectionPrecedente?: string | null;
  readonly thematiquesPrecedentes?: readonly string[];
}

type Rattachement = Pick<Publication, 'id' | 'regionCode' | 'clubId' | 'rencontreId' | 'revision' | 'type' | 'collection' | 'thematiques'>;

const memesThematiques = (a: readonly string[], b: readonly string[]): boolean => [...a].sort().join() === [...b].sort().join();

/** The values a modification changed, as they were before it. */
function precedents(avant: Rattachement, apres: Rattachement): Partial<DonneesPublication> {
  return {
    ...(avant.regionCode !== apres.regionCode ? { regionPrecedente: avant.regionCode } : {}),
    ...(avant.type !== apres.type ? { typePrecedent: avant.type } : {}),
    ...(avant.collection !== apres.collection ? { collectionPrecedente: avant.collection } : {}),
    ...(memesThematiques(avant.thematiques, apres.thematiques) ? {} : { thematiquesPrecedentes: avant.thematiques }),
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
  type: TypeChangementPublication,
  avant: Rattachement | null,
  apres: Rattachement,
): Promise<void> {
  const donnees: DonneesPublication = {
    clubId: apres.clubId,
    rencontreId: apres.rencontreId,
    type: apres.type,
    collection: apres.collection,
    thematiques: apres.thematiques,
    ...(avant ? precedents(avant, apres) : {}),
  };
  await appendEvent(manager, {
    type,
    entite: 'Publication',
    entiteId: apres.id,
    region: apres.regionCode,
    revision: apres.revision,
    entites: [
      entityTag('Publication', apres.id),
      ...entityTags('Club', [avant?.clubId, apres.clubId]),
      ...entityTags('Region', [avant?.regionCode, apres.regionCode]),
      ...entityTags('Rencontre', [avant?.rencontreId, apres.rencontreId]),
    ],
    listes: [rootFieldTag('publications'), ...(avant ? [] : [rootFieldTag('publication')])],
    donnees,
  });
}
