import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { badInput } from '@federess/server-kit';
import { regionOfClubId } from '@federess/vocabulaire';
import { PublicCible, StatutRencontre, TypeRencontre } from '../entities/enums';
import { Rencontre } from '../entities/rencontre';
import type { CreerRencontreInput } from '../inputs/creer-rencontre-input';
import { FUSEAU_HORAIRE } from '@federess/vocabulaire';
import { parseUuid } from '../validation/ids';
import type { Viewer } from '@federess/auth';
import { exigerEcritureRencontre } from './rights';
import { assertEcrivable, bornes, remplacerIntervenants, remplacerSessions } from './rencontre-writes';
import { recordChange, TypeChangement } from './record-change';
import * as v from '../inputs/validate-rencontre';

/** Checks the whole input before the transaction opens: a refused creation writes nothing. */
function preparer(input: CreerRencontreInput, scope: string | undefined, viewer: Viewer) {
  const clubId = parseUuid(input.clubId, 'clubId');
  const regionCode = regionOfClubId(clubId);
  if (!regionCode) throw badInput(`Club inconnu : ${input.clubId}. Chaque région a un club ; voir la requête clubs du sous-graphe clubs.`);
  assertEcrivable(scope, regionCode);
  exigerEcritureRencontre(viewer, 'programmer une rencontre', regionCode);

  const parDates = input.debut != null || input.fin != null;
  const parSessions = input.sessions != null;
  if (parDates === parSessions) {
    throw badInput('Donnez soit debut et fin (une séance), soit sessions (plusieurs séances), et pas les deux.');
  }
  const place = v.lieu(input.lieu);
  const lien = v.lienEnLigne(input.lienEnLigne);
  let sessions: v.SessionPrevue[];
  if (parDates) {
    if (!input.debut || !input.fin) throw badInput('debut et fin sont attendus ensemble.');
    sessions = [v.seanceUnique(input.debut, input.fin, place, lien)];
  } else {
    sessions = v.seancesMultiples(input.sessions!, place, lien);
  }
  v.verifierFormat(input.format, sessions);
  const { debut, fin } = bornes(sessions);
  const dateLimiteInscription = input.dateLimiteInscription ?? null;
  v.verifierDateLimite(dateLimiteInscription, fin);

  const now = new Date();
  const rencontre: Rencontre = {
    id: randomUUID(),
    titre: v.texteRequis(input.titre, 'titre', v.LIMITES.titre),
    resume: v.texteOptionnel(input.resume, 'resume', v.LIMITES.resume),
    description: v.texteOptionnel(input.description, 'description', v.LIMITES.description),
    type: input.type ?? TypeRencontre.RENCONTRE_CLUB,
    thematiques: v.auMoinsUne(input.thematiques, 'thematiques'),
    format: input.format,
    debut,
    fin,
    fuseauHoraire: FUSEAU_HORAIRE,
    publicCible: input.public?.length ? [...new Set(input.public)] : [PublicCible.ELUS, PublicCible.AGENTS],
    organisateurs: v.listeDeTextes(input.organisateurs, 'organisateurs'),
    partenaires: v.listeDeTextes(input.partenaires, 'partenaires'),
    statutEnregistre: StatutRencontre.PROGRAMMEE,
    debutPrecedent: null,
    motifAnnulation: null,
    capacite: v.capacite(input.capacite),
    dateLimiteInscription,
    nombreParticipants: null,
    annuairePartage: input.annuairePartage ?? false,
    revision: 1,
    regionCode,
    clubId,
    creeLe: now,
    modifieLe: now,
  };
  return { rencontre, sessions, intervenants: v.intervenants(input.intervenants) };
}

/** creerRencontre: the rencontre, its sessions and intervenants, in one transaction. */
export async function creerRencontre(
  dataSource: DataSource,
  scope: string | undefined,
  viewer: Viewer,
  input: CreerRencontreInput,
): Promise<Rencontre> {
  const { rencontre, sessions, intervenants } = preparer(input, scope, viewer);
  return dataSource.transaction(async (manager) => {
    await manager.insert(Rencontre, rencontre);
    await remplacerSessions(manager, rencontre.id, sessions);
    await remplacerIntervenants(manager, rencontre.id, intervenants);
    await recordChange(manager, null, rencontre, TypeChangement.RENCONTRE_CREEE, null);
    return rencontre;
  });
}
