/**
 * What the feeds' and pages' ETag and Last-Modified are derived from, one function per kind of data,
 * so that each can move to its subgraph's last event when it has one.
 */

/**
 * The rencontres side, read before the data it versions (so that an ETag never claims a newer state
 * than its body): the last event of the rencontres outbox — every change of a rencontre, its
 * sessions or its registrations writes one — and the clubs' last update, since a feed shows club
 * names and contacts and clubs have no events of their own yet. Cheap: one probe per subgraph,
 * enough to answer 304 without reading the feed's data.
 */
export const RENCONTRES_VERSION_QUERY = `query VersionDesRencontres {
  evenementsRencontres { dernierEvenement { id survenuA } }
  clubs { misAJourLe }
}`;

export interface RencontresVersionData {
  readonly evenementsRencontres: { readonly dernierEvenement: { readonly id: string; readonly survenuA: string } | null };
  readonly clubs: readonly { readonly misAJourLe: string }[];
}

/** A version's contribution: what goes into the ETag, and the time it stands for. */
export interface DataVersion {
  readonly token: string;
  readonly lastModified: Date | null;
}

const latest = (dates: readonly (string | Date | null | undefined)[]): Date | null => {
  const times = dates.filter((d): d is string | Date => d !== null && d !== undefined).map((d) => new Date(d).getTime());
  return times.length ? new Date(Math.max(...times)) : null;
};

export function rencontresVersion(data: RencontresVersionData): DataVersion {
  const head = data.evenementsRencontres.dernierEvenement;
  const clubs = latest(data.clubs.map((c) => c.misAJourLe));
  return {
    token: `evenement:${head?.id ?? 0};clubs:${clubs?.toISOString() ?? ''}`,
    lastModified: latest([head?.survenuA, clubs]),
  };
}

/**
 * The publications side, from the data the feed or page lists (publications have no change events
 * yet): each listed publication with its last update, so that an update, an addition or one leaving
 * the list changes the version. When publications write change events, this becomes their last
 * event's id, as for rencontres, and can be read before the data.
 */
export function publicationsVersion(listed: readonly { readonly id: string; readonly misAJourLe: string }[]): DataVersion {
  return {
    token: `publications:${listed.map((p) => `${p.id}@${p.misAJourLe}`).join(',')}`,
    lastModified: latest(listed.map((p) => p.misAJourLe)),
  };
}

/** Several sides together (a rencontre's page shows its resources too). */
export function combined(...versions: readonly DataVersion[]): DataVersion {
  return { token: versions.map((v) => v.token).join('|'), lastModified: latest(versions.map((v) => v.lastModified)) };
}
