/**
 * One row of a subgraph's outbox: one committed change, as its consumers receive it (the rencontres
 * live feed, the gateway's cache, delta syncs). The same shape in every subgraph; what only one
 * subgraph's consumers need travels in `donnees`.
 */
export interface OutboxEvent<D extends object = Readonly<Record<string, unknown>>> {
  /** Monotonically increasing, in commit order (a bigint, as a decimal string). */
  readonly id: string;
  /** What happened, in the subgraph's own words: CREEE, MODIFIEE, ANNULEE, CREE, …; REDEMARRAGE for a subgraph start. */
  readonly type: string;
  /** The type of the entity changed (`Rencontre`, `Club`, `Publication`, `Collectivite`); null for an event about the whole subgraph. */
  readonly entite: string | null;
  /** Its id; null with `entite`. */
  readonly entiteId: string | null;
  /** Its région after the change (null: national data, or no région). */
  readonly region: string | null;
  /** Its revision after the change, for entities that keep one (rencontres, publications); null otherwise. */
  readonly revision: number | null;
  readonly survenuA: Date;
  /**
   * Every entity whose fields, in this subgraph, the change may alter, as `Type:id` (see entityTag):
   * the one changed and those whose lists hold it (`Club:<id>` for a new rencontre of the club).
   */
  readonly entites: readonly string[];
  /** The root fields whose answers it may alter, as `Query.<field>` (see rootFieldTag); `*`: anything of the subgraph. */
  readonly listes: readonly string[];
  /** What only this subgraph's consumers read (the rencontres live feed: club, thématiques, type of rencontre). */
  readonly donnees: D;
}

export type NewOutboxEvent<D extends object = Readonly<Record<string, unknown>>> = Omit<OutboxEvent<D>, 'id' | 'survenuA'>;

/** The Postgres channel committed events are announced on (channels are per database: one per subgraph). */
export const OUTBOX_CHANNEL = 'federess_evenements';

interface OutboxRow {
  id: string;
  type: string;
  entite: string | null;
  entite_id: string | null;
  region: string | null;
  revision: number | null;
  survenu_a: Date;
  entites: string[];
  listes: string[];
  donnees: Record<string, unknown>;
}

export const OUTBOX_COLUMNS = 'id::text AS id, type, entite, entite_id, region, revision, survenu_a, entites, listes, donnees';

export function fromRow(row: OutboxRow): OutboxEvent {
  return {
    id: row.id,
    type: row.type,
    entite: row.entite,
    entiteId: row.entite_id,
    region: row.region,
    revision: row.revision,
    survenuA: row.survenu_a,
    entites: row.entites,
    listes: row.listes,
    donnees: row.donnees,
  };
}

export type { OutboxRow };
