import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ClientError, ErrorCode, notFound } from '@federess/server-kit';
import { assertWritableRegion } from '@federess/subgraph-kit';
import { Intervenant } from '../entities/intervenant';
import { Rencontre } from '../entities/rencontre';
import { SessionRencontre } from '../entities/session-rencontre';
import type { IntervenantPrevu, SessionPrevue } from '../inputs/validate-rencontre';

/**
 * Reads a rencontre and locks its row until the transaction ends (SELECT … FOR UPDATE): every
 * write of a rencontre and of its registrations goes through this lock, so they are serialised.
 */
export async function verrouillerRencontre(manager: EntityManager, id: string): Promise<Rencontre> {
  const rencontre = await manager.getRepository(Rencontre).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!rencontre) throw notFound('Rencontre', id);
  return rencontre;
}

/** A regional instance writes its own région's rencontres; national ones only on a national instance. */
export function assertEcrivable(scope: string | undefined, regionCode: string | null): void {
  if (regionCode) return assertWritableRegion(scope, regionCode);
  if (scope) {
    throw new ClientError(
      ErrorCode.OUT_OF_REGION,
      `Cette instance ne gère que la région ${scope} ; les rencontres nationales du RTES se modifient sur l'instance nationale.`,
      { region: null, scope },
    );
  }
}

export async function compterInscrits(manager: EntityManager, rencontreId: string): Promise<number> {
  const [row] = (await manager.query("SELECT count(*)::int AS n FROM inscription WHERE rencontre_id = $1 AND statut = 'CONFIRMEE'", [
    rencontreId,
  ])) as { n: number }[];
  return row?.n ?? 0;
}

export async function remplacerSessions(manager: EntityManager, rencontreId: string, sessions: readonly SessionPrevue[]): Promise<void> {
  await manager.delete(SessionRencontre, { rencontreId });
  await manager.insert(
    SessionRencontre,
    sessions.map((s, i) => ({ id: randomUUID(), rencontreId, ordre: i + 1, ...s })),
  );
}

export async function remplacerIntervenants(manager: EntityManager, rencontreId: string, list: readonly IntervenantPrevu[]): Promise<void> {
  await manager.delete(Intervenant, { rencontreId });
  if (list.length)
    await manager.insert(
      Intervenant,
      list.map((v, i) => ({ id: randomUUID(), rencontreId, ordre: i + 1, ...v })),
    );
}

/** The whole rencontre spans its sessions. */
export function bornes(sessions: readonly SessionPrevue[]): { debut: Date; fin: Date } {
  return {
    debut: new Date(Math.min(...sessions.map((s) => s.debut.getTime()))),
    fin: new Date(Math.max(...sessions.map((s) => s.fin.getTime()))),
  };
}
