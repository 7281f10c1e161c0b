/** One row of the outbox: a change of a rencontre, as subscribers receive it. */
export interface OutboxEvent {
  /** Monotonically increasing, in commit order (a bigint, as a decimal string). */
  readonly id: string;
  readonly type: string;
  readonly rencontreId: string;
  readonly region: string | null;
  readonly clubId: string | null;
  readonly thematiques: readonly string[];
  readonly rencontreType: string | null;
  readonly revision: number;
  readonly survenuA: Date;
}

export type NewOutboxEvent = Omit<OutboxEvent, 'id' | 'survenuA'>;

/** The Postgres channel committed events are announced on. */
export const OUTBOX_CHANNEL = 'federess_evenements';

interface OutboxRow {
  id: string;
  type: string;
  rencontre_id: string;
  region: string | null;
  club_id: string | null;
  thematiques: string[];
  rencontre_type: string | null;
  revision: number;
  survenu_a: Date;
}

export const OUTBOX_COLUMNS = 'id::text AS id, type, rencontre_id, region, club_id, thematiques, rencontre_type, revision, survenu_a';

export function fromRow(row: OutboxRow): OutboxEvent {
  return {
    id: row.id,
    type: row.type,
    rencontreId: row.rencontre_id,
    region: row.region,
    clubId: row.club_id,
    thematiques: row.thematiques,
    rencontreType: row.rencontre_type,
    revision: row.revision,
    survenuA: row.survenu_a,
  };
}

export type { OutboxRow };
