import { badInput } from '@federess/server-kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The id forms of the collectivites subgraph (see docs/graph-contract.md). */
const COLLECTIVITE_ID = /^(COMMUNE|EPCI|DEPARTEMENT|REGION|PETR):[A-Za-z0-9-]{1,60}$/;

export const isUuid = (value: string): boolean => UUID.test(value);

/** Checked before any SQL: Postgres would otherwise fail the whole statement on a malformed uuid. */
export function parseUuid(value: string, what: string): string {
  if (!isUuid(value)) throw badInput(`${what} : identifiant mal formé (UUID attendu) : ${value}`, { id: value });
  return value.toLowerCase();
}

export function parseCollectiviteId(value: string, what = 'collectiviteId'): string {
  const trimmed = value.trim();
  if (!COLLECTIVITE_ID.test(trimmed)) {
    throw badInput(
      `${what} : identifiant de collectivité mal formé : ${value} (attendu COMMUNE:<insee>, EPCI:<siren>, DEPARTEMENT:<code>, REGION:<insee> ou PETR:<nom>).`,
      {
        id: value,
      },
    );
  }
  return trimmed;
}
