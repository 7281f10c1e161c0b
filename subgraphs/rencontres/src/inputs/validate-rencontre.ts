import { badInput } from '@federess/server-kit';
import { FormatRencontre } from '../entities/enums';
import type { IntervenantInput, LieuInput, SessionRencontreInput } from './creer-rencontre-input';
import { parseCollectiviteId } from '../validation/ids';

export const LIMITES = {
  titre: 200,
  resume: 2_000,
  description: 20_000,
  nom: 200,
  adresse: 300,
  lien: 500,
  motif: 1_000,
  liste: 50,
  sessions: 50,
  capacite: 100_000,
} as const;

/** A required text: trimmed, not empty, bounded. */
export function texteRequis(value: string | null | undefined, champ: string, max: number): string {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) throw badInput(`${champ} est obligatoire.`, { champ });
  if (trimmed.length > max) throw badInput(`${champ} : ${max} caractères au plus.`, { champ });
  return trimmed;
}

/** An optional text: trimmed, empty becomes null, bounded. */
export function texteOptionnel(value: string | null | undefined, champ: string, max: number): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length > max) throw badInput(`${champ} : ${max} caractères au plus.`, { champ });
  return trimmed || null;
}

export function listeDeTextes(values: readonly string[] | null | undefined, champ: string): string[] {
  const list = (values ?? []).map((v) => texteRequis(v, champ, LIMITES.nom));
  if (list.length > LIMITES.liste) throw badInput(`${champ} : ${LIMITES.liste} éléments au plus.`, { champ });
  return [...new Set(list)];
}

export function lienEnLigne(value: string | null | undefined): string | null {
  const lien = texteOptionnel(value, 'lienEnLigne', LIMITES.lien);
  if (lien === null) return null;
  let url: URL;
  try {
    url = new URL(lien);
  } catch {
    throw badInput(`lienEnLigne : adresse web invalide : ${lien}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badInput('lienEnLigne : une adresse http(s) est attendue.');
  return lien;
}

export function email(value: string): string {
  const trimmed = texteRequis(value, 'email', 254).toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) throw badInput(`Adresse e-mail invalide : ${value}`);
  return trimmed;
}

export function capacite(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > LIMITES.capacite) {
    throw badInput(`capacite : un nombre de places entre 1 et ${LIMITES.capacite} est attendu (reçu ${value}).`);
  }
  return value;
}

export function nombreParticipants(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > LIMITES.capacite) {
    throw badInput(`nombreParticipants : un nombre entre 0 et ${LIMITES.capacite} est attendu (reçu ${value}).`);
  }
  return value;
}

/** A session as it will be written. */
export interface SessionPrevue {
  debut: Date;
  fin: Date;
  lieuNom: string | null;
  lieuAdresse: string | null;
  lieuCommuneId: string | null;
  lienEnLigne: string | null;
}

export interface LieuLu {
  lieuNom: string | null;
  lieuAdresse: string | null;
  lieuCommuneId: string | null;
}

export const SANS_LIEU: LieuLu = { lieuNom: null, lieuAdresse: null, lieuCommuneId: null };

export function lieu(value: LieuInput | null | undefined): LieuLu {
  if (!value) return SANS_LIEU;
  const communeId = value.communeId ? parseCollectiviteId(value.communeId, 'lieu.communeId') : null;
  if (communeId && !communeId.startsWith('COMMUNE:'))
    throw badInput(`lieu.communeId : une commune est attendue (COMMUNE:<insee>), reçu ${communeId}.`);
  return {
    lieuNom: texteRequis(value.nom, 'lieu.nom', LIMITES.nom),
    lieuAdresse: texteOptionnel(value.adresse, 'lieu.adresse', LIMITES.adresse),
    lieuCommuneId: communeId,
  };
}

function periode(debut: Date, fin: Date, champ: string): void {
  if (Number.isNaN(debut.getTime()) || Number.isNaN(fin.getTime())) throw badInput(`${champ} : date invalide.`);
  if (fin.getTime() <= debut.getTime()) {
    throw badInput(`${champ} : la fin (${fin.toISOString()}) doit être après le début (${debut.toISOString()}).`);
  }
}

/** A single session from `debut`/`fin`, with the rencontre's place and link. */
export function seanceUnique(debut: Date, fin: Date, place: LieuLu, lien: string | null): SessionPrevue {
  periode(debut, fin, 'debut/fin');
  return { debut, fin, lieuNom: place.lieuNom, lieuAdresse: place.lieuAdresse, lieuCommuneId: place.lieuCommuneId, lienEnLigne: lien };
}

/** Sessions from a list; each falls back on the rencontre's place and link. Sorted by start. */
export function seancesMultiples(
  sessions: readonly SessionRencontreInput[],
  placeParDefaut: LieuLu,
  lienParDefaut: string | null,
): SessionPrevue[] {
  if (sessions.length === 0) throw badInput('sessions : au moins une séance est attendue.');
  if (sessions.length > LIMITES.sessions) throw badInput(`sessions : ${LIMITES.sessions} séances au plus.`);
  return sessions
    .map((s, i) => {
      periode(s.debut, s.fin, `sessions[${i}]`);
      const place = s.lieu ? lieu(s.lieu) : placeParDefaut;
      const lien = s.lienEnLigne !== undefined && s.lienEnLigne !== null ? lienEnLigne(s.lienEnLigne) : lienParDefaut;
      return seanceUnique(s.debut, s.fin, place, lien);
    })
    .sort((a, b) => a.debut.getTime() - b.debut.getTime());
}

/** A présentiel session needs a place, a distanciel one a link, a hybride one both. */
export function verifierFormat(format: FormatRencontre, sessions: readonly SessionPrevue[]): void {
  sessions.forEach((s, i) => {
    const where = sessions.length > 1 ? ` (séance ${i + 1})` : '';
    if (format !== FormatRencontre.DISTANCIEL && !s.lieuNom) {
      throw badInput(`Une rencontre ${format === FormatRencontre.HYBRIDE ? 'hybride' : 'en présentiel'} doit avoir un lieu${where}.`);
    }
    if (format !== FormatRencontre.PRESENTIEL && !s.lienEnLigne) {
      throw badInput(
        `Une rencontre ${format === FormatRencontre.HYBRIDE ? 'hybride' : 'en distanciel'} doit avoir un lienEnLigne${where}.`,
      );
    }
  });
}

export function verifierDateLimite(dateLimite: Date | null, fin: Date): void {
  if (dateLimite && dateLimite.getTime() > fin.getTime()) {
    throw badInput('dateLimiteInscription doit précéder la fin de la rencontre.');
  }
}

export interface IntervenantPrevu {
  nom: string;
  role: string | null;
  organisation: string | null;
  collectiviteId: string | null;
}

export function intervenants(values: readonly IntervenantInput[] | null | undefined): IntervenantPrevu[] {
  const list = values ?? [];
  if (list.length > LIMITES.liste) throw badInput(`intervenants : ${LIMITES.liste} au plus.`);
  return list.map((v) => ({
    nom: texteRequis(v.nom, 'intervenants.nom', LIMITES.nom),
    role: texteOptionnel(v.role, 'intervenants.role', LIMITES.nom),
    organisation: texteOptionnel(v.organisation, 'intervenants.organisation', LIMITES.nom),
    collectiviteId: v.collectiviteId ? parseCollectiviteId(v.collectiviteId, 'intervenants.collectiviteId') : null,
  }));
}

export function auMoinsUne<T>(values: readonly T[] | null | undefined, champ: string): T[] {
  const unique = [...new Set(values ?? [])];
  if (unique.length === 0) throw badInput(`${champ} : au moins une valeur est attendue.`);
  return unique;
}
