import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { requireWriteRegion, type Viewer } from '@federess/auth';
import { badInput } from '@federess/server-kit';
import { assertWritableRegion, type OwnerSubgraphs, parseKnownClubId, requireKnownCollectivites } from '@federess/subgraph-kit';
import { PARIS_TIME_ZONE } from '@federess/vocabulaire';
import { StatutRencontre } from '../entities/enums';
import { Rencontre } from '../entities/rencontre';
import type { CreerRencontreInput } from '../inputs/creer-rencontre-input';
import {
  checkCapacite,
  checkDateLimite,
  checkDescriptiveFields,
  checkFormat,
  checkIntervenants,
  checkLienEnLigne,
  checkLieu,
  checkSessions,
  NEW_RENCONTRE,
  type PlannedSession,
  singleSession,
} from '../inputs/validate-rencontre';
import { namedCollectivites } from './named-collectivites';
import { ChangeKind, recordChange } from './record-change';
import { replaceIntervenants, replaceSessions, spanOf } from './rencontre-writes';

/** The sessions of a new rencontre: `debut`/`fin` for one, or `sessions` for several, never both. */
function plannedSessions(input: CreerRencontreInput): PlannedSession[] {
  const byDates = input.debut != null || input.fin != null;
  const bySessions = input.sessions != null;
  if (byDates === bySessions) {
    throw badInput('sessions : donnez soit debut et fin (une séance), soit sessions (plusieurs séances), et pas les deux.', {
      champ: 'sessions',
    });
  }
  const lieu = checkLieu(input.lieu);
  const lien = checkLienEnLigne(input.lienEnLigne);
  if (input.sessions) return checkSessions(input.sessions, lieu, lien);
  if (!input.debut || !input.fin) throw badInput('debut : debut et fin sont attendus ensemble.', { champ: input.debut ? 'fin' : 'debut' });
  return [singleSession(input.debut, input.fin, lieu, lien)];
}

/** Checks the whole input before the transaction opens: a refused creation writes nothing. */
function prepare(input: CreerRencontreInput, scope: string | undefined, viewer: Viewer) {
  const { id: clubId, regionCode } = parseKnownClubId(input.clubId, 'clubId');
  assertWritableRegion(scope, regionCode);
  requireWriteRegion(viewer, 'programmer une rencontre', regionCode);

  const sessions = plannedSessions(input);
  checkFormat(input.format, sessions);
  const { debut, fin } = spanOf(sessions);
  const dateLimiteInscription = input.dateLimiteInscription ?? null;
  checkDateLimite(dateLimiteInscription, fin);

  const now = new Date();
  const rencontre: Rencontre = {
    id: randomUUID(),
    // At creation a null type, public or annuairePartage is none given: the default.
    ...checkDescriptiveFields(
      {
        ...input,
        type: input.type ?? undefined,
        public: input.public?.length ? input.public : undefined,
        annuairePartage: input.annuairePartage ?? undefined,
      },
      NEW_RENCONTRE,
    ),
    format: input.format,
    debut,
    fin,
    fuseauHoraire: PARIS_TIME_ZONE,
    statutEnregistre: StatutRencontre.PROGRAMMEE,
    debutPrecedent: null,
    motifAnnulation: null,
    capacite: checkCapacite(input.capacite),
    dateLimiteInscription,
    revision: 1,
    regionCode,
    clubId,
    creeLe: now,
    modifieLe: now,
  };
  return { rencontre, sessions, intervenants: checkIntervenants(input.intervenants) };
}

/**
 * creerRencontre: the rencontre, its sessions and intervenants, in one transaction, once the
 * collectivités it names (its places' communes, its intervenants') are known to their subgraph.
 */
export async function creerRencontre(
  dataSource: DataSource,
  scope: string | undefined,
  viewer: Viewer,
  input: CreerRencontreInput,
  owners: OwnerSubgraphs,
): Promise<Rencontre> {
  const { rencontre, sessions, intervenants } = prepare(input, scope, viewer);
  await requireKnownCollectivites(owners, namedCollectivites(input));
  return dataSource.transaction(async (manager) => {
    await manager.insert(Rencontre, rencontre);
    await replaceSessions(manager, rencontre.id, sessions);
    await replaceIntervenants(manager, rencontre.id, intervenants);
    await recordChange(manager, null, rencontre, ChangeKind.RENCONTRE_CREEE, null);
    return rencontre;
  });
}
