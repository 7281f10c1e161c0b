import { performance } from 'node:perf_hooks';
import { post, sleep } from './graphql';
import { percentile, round } from './load';

/** The agenda as the readers of the freshness scenario ask it: what a change of each kind shows in. */
const AGENDA = `query Fraicheur($depuis: DateTimeISO!) {
  rencontres(filtre: { depuis: $depuis }, first: 50) { edges { node { id titre club { id nom } ressources { id titre } } } }
}`;

interface Agenda {
  rencontres: {
    edges: { node: { id: string; titre: string; club: { id: string; nom: string } | null; ressources: { id: string; titre: string }[] } }[];
  };
}

type Kind = 'rencontre' | 'club' | 'publication';
const KINDS: readonly Kind[] = ['rencontre', 'club', 'publication'];

export interface FreshnessTargets {
  /** The rencontre, club and publication the writer modifies (the first upcoming rencontre, its club, a resource of it). */
  readonly rencontreId: string;
  readonly clubId: string;
  readonly publicationId: string;
}

export interface FreshnessRow {
  /** Which gateway the readers ask, and through which the writer writes. */
  readonly readers: string;
  readonly writer: string;
  readonly durationS: number;
  readonly mutations: number;
  readonly mutationsPerSecond: number;
  readonly reads: number;
  /** Answers older than a change whose mutation had answered before the read was sent. */
  readonly staleReads: number;
  /** Per change: from its mutation's answer to the first read sent after it that shows it (ms). */
  readonly staleWindow: { p50: number; p99: number; max: number; changes: number };
  /**
   * For a FédérESS replica that did not make the change: from the mutation's answer to the moment
   * the replica's /health shows the change event applied (its cache evicted), ms. Reads sent after
   * that get the change; the read-based window above adds the time of a read on a loaded machine.
   */
  readonly eventDelivery?: { p50: number; p99: number; max: number };
  readonly readP50: number;
  readonly readP99: number;
  readonly note?: string;
}

export interface FreshnessResult {
  readonly method: string;
  readonly readers: number;
  readonly targetMutationsPerSecond: number;
  readonly rows: FreshnessRow[];
}

const SUBGRAPH_OF: Record<Kind, string> = { rencontre: 'rencontres', club: 'clubs', publication: 'publications' };

/** The id of the last change event of `subgraph` a FédérESS gateway applied to its cache, from its /health. */
async function lastEvent(healthUrl: string, subgraph: string): Promise<bigint> {
  const health = (await (await fetch(healthUrl)).json()) as { cache?: { subgraphs?: Record<string, { lastEvent?: string }> } };
  return BigInt(health.cache?.subgraphs?.[subgraph]?.lastEvent ?? '0');
}

/** The revision a change wrote in a title or name (`… #12`), 0 for none. */
const revisionOf = (text: string | undefined): number => Number(/#(\d+)$/.exec(text ?? '')?.[1] ?? 0);

const agendaOf = async (url: string, depuis: string): Promise<Agenda | undefined> =>
  (await post(url, AGENDA, { depuis })).data as Agenda | undefined;

/** Finds the targets in the agenda, and gives the first upcoming rencontre with a club a resource of its own (the dataset's are past ones'). */
export async function prepareFreshness(writerUrl: string, depuis: string, headers: Record<string, string>): Promise<FreshnessTargets> {
  const first = (await agendaOf(writerUrl, depuis))?.rencontres.edges.map((e) => e.node).find((node) => node.club);
  if (!first?.club) throw new Error('freshness: no upcoming rencontre with a club in the agenda');
  const created = await post(
    writerUrl,
    `mutation($input: CreerPublicationInput!) { creerPublication(input: $input) { id } }`,
    {
      input: {
        titre: 'Compte rendu (fraîcheur) #0',
        type: 'COMPTE_RENDU',
        datePublication: depuis.slice(0, 10),
        editeur: 'RTES',
        rencontreId: first.id,
      },
    },
    headers,
  );
  const publicationId = (created.data?.creerPublication as { id?: string } | undefined)?.id;
  if (!publicationId) throw new Error(`freshness: cannot create the publication: ${created.errors?.[0]?.message ?? 'no id'}`);
  return { rencontreId: first.id, clubId: first.club.id, publicationId };
}

const MUTATIONS: Record<Kind, (targets: FreshnessTargets, revision: number) => { query: string; variables: Record<string, unknown> }> = {
  rencontre: (t, k) => ({
    query: 'mutation($id: ID!, $titre: String!) { modifierRencontre(id: $id, input: { titre: $titre }) { id } }',
    variables: { id: t.rencontreId, titre: `Rencontre de la fraîcheur #${k}` },
  }),
  club: (t, k) => ({
    query: 'mutation($id: ID!, $nom: String!) { modifierClub(id: $id, input: { nom: $nom }) { id } }',
    variables: { id: t.clubId, nom: `Club de la fraîcheur #${k}` },
  }),
  publication: (t, k) => ({
    query: 'mutation($id: ID!, $titre: String!) { modifierPublication(id: $id, input: { titre: $titre }) { id } }',
    variables: { id: t.publicationId, titre: `Compte rendu (fraîcheur) #${k}` },
  }),
};

/** The revisions of the three targets an agenda answer shows. */
function seen(agenda: Agenda | undefined, t: FreshnessTargets): Record<Kind, number> | undefined {
  const node = agenda?.rencontres.edges.map((e) => e.node).find((n) => n.id === t.rencontreId);
  if (!node) return undefined;
  return {
    rencontre: revisionOf(node.titre),
    club: revisionOf(node.club?.nom),
    publication: revisionOf(node.ressources.find((r) => r.id === t.publicationId)?.titre),
  };
}

/**
 * While one writer changes the rencontre, its club and its publication in turn (`mutationsPerSecond`,
 * through `writer`), `readers` clients read the agenda through `readers` gateway, each noting before
 * it sends the last revision of each thing whose mutation had answered: an answer showing less is a
 * stale read. Each change's stale window is from its mutation's answer to the first read sent after
 * it that shows it (through the writer's own gateway it should be nil; through another replica it is
 * the time its change event takes to arrive).
 */
export async function runFreshness(
  readersGateway: { name: string; url: string },
  writerGateway: { name: string; url: string },
  targets: FreshnessTargets,
  options: {
    depuis: string;
    headers: Record<string, string>;
    readers: number;
    durationS: number;
    mutationsPerSecond: number;
    startRevision: number;
    /** The readers' gateway /health, when it is a FédérESS replica: its event delivery is measured too. */
    healthUrl?: string;
  },
): Promise<FreshnessRow & { lastRevision: number }> {
  const committed: Record<Kind, number> = { rencontre: 0, club: 0, publication: 0 };
  const changes: { kind: Kind; revision: number; at: number; firstFresh?: number }[] = [];
  let revision = options.startRevision;
  const deliveries: number[] = [];
  let running = true;
  let reads = 0;
  let staleReads = 0;
  let errors = 0;
  const latencies: number[] = [];
  const began = performance.now();
  const writer = (async () => {
    const interval = 1000 / options.mutationsPerSecond;
    for (let i = 0; running; i++) {
      const kind = KINDS[i % KINDS.length]!;
      revision += 1;
      const { query, variables } = MUTATIONS[kind](targets, revision);
      const before = options.healthUrl ? await lastEvent(options.healthUrl, SUBGRAPH_OF[kind]) : undefined;
      const started = performance.now();
      const answer = await post(writerGateway.url, query, variables, options.headers);
      if (answer.errors) errors += 1;
      else {
        const at = performance.now();
        committed[kind] = revision;
        changes.push({ kind, revision, at });
        if (options.healthUrl && before !== undefined) {
          while ((await lastEvent(options.healthUrl, SUBGRAPH_OF[kind])) <= before && performance.now() - at < 5000) await sleep(1);
          deliveries.push(Math.max(0, performance.now() - at));
        }
      }
      await sleep(Math.max(0, interval - (performance.now() - started)));
    }
  })();
  const reader = async () => {
    while (running) {
      const known = { ...committed };
      const sentAt = performance.now();
      const view = seen(await agendaOf(readersGateway.url, options.depuis), targets);
      latencies.push(performance.now() - sentAt);
      reads += 1;
      if (!view) {
        errors += 1;
        continue;
      }
      if (KINDS.some((kind) => view[kind] < known[kind])) staleReads += 1;
      for (const change of changes) {
        if (change.firstFresh === undefined && sentAt >= change.at && view[change.kind] >= change.revision) change.firstFresh = sentAt;
      }
    }
  };
  const readers = Array.from({ length: options.readers }, reader);
  await sleep(options.durationS * 1000);
  running = false;
  await Promise.all([writer, ...readers]);
  const elapsedS = (performance.now() - began) / 1000;
  const windows = changes
    .filter((c) => c.firstFresh !== undefined)
    .map((c) => c.firstFresh! - c.at)
    .sort((a, b) => a - b);
  latencies.sort((a, b) => a - b);
  return {
    readers: readersGateway.name,
    writer: writerGateway.name,
    durationS: round(elapsedS, 1),
    mutations: changes.length,
    mutationsPerSecond: round(changes.length / elapsedS, 1),
    reads,
    staleReads,
    staleWindow: {
      p50: round(percentile(windows, 50)),
      p99: round(percentile(windows, 99)),
      max: round(windows[windows.length - 1] ?? NaN),
      changes: windows.length,
    },
    ...(deliveries.length
      ? (() => {
          deliveries.sort((a, b) => a - b);
          return {
            eventDelivery: {
              p50: round(percentile(deliveries, 50)),
              p99: round(percentile(deliveries, 99)),
              max: round(deliveries.at(-1) ?? NaN),
            },
          };
        })()
      : {}),
    readP50: round(percentile(latencies, 50)),
    readP99: round(percentile(latencies, 99)),
    ...(errors ? { note: `${errors} answer(s) with errors or without the rencontre` } : {}),
    lastRevision: revision,
  };
}
