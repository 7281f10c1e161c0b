import type { FeedReader, RunOperation } from './graph';

/**
 * What the feeds' and pages' ETag and Last-Modified are derived from: the last change of each
 * subgraph whose data they show, read through the graph (`dernierChangement<Subgraph>`, one index
 * probe each in the subgraph's outbox), before the data, so that a reader that has the version gets
 * its 304 without the data being read. Each probe reaches its subgraph (the outbox is never cached),
 * which also checks a private feed's token at every request.
 */
const LAST_CHANGE = {
  rencontres: 'dernierChangementRencontres',
  clubs: 'dernierChangementClubs',
  publications: 'dernierChangementPublications',
} as const;

export type VersionedSubgraph = keyof typeof LAST_CHANGE;

/** The rencontres, their sessions and registrations, and the clubs (a calendar shows their names and contacts). */
export const RENCONTRES: readonly VersionedSubgraph[] = ['rencontres', 'clubs'];
/** The publications (their feeds show no club nor rencontre). */
export const PUBLICATIONS: readonly VersionedSubgraph[] = ['publications'];

type LastChange = { readonly id: string; readonly survenuA: string } | null;

/** A version of the data a representation shows. */
export interface DataVersion {
  /** What goes into the ETag. */
  readonly token: string;
  /** The time of the last change it stands for (null when no change is kept). */
  readonly lastModified: Date | null;
  /**
   * The reader to read the data with: its answers show at least the changes of the version (the
   * gateway's cache is bypassed for a subgraph whose change it has not applied yet), so that an
   * ETag never stands for a newer state than its body.
   */
  readonly reader: FeedReader;
}

/** The version of the given subgraphs' data, read as `reader` (a private feed's token is checked here too). */
export async function readVersion(run: RunOperation, reader: FeedReader, subgraphs: readonly VersionedSubgraph[]): Promise<DataVersion> {
  const names = [...new Set(subgraphs)];
  const query = `query Version { ${names.map((name) => `${LAST_CHANGE[name]} { id survenuA }`).join(' ')} }`;
  const data = await run<Record<string, LastChange>>(query, {}, reader);
  const changes = names.map((name) => [name, data[LAST_CHANGE[name]] ?? null] as const);
  const times = changes.flatMap(([, change]) => (change ? [Date.parse(change.survenuA)] : []));
  return {
    token: changes.map(([name, change]) => `${name}:${change?.id ?? '-'}`).join(';'),
    lastModified: times.length ? new Date(Math.max(...times)) : null,
    reader: {
      ...reader,
      freshAfter: { ...reader.freshAfter, ...Object.fromEntries(changes.flatMap(([name, change]) => (change ? [[name, change.id]] : []))) },
    },
  };
}
