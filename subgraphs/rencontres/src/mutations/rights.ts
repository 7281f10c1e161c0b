import { forbidden, requireAuthenticated, requireRole, requireWriteRegion, Role, type Viewer } from '@federess/auth';

/**
 * Who may write rencontres and registrations. The checks in front (no SQL) refuse what a role can
 * never do; the checks on the locked row refuse what depends on the rencontre's région or on the
 * registration's collectivité. The instance's own scope (OUT_OF_REGION) is checked before them.
 */

export const EDITEURS = [Role.ADMIN, Role.EDITEUR] as const;

/** In front of creerRencontre, modifierRencontre, annulerRencontre. */
export function exigerEditeur(viewer: Viewer, action: string): void {
  requireRole(viewer, action, EDITEURS);
}

/** On the rencontre: an editor of its région, or an admin (national rencontres: admins only). */
export function exigerEcritureRencontre(viewer: Viewer, action: string, regionCode: string | null): void {
  requireWriteRegion(viewer, action, regionCode);
}

/**
 * In front of inscrire: an adherent registers people of its own collectivité (the token's, when the
 * input names none). Returns the collectivité the registration will carry.
 */
export function collectiviteInscrite(viewer: Viewer, demandee: string | null): string | null {
  requireAuthenticated(viewer, 'inscrire une personne');
  if (!viewer.isAdherent) return demandee;
  if (demandee === null) return viewer.collectivite;
  if (demandee !== viewer.collectivite) {
    throw forbidden(`Un adhérent n'inscrit que les personnes de sa collectivité (${viewer.collectivite}), pas de ${demandee}.`, {
      collectivite: demandee,
    });
  }
  return demandee;
}

/**
 * On the registration, once its rencontre is locked: the adherent of its collectivité, an editor
 * of the rencontre's région, or an admin.
 */
export function exigerDroitInscription(viewer: Viewer, action: string, regionCode: string | null, collectiviteId: string | null): void {
  if (viewer.isAdherent) {
    if (viewer.actsFor(collectiviteId)) return;
    throw forbidden(`Un adhérent ne peut ${action} que pour les personnes de sa collectivité (${viewer.collectivite}).`, {
      collectivite: collectiviteId,
    });
  }
  requireWriteRegion(viewer, action, regionCode);
}
