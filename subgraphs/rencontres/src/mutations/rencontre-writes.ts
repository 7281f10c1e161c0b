import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { notFound } from '@federess/server-kit';
import { Intervenant } from '../entities/intervenant';
import { Rencontre } from '../entities/rencontre';
import { SessionRencontre } from '../entities/session-rencontre';
import type { CheckedIntervenant, PlannedSession } from '../inputs/validate-rencontre';

/**
 * Reads a rencontre and locks its row until the transaction ends (SELECT … FOR UPDATE): every
 * write of a rencontre and of its registrations goes through this lock, so they are serialised.
 */
export async function lockRencontre(manager: EntityManager, id: string): Promise<Rencontre> {
  const rencontre = await manager.getRepository(Rencontre).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!rencontre) throw notFound('Rencontre', id);
  return rencontre;
}

export async function countInscrits(manager: EntityManager, rencontreId: string): Promise<number> {
  const [row] = await manager.query<{ n: number }[]>(
    "SELECT count(*)::int AS n FROM inscription WHERE rencontre_id = $1 AND statut = 'CONFIRMEE'",
    [rencontreId],
  );
  return row?.n ?? 0;
}

export async function replaceSessions(manager: EntityManager, rencontreId: string, sessions: readonly PlannedSession[]): Promise<void> {
  await manager.delete(SessionRencontre, { rencontreId });
  await manager.insert(
    SessionRencontre,
    sessions.map((s, i) => ({ id: randomUUID(), rencontreId, ordre: i + 1, ...s })),
  );
}

export async function replaceIntervenants(manager: EntityManager, rencontreId: string, list: readonly CheckedIntervenant[]): Promise<void> {
  await manager.delete(Intervenant, { rencontreId });
  if (list.length)
    await manager.insert(
      Intervenant,
      list.map((v, i) => ({ id: randomUUID(), rencontreId, ordre: i + 1, ...v })),
    );
}

/** The whole rencontre spans its sessions. */
export function spanOf(sessions: readonly PlannedSession[]): { debut: Date; fin: Date } {
  return {
    debut: new Date(Math.min(...sessions.map((s) => s.debut.getTime()))),
    fin: new Date(Math.max(...sessions.map((s) => s.fin.getTime()))),
  };
}
