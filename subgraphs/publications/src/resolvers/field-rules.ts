import type { Viewer } from '@federess/auth';
import type { Publication } from '../entities/publication';
import { AccesPublication } from '../entities/enums';

/**
 * Whether the viewer may open a publication's document (file or link). Public ones: everyone.
 * Members-only ones (ADHERENTS): adherents, editors of the publication's région, admins; their
 * metadata (title, date, thématiques, …) stays visible to everyone.
 */
export function documentVisible(viewer: Viewer, publication: Pick<Publication, 'acces' | 'regionCode'>): boolean {
  return publication.acces !== AccesPublication.ADHERENTS || viewer.canReadMembersOnly(publication.regionCode);
}
