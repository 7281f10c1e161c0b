import { badInput } from '@federess/server-kit';

/**
 * The checks of the values a client writes, shared by every subgraph so that every client sees one
 * error format: a BAD_USER_INPUT whose message starts with the field (`titre : …`) and whose
 * `extensions.champ` names it.
 */

const fail = (champ: string, message: string) => badInput(`${champ} : ${message}`, { champ });

/** A required text: trimmed, not empty, at most `max` characters. */
export function requiredText(value: string | null | undefined, champ: string, max: number): string {
  const text = optionalText(value, champ, max);
  if (text === null) throw fail(champ, 'ne peut pas être vide.');
  return text;
}

/** An optional text: trimmed, at most `max` characters; null, absent or blank is none (null). */
export function optionalText(value: string | null | undefined, champ: string, max: number): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length > max) throw fail(champ, `${max} caractères au plus (reçu ${trimmed.length}).`);
  return trimmed === '' ? null : trimmed;
}

/** A field of a modification that cannot be cleared: null is refused, undefined (left out) keeps the current value. */
export function notCleared<T>(value: T | null | undefined, champ: string): T | undefined {
  if (value === null) throw fail(champ, 'ne peut pas être effacé (null).');
  return value;
}

/** An optional http(s) address, at most `max` characters; none is null. */
export function httpUrl(value: string | null | undefined, champ: string, max: number): string | null {
  const text = optionalText(value, champ, max);
  if (text === null) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fail(champ, `adresse web invalide : ${text} (une adresse http(s) est attendue).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fail(champ, `une adresse http(s) est attendue (reçu ${text}).`);
  return text;
}

// Deliberately simple: one @, no spaces, a dot in the domain, no empty label. Deliverability is not checkable here.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** A required e-mail address, trimmed (as written: lower-case it where addresses are compared). */
export function email(value: string | null | undefined, champ: string): string {
  const text = requiredText(value, champ, 254);
  if (!EMAIL.test(text)) throw fail(champ, `adresse électronique invalide : ${text}`);
  return text;
}

/** An optional integer between `min` and `max`; none is null. */
export function boundedInt(value: number | null | undefined, champ: string, min: number, max: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < min || value > max)
    throw fail(champ, `un entier entre ${min} et ${max} est attendu (reçu ${value}).`);
  return value;
}

/** A list of at most `max` elements, without repeats (the first of each kept, in order). */
export function boundedList<T>(values: readonly T[], champ: string, max: number): T[] {
  if (values.length > max) throw fail(champ, `${max} éléments au plus (reçu ${values.length}).`);
  return [...new Set(values)];
}
