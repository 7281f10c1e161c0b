import { badInput } from '@federess/server-kit';
import {
  boundedInt,
  boundedList,
  httpUrl,
  notCleared,
  optionalText,
  parseCollectiviteId,
  parseKnownClubId,
  parseRegionCode,
  parseUuid,
  requiredText,
} from '@federess/subgraph-kit';
import type { Thematique } from '@federess/vocabulaire';
import { AccesPublication, type TypePublication } from '../entities/enums';
import type { Publication } from '../entities/publication';
import type { CreerPublicationInput } from './creer-publication-input';
import type { ModifierPublicationInput } from './modifier-publication-input';

const MAX_TITRE = 300;
const MAX_RESUME = 5_000;
const MAX_NOM = 200;
const MAX_URL = 2000;
const MAX_NUMERO = 100_000;
const MAX_THEMATIQUES = 30;
const MAX_CITEES = 200;

/** The columns of a publication a client writes, checked. */
export interface PublicationColumns {
  titre: string;
  resume: string | null;
  type: TypePublication;
  collection: string | null;
  numero: number | null;
  datePublication: string;
  editeur: string;
  thematiques: Thematique[];
  acces: AccesPublication;
  fichier: string | null;
  lien: string | null;
  regionCode: string | null;
  clubId: string | null;
  rencontreId: string | null;
}

/** A checked creerPublication or modifierPublication input: what to write. */
export interface PublicationWrite {
  readonly columns: PublicationColumns;
  /** The cited collectivités, in order; undefined when a modification leaves them as they are. */
  readonly collectivitesCitees: string[] | undefined;
}

const citedCollectivites = (ids: readonly string[]): string[] =>
  boundedList(
    ids.map((id, i) => parseCollectiviteId(id, `collectivitesCitees[${i}]`)),
    'collectivitesCitees',
    MAX_CITEES,
  );

const clubOf = (clubId: string | null): { id: string; regionCode: string } | null =>
  clubId === null ? null : parseKnownClubId(clubId, 'clubId');

const rencontreOf = (rencontreId: string | null): string | null =>
  rencontreId === null ? null : parseUuid(rencontreId, 'rencontreId', 'de rencontre');

/** A publication date (YYYY-MM-DD, already checked by the LocalDate scalar) within plausible years. */
function plausibleDate(value: string, champ: string): string {
  const year = Number(value.slice(0, 4));
  if (year < 1900 || year > 2100) throw badInput(`${champ} : date hors des années 1900 à 2100 (${value}).`, { champ });
  return value;
}

/**
 * The région follows the club: a club's publication belongs to the club's région, and a région
 * given alongside must be that one. Without a club, `region` (a code, or null for national) applies;
 * `undefined` keeps `current`.
 */
function regionOf(club: { regionCode: string } | null, region: string | null | undefined, current: string | null): string | null {
  const asked = region === undefined || region === null ? region : parseRegionCode(region, 'region');
  if (club) {
    if (asked !== undefined && asked !== club.regionCode) {
      throw badInput(
        `region : la publication d’un club appartient à la région du club (${club.regionCode}), pas à ${asked ?? 'aucune région'}.`,
        { champ: 'region' },
      );
    }
    return club.regionCode;
  }
  return asked === undefined ? current : asked;
}

function checkNumero(columns: PublicationColumns): PublicationColumns {
  if (columns.numero !== null && columns.collection === null) {
    throw badInput('numero : un numéro n’a de sens que dans une collection ; donnez aussi la collection.', { champ: 'numero' });
  }
  return columns;
}

/** Checks a new publication. */
export function validateCreerPublication(input: CreerPublicationInput): PublicationWrite {
  const club = clubOf(input.clubId ?? null);
  const columns = checkNumero({
    titre: requiredText(input.titre, 'titre', MAX_TITRE),
    resume: optionalText(input.resume, 'resume', MAX_RESUME),
    type: input.type,
    collection: optionalText(input.collection, 'collection', MAX_NOM),
    numero: boundedInt(input.numero, 'numero', 1, MAX_NUMERO),
    datePublication: plausibleDate(input.datePublication, 'datePublication'),
    editeur: requiredText(input.editeur, 'editeur', MAX_NOM),
    thematiques: boundedList(input.thematiques ?? [], 'thematiques', MAX_THEMATIQUES),
    acces: input.acces ?? AccesPublication.PUBLIC,
    fichier: httpUrl(input.fichier, 'fichier', MAX_URL),
    lien: httpUrl(input.lien, 'lien', MAX_URL),
    // At creation, a null région is no région given: the club's, or national.
    regionCode: regionOf(club, input.region ?? undefined, null),
    clubId: club?.id ?? null,
    rencontreId: rencontreOf(input.rencontreId || null),
  });
  return { columns, collectivitesCitees: citedCollectivites(input.collectivitesCitees ?? []) };
}

/** Checks a partial modification of `current`: absent fields keep their value, null clears optional ones. */
export function validateModifierPublication(current: Publication, input: ModifierPublicationInput): PublicationWrite {
  const titre = notCleared(input.titre, 'titre');
  const type = notCleared(input.type, 'type');
  const datePublication = notCleared(input.datePublication, 'datePublication');
  const editeur = notCleared(input.editeur, 'editeur');
  const acces = notCleared(input.acces, 'acces');
  // A new club moves the publication to its région; an unchanged club still constrains a new région.
  const clubId = input.clubId === undefined ? current.clubId : input.clubId;
  const club = clubOf(clubId);
  const columns = checkNumero({
    titre: titre === undefined ? current.titre : requiredText(titre, 'titre', MAX_TITRE),
    resume: input.resume === undefined ? current.resume : optionalText(input.resume, 'resume', MAX_RESUME),
    type: type ?? current.type,
    collection: input.collection === undefined ? current.collection : optionalText(input.collection, 'collection', MAX_NOM),
    numero: input.numero === undefined ? current.numero : boundedInt(input.numero, 'numero', 1, MAX_NUMERO),
    datePublication: datePublication === undefined ? current.datePublication : plausibleDate(datePublication, 'datePublication'),
    editeur: editeur === undefined ? current.editeur : requiredText(editeur, 'editeur', MAX_NOM),
    thematiques: input.thematiques == null ? current.thematiques : boundedList(input.thematiques, 'thematiques', MAX_THEMATIQUES),
    acces: acces ?? current.acces,
    fichier: input.fichier === undefined ? current.fichier : httpUrl(input.fichier, 'fichier', MAX_URL),
    lien: input.lien === undefined ? current.lien : httpUrl(input.lien, 'lien', MAX_URL),
    regionCode: regionOf(club, input.region, current.regionCode),
    clubId: club?.id ?? null,
    rencontreId: input.rencontreId === undefined ? current.rencontreId : rencontreOf(input.rencontreId),
  });
  return { columns, collectivitesCitees: input.collectivitesCitees == null ? undefined : citedCollectivites(input.collectivitesCitees) };
}
