import type { EntityManager } from 'typeorm';
import { appendEvent, entityTag, entityTags, rootFieldTag } from '@federess/events';
import type { Publication } from '../entities/publication';

/** What a change of a publication was. */
export enum PublicationChangeKind {
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

type Placement = Pick<Publication, 'id' | 'regionCode' | 'clubId' | 'rencontreId' | 'revision'>;

/**
 * Writes the event of a change of a publication in its transaction, as its last write (see
 * appendEvent): one per change, in id order, with the publication's id, région and revision after it.
 * It names what the change may alter in this subgraph: the publication, and, before and after the
 * change, the club, région and rencontre that list it (`Club.publications`, `Region.publications`,
 * `Rencontre.ressources`); the list `Query.publications`; and for a creation `Query.publication`.
 */
export async function recordPublicationChange(
  manager: EntityManager,
  type: PublicationChangeKind,
  before: Placement | null,
  after: Placement,
): Promise<void> {
  const moved = before !== null && before.regionCode !== after.regionCode;
  const data: DonneesPublication = {
    clubId: after.clubId,
    rencontreId: after.rencontreId,
    ...(moved ? { regionPrecedente: before.regionCode } : {}),
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
