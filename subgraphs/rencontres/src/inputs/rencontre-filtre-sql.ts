import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '@federess/server-kit';
import { type AnswerCacheHints, parseUuid, regionsInScope } from '@federess/subgraph-kit';
import type { Thematique } from '@federess/vocabulaire';
import type { FormatRencontre, StatutRencontre, TypeRencontre } from '../entities/enums';
import { effectiveStatutSql } from '../entities/statut';
import type { RencontreFiltre } from './rencontres-args';

export const MAX_RECHERCHE = 100;
const MAX_CLUBS = 50;

/** A filter checked and normalised: what `applyRencontreFiltre` turns into SQL. */
export interface CheckedFiltre {
  /** undefined: no restriction beyond the instance's scope; []: matches nothing. */
  readonly regions?: string[];
  readonly nationales?: boolean;
  readonly clubs?: string[];
  readonly thematiques?: Thematique[];
  readonly formats?: FormatRencontre[];
  readonly statuts?: StatutRencontre[];
  readonly types?: TypeRencontre[];
  readonly depuis?: Date;
  readonly jusqua?: Date;
  readonly recherche?: string;
}

const distinct = <T>(values: readonly T[] | null | undefined): T[] | undefined => (values?.length ? [...new Set(values)] : undefined);

/**
 * Validates a client's filter before any SQL: unknown regions, malformed club ids, an inverted
 * period and an over-long search are BAD_USER_INPUT. Regions are reduced to the instance's scope.
 */
export function parseRencontreFiltre(
  filtre: RencontreFiltre | null | undefined,
  scope: string | undefined,
  hints?: AnswerCacheHints,
): CheckedFiltre {
  const f = filtre ?? {};
  // The status filter compares ends with now: which rencontres match changes with time alone.
  if (f.statuts?.length) hints?.uncacheable();
  const recherche = f.recherche?.trim();
  if (recherche && recherche.length > MAX_RECHERCHE) {
    throw badInput(`filtre.recherche : ${MAX_RECHERCHE} caractères au plus.`, { champ: 'filtre.recherche' });
  }
  if (f.clubs && f.clubs.length > MAX_CLUBS) throw badInput(`filtre.clubs : ${MAX_CLUBS} identifiants au plus.`, { champ: 'filtre.clubs' });
  if (f.depuis && f.jusqua && f.depuis.getTime() > f.jusqua.getTime()) {
    throw badInput(
      `filtre.depuis : la période est inversée, depuis (${f.depuis.toISOString()}) est après jusqua (${f.jusqua.toISOString()}).`,
      {
        champ: 'filtre.depuis',
      },
    );
  }
  return {
    regions: f.regions?.length ? regionsInScope(scope, f.regions, 'filtre.regions') : undefined,
    nationales: f.nationales ?? undefined,
    clubs: distinct(f.clubs?.map((id, i) => parseUuid(id, `filtre.clubs[${i}]`, 'de club'))),
    thematiques: distinct(f.thematiques),
    formats: distinct(f.formats),
    statuts: distinct(f.statuts),
    types: distinct(f.types),
    depuis: f.depuis ?? undefined,
    jusqua: f.jusqua ?? undefined,
    recherche: recherche || undefined,
  };
}

const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Adds a filter's conditions on the rencontre alias `r` of a query. National rencontres (no région)
 * stay visible on a regional instance, unless the client asked for given régions.
 */
export function applyRencontreFiltre<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  filtre: CheckedFiltre,
  scope: string | undefined,
): SelectQueryBuilder<T> {
  if (filtre.regions) query.andWhere('r.region_code = ANY(:f_regions)', { f_regions: filtre.regions });
  else if (scope) query.andWhere('(r.region_code = :f_scope OR r.region_code IS NULL)', { f_scope: scope });
  if (filtre.nationales === true) query.andWhere('r.region_code IS NULL');
  if (filtre.nationales === false) query.andWhere('r.region_code IS NOT NULL');
  if (filtre.clubs) query.andWhere('r.club_id = ANY(CAST(:f_clubs AS uuid[]))', { f_clubs: filtre.clubs });
  // `&&` (overlap) is served by the GIN index on thematiques.
  if (filtre.thematiques) query.andWhere('r.thematiques && CAST(:f_thematiques AS text[])', { f_thematiques: filtre.thematiques });
  if (filtre.formats) query.andWhere('r.format = ANY(:f_formats)', { f_formats: filtre.formats });
  if (filtre.types) query.andWhere('r.type = ANY(:f_types)', { f_types: filtre.types });
  if (filtre.statuts) query.andWhere(`${effectiveStatutSql('r')} = ANY(:f_statuts)`, { f_statuts: filtre.statuts });
  if (filtre.depuis) query.andWhere('r.debut >= :f_depuis', { f_depuis: filtre.depuis });
  if (filtre.jusqua) query.andWhere('r.debut <= :f_jusqua', { f_jusqua: filtre.jusqua });
  if (filtre.recherche) {
    query.andWhere("(unaccent(r.titre) ILIKE unaccent(:f_motif) OR unaccent(coalesce(r.resume, '')) ILIKE unaccent(:f_motif))", {
      f_motif: `%${escapeLike(filtre.recherche)}%`,
    });
  }
  return query;
}

/** Only the instance's scope: what entity lookups and federation fields apply. */
export const NO_FILTRE: CheckedFiltre = {};
