import { badInput } from '@federess/server-kit';
import {
  boundedInt,
  boundedList,
  email,
  httpUrl,
  optionalText,
  parseCollectiviteId,
  parseUuid,
  requiredText,
} from '@federess/subgraph-kit';
import type { Thematique } from '@federess/vocabulaire';
import type { Club } from '../entities/club';
import type { ClubFieldsInput, ContactClubInput } from './club-input';

/** Club columns an editor may change, each already checked. */
export type ClubColumns = Partial<
  Pick<
    Club,
    | 'nom'
    | 'description'
    | 'frequence'
    | 'modalitesParticipation'
    | 'chiffresParticipation'
    | 'nombreParticipants'
    | 'nombreCollectivites'
    | 'anneeChiffres'
    | 'anneeLancement'
    | 'siteWeb'
    | 'exemplesThemes'
    | 'thematiques'
  >
>;

export interface ContactChange {
  readonly nom: string;
  readonly role: string | null;
  readonly email: string | null;
  readonly telephone: string | null;
  readonly organisationId: string | null;
}

/** A checked ModifierClubInput: undefined means "unchanged". */
export interface ClubChanges {
  readonly columns: ClubColumns;
  readonly contacts?: readonly ContactChange[];
  readonly animateurIds?: readonly string[];
  readonly partenaireIds?: readonly string[];
  readonly collectiviteIds?: readonly string[];
  /** Every organisation the changes refer to, to be checked against the database. */
  readonly organisationIds: readonly string[];
}

export const LIMITS = {
  nom: 200,
  description: 5000,
  texteCourt: 1000,
  siteWeb: 500,
  theme: 300,
  themes: 30,
  contacts: 20,
  organisations: 20,
  collectivites: 2000,
  email: 254,
  nombre: 1_000_000,
  anneeMin: 1990,
  anneeMax: 2100,
} as const;

const TELEPHONE = /^\+?[0-9][0-9 .()-]{5,24}$/;

const fail = (champ: string, message: string) => badInput(`${champ} : ${message}`, { champ });

/** A field of ModifierClubInput left out is unchanged: `check` runs only on a value given (null included). */
const given = <T, R>(value: T | undefined, check: (value: T) => R): R | undefined => (value === undefined ? undefined : check(value));

/** A list that replaces the stored one: null is refused (use [] to empty it), the length is bounded. */
function list<T>(champ: string, value: readonly T[] | null | undefined, max: number): readonly T[] | undefined {
  if (value === undefined) return undefined;
  if (value === null) throw fail(champ, 'une liste est attendue (une liste vide pour tout retirer).');
  return boundedList(value, champ, max);
}

function contact(input: ContactClubInput, index: number): ContactChange {
  const champ = `contacts[${index}]`;
  const address = optionalText(input.email, `${champ}.email`, LIMITS.email);
  const telephone = optionalText(input.telephone, `${champ}.telephone`, 30);
  if (telephone && !TELEPHONE.test(telephone)) throw fail(`${champ}.telephone`, `numéro de téléphone invalide : ${telephone}`);
  return {
    nom: requiredText(input.nom, `${champ}.nom`, LIMITS.nom),
    role: optionalText(input.role, `${champ}.role`, LIMITS.nom),
    email: address === null ? null : email(address, `${champ}.email`),
    telephone,
    organisationId: input.organisationId ? parseOrganisationId(input.organisationId, `${champ}.organisationId`) : null,
  };
}

const parseOrganisationId = (id: string, champ: string): string => parseUuid(id, champ, "d'organisation");

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * Checks every field of a ModifierClubInput (or the club fields of a CreerClubInput) before anything
 * is written; the first fault is a BAD_USER_INPUT.
 */
export function validateModifierClub(input: ClubFieldsInput): ClubChanges {
  const columns: ClubColumns = {};
  const set = <K extends keyof ClubColumns>(key: K, value: ClubColumns[K] | undefined) => {
    if (value !== undefined) columns[key] = value;
  };
  set(
    'nom',
    given(input.nom, (nom) => requiredText(nom, 'nom', LIMITS.nom)),
  );
  set(
    'description',
    given(input.description, (text) => optionalText(text, 'description', LIMITS.description)),
  );
  set(
    'frequence',
    given(input.frequence, (text) => optionalText(text, 'frequence', LIMITS.texteCourt)),
  );
  set(
    'modalitesParticipation',
    given(input.modalitesParticipation, (text) => optionalText(text, 'modalitesParticipation', LIMITS.texteCourt)),
  );
  set(
    'chiffresParticipation',
    given(input.chiffresParticipation, (text) => optionalText(text, 'chiffresParticipation', LIMITS.texteCourt)),
  );
  set(
    'nombreParticipants',
    given(input.nombreParticipants, (n) => boundedInt(n, 'nombreParticipants', 0, LIMITS.nombre)),
  );
  set(
    'nombreCollectivites',
    given(input.nombreCollectivites, (n) => boundedInt(n, 'nombreCollectivites', 0, LIMITS.nombre)),
  );
  set(
    'anneeChiffres',
    given(input.anneeChiffres, (n) => boundedInt(n, 'anneeChiffres', LIMITS.anneeMin, LIMITS.anneeMax)),
  );
  set(
    'anneeLancement',
    given(input.anneeLancement, (n) => boundedInt(n, 'anneeLancement', LIMITS.anneeMin, LIMITS.anneeMax)),
  );
  set(
    'siteWeb',
    given(input.siteWeb, (url) => httpUrl(url, 'siteWeb', LIMITS.siteWeb)),
  );

  const themes = list('exemplesThemes', input.exemplesThemes, LIMITS.themes);
  if (themes) set('exemplesThemes', unique(themes.map((t, i) => requiredText(t, `exemplesThemes[${i}]`, LIMITS.theme))));
  const thematiques = list<Thematique>('thematiques', input.thematiques, 50);
  if (thematiques) set('thematiques', unique(thematiques));

  const contacts = list('contacts', input.contacts, LIMITS.contacts)?.map(contact);
  const animateurIds = list('animateurIds', input.animateurIds, LIMITS.organisations)?.map((id, i) =>
    parseOrganisationId(id, `animateurIds[${i}]`),
  );
  const partenaireIds = list('partenaireIds', input.partenaireIds, LIMITS.organisations)?.map((id, i) =>
    parseOrganisationId(id, `partenaireIds[${i}]`),
  );
  const both = animateurIds && partenaireIds ? animateurIds.find((id) => partenaireIds.includes(id)) : undefined;
  if (both) throw fail('partenaireIds', `l'organisation ${both} ne peut pas être à la fois animatrice et partenaire.`);
  const collectiviteIds = list('collectiviteIds', input.collectiviteIds, LIMITS.collectivites)?.map((id, i) =>
    parseCollectiviteId(id, `collectiviteIds[${i}]`),
  );

  return {
    columns,
    contacts,
    animateurIds: animateurIds && unique(animateurIds),
    partenaireIds: partenaireIds && unique(partenaireIds),
    collectiviteIds: collectiviteIds && unique(collectiviteIds),
    organisationIds: unique([
      ...(animateurIds ?? []),
      ...(partenaireIds ?? []),
      ...(contacts ?? []).flatMap((c) => (c.organisationId ? [c.organisationId] : [])),
    ]),
  };
}
