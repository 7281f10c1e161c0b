import { badInput } from '@federess/server-kit';
import { parseRegionCode } from '@federess/subgraph-kit';
import type { Thematique } from '@federess/vocabulaire';
import type { Publication } from '../entities/publication';
import { AccesPublication, type TypePublication } from '../entities/enums';
import type { CreerPublicationInput } from './creer-publication-input';
import { parseClubId, parseCollectiviteId, parseUuid } from './ids';
import type { ModifierPublicationInput } from './modifier-publication-input';
import { datePlausible, listeBornee, numeroOptionnel, texteOptionnel, texteRequis, urlOptionnelle } from './valeurs';

const MAX_TITRE = 300;
const MAX_RESUME = 5_000;
const MAX_NOM = 200;
const MAX_THEMATIQUES = 30;
const MAX_CITEES = 200;

/** The columns of a publication a client writes, validated. */
export interface PublicationValeurs {
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

export interface Ecriture {
  readonly valeurs: PublicationValeurs;
  /** The cited collectivités, in order; undefined when a modification leaves them as they are. */
  readonly collectivitesCitees: string[] | undefined;
}

const citees = (ids: readonly string[]): string[] =>
  listeBornee(
    ids.map((id, i) => parseCollectiviteId(id, `collectivitesCitees[${i}]`)),
    'collectivitesCitees',
    MAX_CITEES,
  );

const clubOf = (clubId: string | null): { id: string; regionCode: string } | null =>
  clubId === null ? null : parseClubId(clubId, 'clubId');

/**
 * The région follows the club: a club's publication belongs to the club's région, and a région
 * given alongside must be that one. Without a club, `region` (a code, or null for national) applies;
 * `undefined` keeps `current`.
 */
function regionOf(club: { regionCode: string } | null, region: string | null | undefined, current: string | null): string | null {
  const asked = region === undefined || region === null ? region : parseRegionCode(region);
  if (club) {
    if (asked !== undefined && asked !== club.regionCode) {
      throw badInput(`La publication d’un club appartient à la région du club (${club.regionCode}), pas à ${asked ?? 'aucune région'}.`, {
        champ: 'region',
      });
    }
    return club.regionCode;
  }
  return asked === undefined ? current : asked;
}

function checkNumero(valeurs: PublicationValeurs): PublicationValeurs {
  if (valeurs.numero !== null && valeurs.collection === null) {
    throw badInput('numero : un numéro n’a de sens que dans une collection ; donnez aussi la collection.', { champ: 'numero' });
  }
  return valeurs;
}

/** Validates a new publication. */
export function valeursCreation(input: CreerPublicationInput): Ecriture {
  const club = clubOf(input.clubId ?? null);
  const valeurs = checkNumero({
    titre: texteRequis(input.titre, 'titre', MAX_TITRE),
    resume: texteOptionnel(input.resume ?? null, 'resume', MAX_RESUME),
    type: input.type,
    collection: texteOptionnel(input.collection ?? null, 'collection', MAX_NOM),
    numero: numeroOptionnel(input.numero ?? null, 'numero'),
    datePublication: datePlausible(input.datePublication, 'datePublication'),
    editeur: texteRequis(input.editeur, 'editeur', MAX_NOM),
    thematiques: listeBornee(input.thematiques ?? [], 'thematiques', MAX_THEMATIQUES),
    acces: input.acces ?? AccesPublication.PUBLIC,
    fichier: urlOptionnelle(input.fichier ?? null, 'fichier'),
    lien: urlOptionnelle(input.lien ?? null, 'lien'),
    // At creation, a null région is no région given: the club's, or national.
    regionCode: regionOf(club, input.region ?? undefined, null),
    clubId: club?.id ?? null,
    rencontreId: input.rencontreId ? parseUuid(input.rencontreId, 'rencontreId', 'de rencontre') : null,
  });
  return { valeurs, collectivitesCitees: citees(input.collectivitesCitees ?? []) };
}

/** A field a modification may not clear: null is refused, undefined keeps the current value. */
function nonEfface<T>(value: T | null | undefined, champ: string): T | undefined {
  if (value === null) throw badInput(`${champ} est obligatoire et ne peut pas être effacé.`, { champ });
  return value;
}

/** Validates a partial modification of `current`: absent fields keep their value, null clears optional ones. */
export function valeursModification(current: Publication, input: ModifierPublicationInput): Ecriture {
  const titre = nonEfface(input.titre, 'titre');
  const type = nonEfface(input.type, 'type');
  const datePublication = nonEfface(input.datePublication, 'datePublication');
  const editeur = nonEfface(input.editeur, 'editeur');
  const acces = nonEfface(input.acces, 'acces');
  // A new club moves the publication to its région; an unchanged club still constrains a new région.
  const clubId = input.clubId === undefined ? current.clubId : input.clubId;
  const club = clubOf(clubId);
  const valeurs = checkNumero({
    titre: titre === undefined ? current.titre : texteRequis(titre, 'titre', MAX_TITRE),
    resume: input.resume === undefined ? current.resume : texteOptionnel(input.resume, 'resume', MAX_RESUME),
    type: type ?? current.type,
    collection: input.collection === undefined ? current.collection : texteOptionnel(input.collection, 'collection', MAX_NOM),
    numero: input.numero === undefined ? current.numero : numeroOptionnel(input.numero, 'numero'),
    datePublication: datePublication === undefined ? current.datePublication : datePlausible(datePublication, 'datePublication'),
    editeur: editeur === undefined ? current.editeur : texteRequis(editeur, 'editeur', MAX_NOM),
    thematiques: input.thematiques == null ? current.thematiques : listeBornee(input.thematiques, 'thematiques', MAX_THEMATIQUES),
    acces: acces ?? current.acces,
    fichier: input.fichier === undefined ? current.fichier : urlOptionnelle(input.fichier, 'fichier'),
    lien: input.lien === undefined ? current.lien : urlOptionnelle(input.lien, 'lien'),
    regionCode: regionOf(club, input.region, current.regionCode),
    clubId: club?.id ?? null,
    rencontreId:
      input.rencontreId === undefined
        ? current.rencontreId
        : input.rencontreId === null
          ? null
          : parseUuid(input.rencontreId, 'rencontreId', 'de rencontre'),
  });
  return { valeurs, collectivitesCitees: input.collectivitesCitees == null ? undefined : citees(input.collectivitesCitees) };
}
