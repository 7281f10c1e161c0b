import type { DataSource } from 'typeorm';
import { appendEvent } from './append-event';
import { EVERYTHING } from './tags';

/** The type of the event a subgraph writes when it starts. */
export const REDEMARRAGE = 'REDEMARRAGE';

/**
 * Announces that a subgraph instance started: its code or its seed data may differ from what ran
 * before, so whatever was derived from it (the gateway's cache) is dropped (`*`). Consumers of one
 * entity's events (the live feed) skip it: it names no entity.
 */
export function announceStart(dataSource: DataSource): Promise<string> {
  return dataSource.transaction((manager) =>
    appendEvent(manager, {
      type: REDEMARRAGE,
      entite: null,
      entiteId: null,
      region: null,
      revision: null,
      entites: [],
      listes: [EVERYTHING],
      donnees: {},
    }),
  );
}
