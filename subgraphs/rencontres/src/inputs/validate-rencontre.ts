import { badInput } from '@federess/server-kit';
import { boundedInt, boundedList, httpUrl, notCleared, optionalText, parseCollectiviteId, requiredText } from '@federess/subgraph-kit';
import { FormatRencontre, PublicCible, TypeRencontre } from '../entities/enums';
import type { Rencontre } from '../entities/rencontre';
import type { IntervenantInput, LieuInput, SessionRencontreInput } from './creer-rencontre-input';
import type { ModifierRencontreInput } from './modifier-rencontre-input';

export const LIMITS = {
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

/** A list of names (organisateurs, partenaires): each a required text, without repeats; none is empty. */
export function textList(values: readonly string[] | null | undefined, champ: string): string[] {
  return boundedList(
    (values ?? []).map((value, i) => requiredText(value, `${champ}[${i}]`, LIMITS.nom)),
    champ,
    LIMITS.liste,
  );
}

/** A list that must hold a value (thématiques, public), without repeats. */
export function atLeastOne<T>(values: readonly T[] | null | undefined, champ: string): T[] {
  const distinct = boundedList(values ?? [], champ, LIMITS.liste);
  if (distinct.length === 0) throw badInput(`${champ} : au moins une valeur est attendue.`, { champ });
  return distinct;
}

export const checkLienEnLigne = (value: string | null | undefined, champ = 'lienEnLigne'): string | null =>
  httpUrl(value, champ, LIMITS.lien);

export const checkCapacite = (value: number | null | undefined): number | null => boundedInt(value, 'capacite', 1, LIMITS.capacite);

/** The descriptive fields of a rencontre: what creerRencontre and modifierRencontre write alike, with no rule of dates, status or places. */
export type DescriptiveFields = Pick<
  Rencontre,
  | 'titre'
  | 'resume'
  | 'description'
  | 'type'
  | 'thematiques'
  | 'publicCible'
  | 'organisateurs'
  | 'partenaires'
  | 'nombreParticipants'
  | 'annuairePartage'
>;

type DescriptiveInput = Pick<
  ModifierRencontreInput,
  | 'titre'
  | 'resume'
  | 'description'
  | 'type'
  | 'thematiques'
  | 'public'
  | 'organisateurs'
  | 'partenaires'
  | 'nombreParticipants'
  | 'annuairePartage'
>;

/** What a new rencontre holds where its input says nothing. */
export const NEW_RENCONTRE: DescriptiveFields = {
  titre: '',
  resume: null,
  description: null,
  type: TypeRencontre.RENCONTRE_CLUB,
  thematiques: [],
  publicCible: [PublicCible.ELUS, PublicCible.AGENTS],
  organisateurs: [],
  partenaires: [],
  nombreParticipants: null,
  annuairePartage: false,
};

/**
 * The descriptive fields once `input` applies to `current` (NEW_RENCONTRE for a creation): a field
 * left out keeps its value, null clears an optional one and is refused for the others.
 */
export function checkDescriptiveFields(input: DescriptiveInput, current: DescriptiveFields): DescriptiveFields {
  const titre = notCleared(input.titre, 'titre');
  const type = notCleared(input.type, 'type');
  const thematiques = notCleared(input.thematiques, 'thematiques');
  const publicCible = notCleared(input.public, 'public');
  const annuairePartage = notCleared(input.annuairePartage, 'annuairePartage');
  return {
    titre: titre !== undefined ? requiredText(titre, 'titre', LIMITS.titre) : current.titre,
    resume: input.resume !== undefined ? optionalText(input.resume, 'resume', LIMITS.resume) : current.resume,
    description: input.description !== undefined ? optionalText(input.description, 'description', LIMITS.description) : current.description,
    type: type ?? current.type,
    thematiques: thematiques !== undefined ? atLeastOne(thematiques, 'thematiques') : current.thematiques,
    publicCible: publicCible !== undefined ? atLeastOne(publicCible, 'public') : current.publicCible,
    organisateurs: input.organisateurs !== undefined ? textList(input.organisateurs, 'organisateurs') : current.organisateurs,
    partenaires: input.partenaires !== undefined ? textList(input.partenaires, 'partenaires') : current.partenaires,
    nombreParticipants:
      input.nombreParticipants !== undefined
        ? boundedInt(input.nombreParticipants, 'nombreParticipants', 0, LIMITS.capacite)
        : current.nombreParticipants,
    annuairePartage: annuairePartage ?? current.annuairePartage,
  };
}

/** A session as it will be written. */
export interface PlannedSession {
  debut: Date;
  fin: Date;
  lieuNom: string | null;
  lieuAdresse: string | null;
  lieuCommuneId: string | null;
  lienEnLigne: string | null;
}

export type CheckedLieu = Pick<PlannedSession, 'lieuNom' | 'lieuAdresse' | 'lieuCommuneId'>;

export const NO_LIEU: CheckedLieu = { lieuNom: null, lieuAdresse: null, lieuCommuneId: null };

export function checkLieu(value: LieuInput | null | undefined, champ = 'lieu'): CheckedLieu {
  if (!value) return NO_LIEU;
  const communeId = value.communeId ? parseCollectiviteId(value.communeId, `${champ}.communeId`) : null;
  if (communeId && !communeId.startsWith('COMMUNE:')) {
    throw badInput(`${champ}.communeId : une commune est attendue (COMMUNE:<insee>), reçu ${communeId}.`, { champ: `${champ}.communeId` });
  }
  return {
    lieuNom: requiredText(value.nom, `${champ}.nom`, LIMITS.nom),
    lieuAdresse: optionalText(value.adresse, `${champ}.adresse`, LIMITS.adresse),
    lieuCommuneId: communeId,
  };
}

function checkPeriod(debut: Date, fin: Date, champ: string): void {
  if (Number.isNaN(debut.getTime()) || Number.isNaN(fin.getTime())) throw badInput(`${champ} : date invalide.`, { champ });
  if (fin.getTime() <= debut.getTime()) {
    throw badInput(`${champ} : la fin (${fin.toISOString()}) doit être après le début (${debut.toISOString()}).`, { champ });
  }
}

/** A single session from `debut`/`fin`, with the rencontre's place and link. */
export function singleSession(debut: Date, fin: Date, lieu: CheckedLieu, lien: string | null, champ = 'debut'): PlannedSession {
  checkPeriod(debut, fin, champ);
  return { debut, fin, lieuNom: lieu.lieuNom, lieuAdresse: lieu.lieuAdresse, lieuCommuneId: lieu.lieuCommuneId, lienEnLigne: lien };
}

/** Sessions from a list; each falls back on the rencontre's place and link. Sorted by start. */
export function checkSessions(
  sessions: readonly SessionRencontreInput[],
  defaultLieu: CheckedLieu,
  defaultLien: string | null,
): PlannedSession[] {
  if (sessions.length === 0) throw badInput('sessions : au moins une séance est attendue.', { champ: 'sessions' });
  if (sessions.length > LIMITS.sessions) throw badInput(`sessions : ${LIMITS.sessions} séances au plus.`, { champ: 'sessions' });
  return sessions
    .map((s, i) => {
      const champ = `sessions[${i}]`;
      const lieu = s.lieu ? checkLieu(s.lieu, `${champ}.lieu`) : defaultLieu;
      const lien =
        s.lienEnLigne !== undefined && s.lienEnLigne !== null ? checkLienEnLigne(s.lienEnLigne, `${champ}.lienEnLigne`) : defaultLien;
      return singleSession(s.debut, s.fin, lieu, lien, champ);
    })
    .sort((a, b) => a.debut.getTime() - b.debut.getTime());
}

/** A présentiel session needs a place, a distanciel one a link, a hybride one both. */
export function checkFormat(format: FormatRencontre, sessions: readonly PlannedSession[]): void {
  sessions.forEach((s, i) => {
    const where = sessions.length > 1 ? ` (séance ${i + 1})` : '';
    if (format !== FormatRencontre.DISTANCIEL && !s.lieuNom) {
      throw badInput(
        `lieu : une rencontre ${format === FormatRencontre.HYBRIDE ? 'hybride' : 'en présentiel'} doit avoir un lieu${where}.`,
        {
          champ: 'lieu',
        },
      );
    }
    if (format !== FormatRencontre.PRESENTIEL && !s.lienEnLigne) {
      throw badInput(
        `lienEnLigne : une rencontre ${format === FormatRencontre.HYBRIDE ? 'hybride' : 'en distanciel'} doit avoir un lienEnLigne${where}.`,
        { champ: 'lienEnLigne' },
      );
    }
  });
}

export function checkDateLimite(dateLimite: Date | null, fin: Date): void {
  if (dateLimite && dateLimite.getTime() > fin.getTime()) {
    throw badInput('dateLimiteInscription : doit précéder la fin de la rencontre.', { champ: 'dateLimiteInscription' });
  }
}

export interface CheckedIntervenant {
  nom: string;
  role: string | null;
  organisation: string | null;
  collectiviteId: string | null;
}

export function checkIntervenants(values: readonly IntervenantInput[] | null | undefined): CheckedIntervenant[] {
  const list = values ?? [];
  if (list.length > LIMITS.liste) throw badInput(`intervenants : ${LIMITS.liste} au plus.`, { champ: 'intervenants' });
  return list.map((v, i) => {
    const champ = `intervenants[${i}]`;
    return {
      nom: requiredText(v.nom, `${champ}.nom`, LIMITS.nom),
      role: optionalText(v.role, `${champ}.role`, LIMITS.nom),
      organisation: optionalText(v.organisation, `${champ}.organisation`, LIMITS.nom),
      collectiviteId: v.collectiviteId ? parseCollectiviteId(v.collectiviteId, `${champ}.collectiviteId`) : null,
    };
  });
}
