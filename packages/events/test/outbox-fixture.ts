import { randomUUID } from 'node:crypto';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { appendEvent, createOutbox, type NewOutboxEvent, type OutboxListener } from '../src';

/** The outbox alone, as the subgraph's migration creates it. */
export class Outbox1700000000000 implements MigrationInterface {
  name = 'Outbox1700000000000';
  up = (runner: QueryRunner) => createOutbox(runner);
  down = () => Promise.resolve();
}

export const event = (type: string, region = 'ARA'): NewOutboxEvent => {
  const id = randomUUID();
  return {
    type,
    entite: 'Rencontre',
    entiteId: id,
    region,
    revision: 1,
    entites: [`Rencontre:${id}`],
    listes: ['Query.rencontres'],
    donnees: { thematiques: ['SCIC'] },
  };
};

export const write = (dataSource: DataSource, e: NewOutboxEvent = event('MODIFIEE')): Promise<string> =>
  dataSource.transaction((manager) => appendEvent(manager, e));

/** Waits until the listener has dispatched event `id` to its subscribers. */
export async function dispatched(listener: OutboxListener, id: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (BigInt(listener.head) < BigInt(id)) {
    if (Date.now() > deadline) throw new Error(`event ${id} not dispatched within ${ms} ms (head ${listener.head})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Makes events up to `id` older than a 30-day retention. */
export const age = (dataSource: DataSource, fromId: string, toId: string) =>
  dataSource.query(`UPDATE evenement SET survenu_a = now() - interval '40 days' WHERE id BETWEEN $1 AND $2`, [fromId, toId]);
