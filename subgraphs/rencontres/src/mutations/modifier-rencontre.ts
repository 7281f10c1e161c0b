import type { DataSource } from 'typeorm';
import { requireWriteRegion, type Viewer } from '@federess/auth';
import { badInput, conflict } from '@federess/server-kit';
import { assertWritableRegion, notCleared, type OwnerSubgraphs, parseUuid, requireKnownCollectivites } from '@federess/subgraph-kit';
import { FormatRencontre, StatutRencontre } from '../entities/enums';
import { Rencontre } from '../entities/rencontre';
import { SessionRencontre } from '../entities/session-rencontre';
import type { ModifierRencontreInput } from '../inputs/modifier-rencontre-input';
import {
  checkCapacite,
  checkDateLimite,
  checkDescriptiveFields,
  checkFormat,
  checkIntervenants,
  checkLienEnLigne,
  checkLieu,
  checkSessions,
  type CheckedLieu,
  type PlannedSession,
  singleSession,
} from '../inputs/validate-rencontre';
import { namedCollectivites } from './named-collectivites';
import { isComplete, openingChanged, type PlacesTaken, statutForPlaces } from './inscription-state';
import { ChangeKind, recordChange } from './record-change';
import { countInscrits, lockRencontre, replaceIntervenants, replaceSessions, spanOf } from './rencontre-writes';

const plannedSession = (s: SessionRencontre): PlannedSession => ({
  debut: s.debut,
  fin: s.fin,
  lieuNom: s.lieuNom,
  lieuAdresse: s.lieuAdresse,
  lieuCommuneId: s.lieuCommuneId,
  lienEnLigne: s.lienEnLigne,
});

const sameDates = (a: readonly PlannedSession[], b: readonly PlannedSession[]): boolean =>
  a.length === b.length && a.every((s, i) => s.debut.getTime() === b[i]!.debut.getTime() && s.fin.getTime() === b[i]!.fin.getTime());

const samePlaces = (a: readonly PlannedSession[], b: readonly PlannedSession[]): boolean =>
  a.length === b.length &&
  a.every(
    (s, i) =>
      s.lieuNom === b[i]!.lieuNom &&
      s.lieuAdresse === b[i]!.lieuAdresse &&
      s.lieuCommuneId === b[i]!.lieuCommuneId &&
      s.lienEnLigne === b[i]!.lienEnLigne,
  );

/** The sessions after the change: `sessions` replaces them, `debut`/`fin` move a single one, `lieu`/`lienEnLigne` apply to all. */
function sessionsAfter(current: readonly PlannedSession[], input: ModifierRencontreInput): PlannedSession[] {
  if (input.sessions === null) throw badInput('sessions : ne peut pas être null, donnez la liste des séances.', { champ: 'sessions' });
  if (input.debut === null || input.fin === null) {
    throw badInput('debut : debut et fin ne peuvent pas être effacés.', { champ: input.debut === null ? 'debut' : 'fin' });
  }
  const byDates = input.debut !== undefined || input.fin !== undefined;
  if (byDates && input.sessions !== undefined)
    throw badInput('sessions : donnez soit debut/fin, soit sessions, pas les deux.', { champ: 'sessions' });
  const first = current[0]!;
  if (input.sessions !== undefined) {
    const defaultLieu: CheckedLieu =
      input.lieu !== undefined
        ? checkLieu(input.lieu)
        : { lieuNom: first.lieuNom, lieuAdresse: first.lieuAdresse, lieuCommuneId: first.lieuCommuneId };
    const defaultLien = input.lienEnLigne !== undefined ? checkLienEnLigne(input.lienEnLigne) : first.lienEnLigne;
    return checkSessions(input.sessions, defaultLieu, defaultLien);
  }
  let sessions = [...current];
  if (byDates) {
    if (sessions.length > 1) {
      throw badInput(`sessions : cette rencontre a ${sessions.length} séances, donnez la liste sessions pour changer ses dates.`, {
        champ: 'sessions',
      });
    }
    sessions = [singleSession(input.debut ?? first.debut, input.fin ?? first.fin, first, first.lienEnLigne)];
  }
  if (input.lieu !== undefined) {
    const lieu = checkLieu(input.lieu);
    sessions = sessions.map((s) => ({ ...s, ...lieu }));
  }
  if (input.lienEnLigne !== undefined) {
    const lien = checkLienEnLigne(input.lienEnLigne);
    sessions = sessions.map((s) => ({ ...s, lienEnLigne: lien }));
  }
  return sessions;
}

const equal = (a: unknown, b: unknown): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : JSON.stringify(a) === JSON.stringify(b);

/**
 * modifierRencontre: a partial update in one transaction, on the locked row.
 * - the start moves → REPORTEE, with debutPrecedent = the former start;
 * - présentiel or hybride switched to distanciel → DEPLACEE_EN_LIGNE (REPORTEE wins when both happen);
 * - the capacity cannot drop under the confirmed registrations; it fills or reopens a rencontre, and
 *   the registration deadline closes or reopens its registration, whatever its status (the feed says
 *   COMPLETE, INSCRIPTIONS_FERMEES or INSCRIPTIONS_ROUVERTES);
 * - revision goes up on every significant change: dates, place or link, format, status, registration open or not.
 * A cancelled rencontre cannot be modified (CONFLICT). The collectivités the input names are asked
 * of their subgraph before the row is locked: no registration waits on that call.
 */
export async function modifierRencontre(
  dataSource: DataSource,
  scope: string | undefined,
  viewer: Viewer,
  id: string,
  input: ModifierRencontreInput,
  owners: OwnerSubgraphs,
): Promise<Rencontre> {
  const rencontreId = parseUuid(id, 'id', 'de rencontre');
  const format = notCleared(input.format, 'format');
  await requireKnownCollectivites(owners, namedCollectivites(input));
  return dataSource.transaction(async (manager) => {
    const r = await lockRencontre(manager, rencontreId);
    assertWritableRegion(scope, r.regionCode);
    requireWriteRegion(viewer, 'modifier cette rencontre', r.regionCode);
    if (r.statutEnregistre === StatutRencontre.ANNULEE) {
      throw conflict(`La rencontre « ${r.titre} » est annulée : elle ne peut plus être modifiée.`);
    }
    const current = (await manager.find(SessionRencontre, { where: { rencontreId }, order: { ordre: 'ASC' } })).map(plannedSession);
    const sessions = sessionsAfter(current, input);
    const nextFormat = format ?? r.format;
    const datesChanged = !sameDates(current, sessions);
    const placesChanged = !samePlaces(current, sessions);
    const formatChanged = nextFormat !== r.format;
    if (datesChanged || placesChanged || formatChanged) checkFormat(nextFormat, sessions);
    const { debut, fin } = spanOf(sessions);

    let statut: StatutRencontre = r.statutEnregistre;
    let debutPrecedent = r.debutPrecedent;
    if (debut.getTime() !== r.debut.getTime()) {
      statut = StatutRencontre.REPORTEE;
      debutPrecedent = r.debut;
    } else if (formatChanged && nextFormat === FormatRencontre.DISTANCIEL) {
      statut = StatutRencontre.DEPLACEE_EN_LIGNE;
    } else if (formatChanged && statut === StatutRencontre.DEPLACEE_EN_LIGNE) {
      statut = StatutRencontre.PROGRAMMEE;
    }

    const capacite = input.capacite !== undefined ? checkCapacite(input.capacite) : r.capacite;
    // Counted under the lock: whether the rencontre is full, before and after, is read from the places.
    const inscrits = await countInscrits(manager, rencontreId);
    if (capacite !== r.capacite && capacite !== null && capacite < inscrits) {
      throw conflict(`${inscrits} personnes sont déjà inscrites : la capacité ne peut pas descendre à ${capacite}.`);
    }
    statut = statutForPlaces(statut, isComplete({ capacite }, inscrits));
    const dateLimiteInscription = input.dateLimiteInscription !== undefined ? input.dateLimiteInscription : r.dateLimiteInscription;
    checkDateLimite(dateLimiteInscription, fin);

    const next: Rencontre = {
      ...r,
      ...checkDescriptiveFields(input, r),
      format: nextFormat,
      debut,
      fin,
      statutEnregistre: statut,
      debutPrecedent,
      capacite,
      dateLimiteInscription,
    };
    const intervenants = input.intervenants !== undefined ? checkIntervenants(input.intervenants) : undefined;
    const fields = Object.keys(next) as (keyof Rencontre)[];
    const contentChanged = fields.some((k) => !equal(r[k], next[k]));
    if (!contentChanged && !datesChanged && !placesChanged && intervenants === undefined) return r;

    const now = new Date();
    const places: PlacesTaken = { before: inscrits, after: inscrits };
    const significant =
      datesChanged || placesChanged || formatChanged || statut !== r.statutEnregistre || openingChanged(r, next, places, now);
    next.revision = r.revision + (significant ? 1 : 0);
    next.modifieLe = now;
    const { id: _id, ...columns } = next;
    await manager.update(Rencontre, { id: rencontreId }, columns);
    if (datesChanged || placesChanged) await replaceSessions(manager, rencontreId, sessions);
    if (intervenants !== undefined) await replaceIntervenants(manager, rencontreId, intervenants);
    await recordChange(manager, r, next, ChangeKind.RENCONTRE_MODIFIEE, places, now);
    return next;
  });
}
