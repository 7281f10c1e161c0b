import { COLLECTIVITE_ID } from '@federess/auth';
import { badInput } from '@federess/server-kit';
import { regionOfClubId } from '@federess/vocabulaire';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The ids a client sends, checked before any SQL: a malformed one is a BAD_USER_INPUT naming its
 * field (`extensions.champ`), never a statement Postgres fails (a uuid column refuses any other text).
 */

/** Whether `value` is a UUID (any case); what is not must never reach a uuid column. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** A UUID from a client, trimmed and lower-cased; `what` names the thing in the message (« de rencontre »). */
export function parseUuid(value: string, champ: string, what = ''): string {
  const normalised = value.trim().toLowerCase();
  if (!UUID.test(normalised)) {
    throw badInput(`${champ} : identifiant${what ? ` ${what}` : ''} invalide : ${value} (un UUID est attendu).`, { champ });
  }
  return normalised;
}

export interface ParsedClubId {
  readonly id: string;
  /** The club's région (its id is derived from it), or undefined for a well-formed id that is no région's club. */
  readonly regionCode: string | undefined;
}

/** A club id: a UUID, and the région it is the club of, if any. */
export function parseClubId(value: string, champ: string): ParsedClubId {
  const id = parseUuid(value, champ, 'de club');
  return { id, regionCode: regionOfClubId(id) };
}

/** A club id that must name a région's club (one per région): any other is unknown, a BAD_USER_INPUT. */
export function parseKnownClubId(value: string, champ: string): { readonly id: string; readonly regionCode: string } {
  const { id, regionCode } = parseClubId(value, champ);
  if (!regionCode) throw badInput(`${champ} : club inconnu : ${value} (chaque région a un club, voir la requête clubs).`, { champ });
  return { id, regionCode };
}

/** A collectivité's key in the collectivites subgraph (COMMUNE:<insee>, EPCI:<siren>, …), trimmed. */
export function parseCollectiviteId(value: string, champ: string): string {
  const trimmed = value.trim();
  if (!COLLECTIVITE_ID.test(trimmed)) {
    throw badInput(
      `${champ} : identifiant de collectivité invalide : ${value} (attendu COMMUNE:<insee>, EPCI:<siren>, DEPARTEMENT:<code>, REGION:<insee> ou PETR:<nom>).`,
      { champ },
    );
  }
  return trimmed;
}
