import { badInput } from '@federess/server-kit';

/** Checks of the values a client sends; each failure is a BAD_USER_INPUT naming the field. */

/** A required text: trimmed, not empty, at most `max` characters. */
export function texteRequis(value: string, champ: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(`${champ} ne peut pas être vide.`, { champ });
  if (trimmed.length > max) throw badInput(`${champ} : ${max} caractères au plus.`, { champ });
  return trimmed;
}

/** An optional text: trimmed, empty means none. */
export function texteOptionnel(value: string | null, champ: string, max: number): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed.length > max) throw badInput(`${champ} : ${max} caractères au plus.`, { champ });
  return trimmed || null;
}

const MAX_URL = 2000;

/** An optional http(s) URL. */
export function urlOptionnelle(value: string | null, champ: string): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw badInput(`${champ} : adresse invalide (${trimmed}) ; une URL http(s) est attendue.`, { champ });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badInput(`${champ} : seules les adresses http et https sont acceptées.`, { champ });
  }
  if (trimmed.length > MAX_URL) throw badInput(`${champ} : ${MAX_URL} caractères au plus.`, { champ });
  return trimmed;
}

/** A collection number: a positive integer. */
export function numeroOptionnel(value: number | null, champ: string): number | null {
  if (value === null) return null;
  if (!Number.isInteger(value) || value < 1 || value > 100_000) throw badInput(`${champ} doit être un entier positif.`, { champ });
  return value;
}

/** A publication date (YYYY-MM-DD, already checked by the LocalDate scalar) within plausible years. */
export function datePlausible(value: string, champ: string): string {
  const year = Number(value.slice(0, 4));
  if (year < 1900 || year > 2100) throw badInput(`${champ} : date hors des années 1900 à 2100 (${value}).`, { champ });
  return value;
}

/** A list bounded in length, without repeats (order kept). */
export function listeBornee<T>(values: readonly T[], champ: string, max: number): T[] {
  if (values.length > max) throw badInput(`${champ} : ${max} éléments au plus.`, { champ });
  return [...new Set(values)];
}
