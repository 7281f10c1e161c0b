import { badInput } from '@federess/server-kit';
import { regionOfClubId } from '@federess/vocabulaire';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const COLLECTIVITE_ID = /^(COMMUNE|EPCI|DEPARTEMENT|REGION|PETR):[0-9A-Za-z-]{1,60}$/;

/** True when `value` is a UUID; ids that are not must never reach a uuid column (Postgres would fail the statement). */
export function isUuid(value: string): boolean {
  return UUID.test(value.toLowerCase());
}

/** Checks a UUID from a client (a publication's or a rencontre's id): a malformed one is a BAD_USER_INPUT. */
export function parseUuid(id: string, champ: string, what: string): string {
  const normalised = id.trim().toLowerCase();
  if (!UUID.test(normalised)) throw badInput(`Identifiant ${what} invalide : ${id} (un UUID est attendu).`, { champ });
  return normalised;
}

export interface ParsedClub {
  readonly id: string;
  readonly regionCode: string;
}

/** Checks a club id: clubs are one per région, so an id that is no région's club is unknown here too. */
export function parseClubId(id: string, champ: string): ParsedClub {
  const normalised = parseUuid(id, champ, 'de club');
  const regionCode = regionOfClubId(normalised);
  if (!regionCode) throw badInput(`Club inconnu : ${id}.`, { champ });
  return { id: normalised, regionCode };
}

/** Checks a collectivité key of the collectivites subgraph (COMMUNE:<insee>, EPCI:<siren>, …). */
export function parseCollectiviteId(id: string, champ: string): string {
  const trimmed = id.trim();
  if (!COLLECTIVITE_ID.test(trimmed)) {
    throw badInput(
      `Identifiant de collectivité invalide : ${id} (attendu COMMUNE:<insee>, EPCI:<siren>, DEPARTEMENT:<code>, REGION:<insee> ou PETR:<nom>).`,
      { champ },
    );
  }
  return trimmed;
}
