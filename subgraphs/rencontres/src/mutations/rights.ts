import { forbidden, requireAuthenticated, requireWriteRegion, type Viewer } from '@federess/auth';

/**
 * Who may write registrations. In front of a write (no SQL), requireEditor (in the resolvers) and
 * inscriptionCollectivite refuse what a role can never do; once the rencontre is locked,
 * requireWriteRegion and requireInscriptionRight refuse what depends on its région or on the
 * registration's collectivité. The instance's own scope (OUT_OF_REGION) is checked before them.
 */

/**
 * In front of inscrire: an adherent registers people of its own collectivité (the token's, when the
 * input names none). Returns the collectivité the registration will carry.
 */
export function inscriptionCollectivite(viewer: Viewer, asked: string | null): string | null {
  requireAuthenticated(viewer, 'inscrire une personne');
  if (!viewer.isAdherent) return asked;
  if (asked === null) return viewer.collectivite;
  if (asked !== viewer.collectivite) {
    throw forbidden(`Un adhérent n'inscrit que les personnes de sa collectivité (${viewer.collectivite}), pas de ${asked}.`, {
      collectivite: asked,
    });
  }
  return asked;
}

/**
 * On the registration, once its rencontre is locked: the adherent of its collectivité, an editor
 * of the rencontre's région, or an admin.
 */
export function requireInscriptionRight(viewer: Viewer, action: string, regionCode: string | null, collectiviteId: string | null): void {
  if (viewer.isAdherent) {
    if (viewer.actsFor(collectiviteId)) return;
    throw forbidden(`Un adhérent ne peut ${action} que pour les personnes de sa collectivité (${viewer.collectivite}).`, {
      collectivite: collectiviteId,
    });
  }
  requireWriteRegion(viewer, action, regionCode);
}
