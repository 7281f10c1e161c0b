import { badInput } from '@federess/server-kit';
import { regionOfClubId } from '@federess/vocabulaire';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const COLLECTIVITE_ID = /^(COMMUNE|EPCI|DEPARTEMENT|REGION|PETR):[0-9A-Za-z-]{1,60}$/;

/** True when `value` is a UUID; ids that are not must never reach a uuid column (Postgres would fail the statement). */
export function isUuid(value: string): boolean {
  return UUID.test(value.toLowerCase());
}

export interface ParsedClubId {
  readonly id: string;
  /** The club's région, or undefined when the id is well formed but no région's club. */
  readonly regionCode: string | undefined;
}

/** Checks a club id from a client: a malformed one is a BAD_USER_INPUT. */
export function parseClubId(id: string, champ = 'id'): ParsedClubId {
  const normalised = id.trim().toLowerCase();
  if (!UUID.test(normalised)) throw badInput(`${champ} : identifiant de club invalide : ${id} (un UUID est attendu).`, { champ });
  return { id: normalised, regionCode: regionOfClubId(normalised) };
}

/** Checks an organisation id from a client. */
export function parseOrganisationId(id: string, champ: string): string {
  const normalised = id.trim().toLowerCase();
  if (!UUID.test(normalised)) throw badInput(`${champ} : identifiant d'organisation invalide : ${id} (un UUID est attendu).`, { champ });
  return normalised;
}

/** Checks a collectivité key of the collectivites subgraph (COMMUNE:<insee>, EPCI:<siren>, …). */
export function parseCollectiviteId(id: string, champ: string): string {
  const trimmed = id.trim();
  if (!COLLECTIVITE_ID.test(trimmed)) {
    throw badInput(
      `${champ} : identifiant de collectivité invalide : ${id} (attendu COMMUNE:<insee>, EPCI:<siren>, DEPARTEMENT:<code>, REGION:<insee> ou PETR:<nom>).`,
      {
        champ,
      },
    );
  }
  return trimmed;
}
