import type { SelectQueryBuilder } from 'typeorm';
import { badInput } from '@federess/server-kit';
import { boundedList, parseKnownClubId, parseRegionCode, parseUuid } from '@federess/subgraph-kit';
import type { Publication } from '../entities/publication';
import type { PublicationFiltre } from './publications-args';

const MAX_RECHERCHE = 100;
/** The most values one list of a filter may hold. */
export const MAX_LIST = 50;

/** `LIKE` treats % and _ as wildcards: a client's words are matched literally. */
const likePattern = (words: string): string => `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The région condition. Regional rows are limited to the asked régions and, on a regional
 * instance, to its own; national rows (no région) are readable everywhere.
 */
function applyRegions(query: SelectQueryBuilder<Publication>, scope: string | undefined, filtre: PublicationFiltre): void {
  const asked = filtre.regions?.length
    ? boundedList(filtre.regions, 'filtre.regions', MAX_LIST).map((code, i) => parseRegionCode(code, `filtre.regions[${i}]`))
    : undefined;
  const regions = scope ? (asked ?? [scope]).filter((code) => code === scope) : asked;
  const inRegions = 'p.region_code = ANY(:regions)';
  if (filtre.nationales === true) {
    query.andWhere(asked ? `(${inRegions} OR p.region_code IS NULL)` : 'p.region_code IS NULL', { regions });
  } else if (filtre.nationales === false) {
    query.andWhere(regions ? inRegions : 'p.region_code IS NOT NULL', { regions });
  } else if (asked) {
    query.andWhere(inRegions, { regions });
  } else if (scope) {
    query.andWhere('(p.region_code = :scope OR p.region_code IS NULL)', { scope });
  }
}

/** Adds a filter's conditions to a query over `publication p`; every value is checked before any SQL runs. */
export function applyPublicationFiltre(
  query: SelectQueryBuilder<Publication>,
  scope: string | undefined,
  filtre: PublicationFiltre = {},
): void {
  applyRegions(query, scope, filtre);
  if (filtre.clubs?.length) {
    const clubs = boundedList(filtre.clubs, 'filtre.clubs', MAX_LIST).map((id, i) => parseKnownClubId(id, `filtre.clubs[${i}]`).id);
    query.andWhere('p.club_id = ANY(:clubs)', { clubs });
  }
  if (filtre.rencontres?.length) {
    const rencontres = boundedList(filtre.rencontres, 'filtre.rencontres', MAX_LIST).map((id, i) =>
      parseUuid(id, `filtre.rencontres[${i}]`, 'de rencontre'),
    );
    query.andWhere('p.rencontre_id = ANY(:rencontres)', { rencontres });
  }
  if (filtre.thematiques?.length) {
    // Array overlap (&&) is what the GIN index on thematiques serves.
    query.andWhere('p.thematiques && CAST(:thematiques AS text[])', {
      thematiques: boundedList(filtre.thematiques, 'filtre.thematiques', MAX_LIST),
    });
  }
  if (filtre.types?.length) query.andWhere('p.type = ANY(:types)', { types: boundedList(filtre.types, 'filtre.types', MAX_LIST) });
  if (filtre.acces) query.andWhere('p.acces = :acces', { acces: filtre.acces });
  if (filtre.collections?.length) {
    query.andWhere('p.collection = ANY(:collections)', { collections: boundedList(filtre.collections, 'filtre.collections', MAX_LIST) });
  }
  if (filtre.depuis && filtre.jusqua && filtre.depuis > filtre.jusqua) {
    throw badInput(`filtre.depuis : ${filtre.depuis} doit précéder jusqua (${filtre.jusqua}).`, { champ: 'filtre.depuis' });
  }
  if (filtre.depuis) query.andWhere('p.date_publication >= :depuis', { depuis: filtre.depuis });
  if (filtre.jusqua) query.andWhere('p.date_publication <= :jusqua', { jusqua: filtre.jusqua });
  const recherche = filtre.recherche?.trim();
  if (recherche) {
    if (recherche.length > MAX_RECHERCHE)
      throw badInput(`filtre.recherche : ${MAX_RECHERCHE} caractères au plus.`, { champ: 'filtre.recherche' });
    query.andWhere(`(unaccent(p.titre) ILIKE unaccent(:motif) OR unaccent(coalesce(p.resume, '')) ILIKE unaccent(:motif))`, {
      motif: likePattern(recherche),
    });
  }
}
