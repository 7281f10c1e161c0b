import { authenticationRequired, forbidden } from './errors';
import { EDITOR_ROLES, Role } from './roles';
import type { Viewer } from './viewer';

/**
 * The checks in front of writes. Anonymous callers get UNAUTHENTICATED (a token would help);
 * authenticated callers without the right get FORBIDDEN (another token would be needed).
 */

const NOMS: Record<Role, string> = {
  [Role.ADMIN]: 'administrateur national',
  [Role.EDITEUR]: 'éditeur régional',
  [Role.ADHERENT]: 'adhérent',
};

export function requireAuthenticated(viewer: Viewer, action: string): void {
  if (!viewer.isAuthenticated) {
    throw authenticationRequired(`Authentification requise pour ${action} : envoyez un jeton (Authorization: Bearer …).`);
  }
  // Every write goes through here: a calendar feed's token reads, and never writes.
  if (viewer.readOnly) throw forbidden(`Un jeton d'agenda ne permet que de lire un agenda, pas de ${action}.`, { raison: 'JETON_AGENDA' });
}

/** Refuses before any work when the role can never do this action. */
export function requireRole(viewer: Viewer, action: string, roles: readonly Role[]): void {
  requireAuthenticated(viewer, action);
  if (!roles.includes(viewer.role!)) {
    throw forbidden(`Un ${NOMS[viewer.role!]} ne peut pas ${action} (réservé à : ${roles.map((r) => NOMS[r]).join(', ')}).`, {
      role: viewer.role,
    });
  }
}

/** In front of every write of clubs, rencontres and publications: an admin or an editor (the région is checked on the data). */
export function requireEditor(viewer: Viewer, action: string): void {
  requireRole(viewer, action, EDITOR_ROLES);
}

export function requireAdmin(viewer: Viewer, action: string): void {
  requireRole(viewer, action, [Role.ADMIN]);
}

/** Writing data of a région (null: national data) takes an admin or an editor of that région. */
export function requireWriteRegion(viewer: Viewer, action: string, region: string | null): void {
  requireAuthenticated(viewer, action);
  if (viewer.canWriteRegion(region)) return;
  const where = region === null ? 'les données nationales (réservées aux administrateurs)' : `la région ${region}`;
  const yours = viewer.isEditor ? ` ; votre jeton couvre : ${viewer.regions.join(', ')}` : '';
  throw forbidden(`Droits insuffisants pour ${action} : ${where}${yours}.`, { region, role: viewer.role });
}
