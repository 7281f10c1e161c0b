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
}

type Rattachement = Pick<Publication, 'id' | 'regionCode' | 'clubId' | 'rencontreId' | 'revision'>;

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
  const deplacee = avant !== null && avant.regionCode !== apres.regionCode;
  const donnees: DonneesPublication = {
    clubId: apres.clubId,
    rencontreId: apres.rencontreId,
    ...(deplacee ? { regionPrecedente: avant.regionCode } : {}),
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
