import type { DataSource } from 'typeorm';
import { badInput, conflict } from '@federess/server-kit';
import { FormatRencontre, StatutRencontre } from '../entities/enums';
import { Rencontre } from '../entities/rencontre';
import { SessionRencontre } from '../entities/session-rencontre';
import type { ModifierRencontreInput } from '../inputs/modifier-rencontre-input';
import { parseUuid } from '../validation/ids';
import type { Viewer } from '@federess/auth';
import { exigerEcritureRencontre } from './rights';
import { estComplete, type Inscrits, ouvertureChange, statutSelonPlaces } from './inscription-state';
import {
  assertEcrivable,
  bornes,
  compterInscrits,
  remplacerIntervenants,
  remplacerSessions,
  verrouillerRencontre,
} from './rencontre-writes';
import { recordChange, TypeChangement } from './record-change';
import * as v from '../inputs/validate-rencontre';

/** A field GraphQL may send as null that has no meaning cleared. */
function pasNull<T>(value: T | null | undefined, champ: string): T | undefined {
  if (value === null) throw badInput(`${champ} ne peut pas être effacé (null).`);
  return value;
}

const sessionPrevue = (s: SessionRencontre): v.SessionPrevue => ({
  debut: s.debut,
  fin: s.fin,
  lieuNom: s.lieuNom,
  lieuAdresse: s.lieuAdresse,
  lieuCommuneId: s.lieuCommuneId,
  lienEnLigne: s.lienEnLigne,
});

const memesDates = (a: readonly v.SessionPrevue[], b: readonly v.SessionPrevue[]): boolean =>
  a.length === b.length && a.every((s, i) => s.debut.getTime() === b[i]!.debut.getTime() && s.fin.getTime() === b[i]!.fin.getTime());

const memesLieux = (a: readonly v.SessionPrevue[], b: readonly v.SessionPrevue[]): boolean =>
  a.length === b.length &&
  a.every(
    (s, i) =>
      s.lieuNom === b[i]!.lieuNom &&
      s.lieuAdresse === b[i]!.lieuAdresse &&
      s.lieuCommuneId === b[i]!.lieuCommuneId &&
      s.lienEnLigne === b[i]!.lienEnLigne,
  );

/** The sessions after the change: `sessions` replaces them, `debut`/`fin` move a single one, `lieu`/`lienEnLigne` apply to all. */
function nouvellesSessions(actuelles: readonly v.SessionPrevue[], input: ModifierRencontreInput): v.SessionPrevue[] {
  if (input.sessions === null) throw badInput('sessions ne peut pas être null : donnez la liste des séances.');
  if (input.debut === null || input.fin === null) throw badInput('debut et fin ne peuvent pas être effacés.');
  const parDates = input.debut !== undefined || input.fin !== undefined;
  if (parDates && input.sessions !== undefined) throw badInput('Donnez soit debut/fin, soit sessions, pas les deux.');
  const premiere = actuelles[0]!;
  if (input.sessions !== undefined) {
    const placeParDefaut: v.LieuLu =
      input.lieu !== undefined
        ? v.lieu(input.lieu)
        : { lieuNom: premiere.lieuNom, lieuAdresse: premiere.lieuAdresse, lieuCommuneId: premiere.lieuCommuneId };
    const lienParDefaut = input.lienEnLigne !== undefined ? v.lienEnLigne(input.lienEnLigne) : premiere.lienEnLigne;
    return v.seancesMultiples(input.sessions, placeParDefaut, lienParDefaut);
  }
  let sessions = [...actuelles];
  if (parDates) {
    if (sessions.length > 1) {
      throw badInput(`Cette rencontre a ${sessions.length} séances : donnez la liste sessions pour changer ses dates.`);
    }
    sessions = [v.seanceUnique(input.debut ?? premiere.debut, input.fin ?? premiere.fin, premiere, premiere.lienEnLigne)];
  }
  if (input.lieu !== undefined) {
    const place = v.lieu(input.lieu);
    sessions = sessions.map((s) => ({ ...s, ...place }));
  }
  if (input.lienEnLigne !== undefined) {
    const lien = v.lienEnLigne(input.lienEnLigne);
    sessions = sessions.map((s) => ({ ...s, lienEnLigne: lien }));
  }
  return sessions;
}

/** The descriptive fields after the change (no status, dates or capacity logic here). */
function nouveauContenu(r: Rencontre, input: ModifierRencontreInput): Partial<Rencontre> {
  const titre = pasNull(input.titre, 'titre');
  const type = pasNull(input.type, 'type');
  const thematiques = pasNull(input.thematiques, 'thematiques');
  const publicCible = pasNull(input.public, 'public');
  const annuairePartage = pasNull(input.annuairePartage, 'annuairePartage');
  return {
    titre: titre !== undefined ? v.texteRequis(titre, 'titre', v.LIMITES.titre) : r.titre,
    resume: input.resume !== undefined ? v.texteOptionnel(input.resume, 'resume', v.LIMITES.resume) : r.resume,
    description:
      input.description !== undefined ? v.texteOptionnel(input.description, 'description', v.LIMITES.description) : r.description,
    type: type ?? r.type,
    thematiques: thematiques !== undefined ? v.auMoinsUne(thematiques, 'thematiques') : r.thematiques,
    publicCible: publicCible !== undefined ? v.auMoinsUne(publicCible, 'public') : r.publicCible,
    organisateurs: input.organisateurs !== undefined ? v.listeDeTextes(input.organisateurs, 'organisateurs') : r.organisateurs,
    partenaires: input.partenaires !== undefined ? v.listeDeTextes(input.partenaires, 'partenaires') : r.partenaires,
    nombreParticipants: input.nombreParticipants !== undefined ? v.nombreParticipants(input.nombreParticipants) : r.nombreParticipants,
    annuairePartage: annuairePartage ?? r.annuairePartage,
  };
}

const egal = (a: unknown, b: unknown): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : JSON.stringify(a) === JSON.stringify(b);

/**
 * modifierRencontre: a partial update in one transaction, on the locked row.
 * - the start moves → REPORTEE, with debutPrecedent = the former start;
 * - présentiel or hybride switched to distanciel → DEPLACEE_EN_LIGNE (REPORTEE wins when both happen);
 * - the capacity cannot drop under the confirmed registrations; it fills or reopens a rencontre, and
 *   the registration deadline closes or reopens its registration, whatever its status (the feed says
 *   COMPLETE, INSCRIPTIONS_FERMEES or INSCRIPTIONS_ROUVERTES);
 * - revision goes up on every significant change: dates, place or link, format, status, registration open or not.
 * A cancelled rencontre cannot be modified (CONFLICT).
 */
export async function modifierRencontre(
  dataSource: DataSource,
  scope: string | undefined,
  viewer: Viewer,
  id: string,
  input: ModifierRencontreInput,
): Promise<Rencontre> {
  const rencontreId = parseUuid(id, 'id');
  const format = pasNull(input.format, 'format');
  return dataSource.transaction(async (manager) => {
    const r = await verrouillerRencontre(manager, rencontreId);
    assertEcrivable(scope, r.regionCode);
    exigerEcritureRencontre(viewer, 'modifier cette rencontre', r.regionCode);
    if (r.statutEnregistre === StatutRencontre.ANNULEE) {
      throw conflict(`La rencontre « ${r.titre} » est annulée : elle ne peut plus être modifiée.`);
    }
    const actuelles = (await manager.find(SessionRencontre, { where: { rencontreId }, order: { ordre: 'ASC' } })).map(sessionPrevue);
    const sessions = nouvellesSessions(actuelles, input);
    const nouveauFormat = format ?? r.format;
    const datesChangees = !memesDates(actuelles, sessions);
    const lieuxChanges = !memesLieux(actuelles, sessions);
    const formatChange = nouveauFormat !== r.format;
    if (datesChangees || lieuxChanges || formatChange) v.verifierFormat(nouveauFormat, sessions);
    const { debut, fin } = bornes(sessions);

    let statut: StatutRencontre = r.statutEnregistre;
    let debutPrecedent = r.debutPrecedent;
    if (debut.getTime() !== r.debut.getTime()) {
      statut = StatutRencontre.REPORTEE;
      debutPrecedent = r.debut;
    } else if (formatChange && nouveauFormat === FormatRencontre.DISTANCIEL) {
      statut = StatutRencontre.DEPLACEE_EN_LIGNE;
    } else if (formatChange && statut === StatutRencontre.DEPLACEE_EN_LIGNE) {
      statut = StatutRencontre.PROGRAMMEE;
    }

    const capacite = input.capacite !== undefined ? v.capacite(input.capacite) : r.capacite;
    // Counted under the lock: whether the rencontre is full, before and after, is read from the places.
    const inscrits = await compterInscrits(manager, rencontreId);
    if (capacite !== r.capacite && capacite !== null && capacite < inscrits) {
      throw conflict(`${inscrits} personnes sont déjà inscrites : la capacité ne peut pas descendre à ${capacite}.`);
    }
    statut = statutSelonPlaces(statut, estComplete({ capacite }, inscrits));
    const dateLimiteInscription = input.dateLimiteInscription !== undefined ? input.dateLimiteInscription : r.dateLimiteInscription;
    v.verifierDateLimite(dateLimiteInscription, fin);

    const suivante: Rencontre = {
      ...r,
      ...nouveauContenu(r, input),
      format: nouveauFormat,
      debut,
      fin,
      statutEnregistre: statut,
      debutPrecedent,
      capacite,
      dateLimiteInscription,
    };
    const intervenants = input.intervenants !== undefined ? v.intervenants(input.intervenants) : undefined;
    const champs = Object.keys(suivante) as (keyof Rencontre)[];
    const contenuChange = champs.some((k) => !egal(r[k], suivante[k]));
    if (!contenuChange && !datesChangees && !lieuxChanges && intervenants === undefined) return r;

    const now = new Date();
    const places: Inscrits = { avant: inscrits, apres: inscrits };
    const significatif =
      datesChangees || lieuxChanges || formatChange || statut !== r.statutEnregistre || ouvertureChange(r, suivante, places, now);
    suivante.revision = r.revision + (significatif ? 1 : 0);
    suivante.modifieLe = now;
    const { id: _id, ...colonnes } = suivante;
    await manager.update(Rencontre, { id: rencontreId }, colonnes);
    if (datesChangees || lieuxChanges) await remplacerSessions(manager, rencontreId, sessions);
    if (intervenants !== undefined) await remplacerIntervenants(manager, rencontreId, intervenants);
    await recordChange(manager, r, suivante, TypeChangement.RENCONTRE_MODIFIEE, places, now);
    return suivante;
  });
}
