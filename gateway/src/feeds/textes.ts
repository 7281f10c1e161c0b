import type { Format, RencontreDuFlux, SessionDuFlux, Statut } from './rencontre-data';

/** How the feeds and pages say a rencontre's format and status (the graph's enums carry no such labels). */
export const FORMAT_LIBELLES: Readonly<Record<Format, string>> = {
  PRESENTIEL: 'En présentiel',
  DISTANCIEL: 'En ligne',
  HYBRIDE: 'En présentiel et en ligne',
};

export const STATUT_LIBELLES: Readonly<Record<Statut, string>> = {
  PROGRAMMEE: 'Programmée',
  REPORTEE: 'Reportée',
  DEPLACEE_EN_LIGNE: 'Passée en ligne',
  COMPLETE: 'Complète',
  ANNULEE: 'Annulée',
  PASSEE: 'Terminée',
};

/** Where a session takes place, in words: its place and address, or « En ligne ». */
export function lieuEnClair(session: SessionDuFlux): string {
  if (!session.lieu) return 'En ligne';
  const commune = session.lieu.commune?.nom;
  return [session.lieu.nom, session.lieu.adresse, commune && commune !== session.lieu.nom ? commune : null].filter(Boolean).join(', ');
}

/** « Marie Curie (maire, Ville de Lyon) ». */
export function intervenantsEnClair(rencontre: RencontreDuFlux): string[] {
  return rencontre.intervenants.map((i) => {
    const precisions = [i.role, i.organisation ?? i.collectivite?.nom].filter(Boolean);
    return precisions.length ? `${i.nom} (${precisions.join(', ')})` : i.nom;
  });
}

/** Who organises it: its club, else the organisations named. */
export const organisateurEnClair = (rencontre: RencontreDuFlux): string | null => rencontre.club?.nom ?? rencontre.organisateurs[0] ?? null;
