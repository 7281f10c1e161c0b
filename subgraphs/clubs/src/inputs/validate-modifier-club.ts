import { badInput } from '@federess/server-kit';
import type { Thematique } from '@federess/vocabulaire';
import type { Club } from '../entities/club';
import { parseCollectiviteId, parseOrganisationId } from './ids';
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

// Deliberately simple: one @, no spaces, a dot in the domain. Real deliverability is not checkable here.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const TELEPHONE = /^\+?[0-9][0-9 .()-]{5,24}$/;

const fail = (champ: string, message: string) => badInput(`${champ} : ${message}`, { champ });

/** An optional text: undefined stays unchanged, null or blank clears, otherwise trimmed and bounded. */
function optionalText(champ: string, value: string | null | undefined, max: number): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed.length > max) throw fail(champ, `${max} caractères au plus (reçu ${trimmed.length}).`);
  return trimmed === '' ? null : trimmed;
}

function requiredText(champ: string, value: string | null | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  const text = optionalText(champ, value, max);
  if (!text) throw fail(champ, 'ne peut pas être vide.');
  return text;
}

function optionalInt(champ: string, value: number | null | undefined, min: number, max: number): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (!Number.isInteger(value) || value < min || value > max)
    throw fail(champ, `doit être un entier entre ${min} et ${max} (reçu ${value}).`);
  return value;
}

function optionalUrl(champ: string, value: string | null | undefined): string | null | undefined {
  const text = optionalText(champ, value, LIMITS.siteWeb);
  if (!text) return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fail(champ, `adresse web invalide : ${text}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fail(champ, `une adresse http(s) est attendue (reçu ${text}).`);
  return text;
}

/** A list that replaces the stored one: null is refused (use [] to empty it), the length is bounded. */
function list<T>(champ: string, value: readonly T[] | null | undefined, max: number): readonly T[] | undefined {
  if (value === undefined) return undefined;
  if (value === null) throw fail(champ, 'une liste est attendue (une liste vide pour tout retirer).');
  if (value.length > max) throw fail(champ, `${max} éléments au plus (reçu ${value.length}).`);
  return value;
}

function contact(input: ContactClubInput, index: number): ContactChange {
  const champ = `contacts[${index}]`;
  const email = optionalText(`${champ}.email`, input.email, LIMITS.email) ?? null;
  if (email && !EMAIL.test(email)) throw fail(`${champ}.email`, `adresse électronique invalide : ${email}`);
  const telephone = optionalText(`${champ}.telephone`, input.telephone, 30) ?? null;
  if (telephone && !TELEPHONE.test(telephone)) throw fail(`${champ}.telephone`, `numéro de téléphone invalide : ${telephone}`);
  return {
    nom: requiredText(`${champ}.nom`, input.nom ?? null, LIMITS.nom)!,
    role: optionalText(`${champ}.role`, input.role, LIMITS.nom) ?? null,
    email,
    telephone,
    organisationId: input.organisationId ? parseOrganisationId(input.organisationId, `${champ}.organisationId`) : null,
  };
}

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
  set('nom', requiredText('nom', input.nom, LIMITS.nom));
  set('description', optionalText('description', input.description, LIMITS.description));
  set('frequence', optionalText('frequence', input.frequence, LIMITS.texteCourt));
  set('modalitesParticipation', optionalText('modalitesParticipation', input.modalitesParticipation, LIMITS.texteCourt));
  set('chiffresParticipation', optionalText('chiffresParticipation', input.chiffresParticipation, LIMITS.texteCourt));
  set('nombreParticipants', optionalInt('nombreParticipants', input.nombreParticipants, 0, LIMITS.nombre));
  set('nombreCollectivites', optionalInt('nombreCollectivites', input.nombreCollectivites, 0, LIMITS.nombre));
  set('anneeChiffres', optionalInt('anneeChiffres', input.anneeChiffres, LIMITS.anneeMin, LIMITS.anneeMax));
  set('anneeLancement', optionalInt('anneeLancement', input.anneeLancement, LIMITS.anneeMin, LIMITS.anneeMax));
  set('siteWeb', optionalUrl('siteWeb', input.siteWeb));

  const themes = list('exemplesThemes', input.exemplesThemes, LIMITS.themes);
  if (themes) set('exemplesThemes', unique(themes.map((t, i) => requiredText(`exemplesThemes[${i}]`, t, LIMITS.theme)!)));
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
