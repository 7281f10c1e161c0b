import { type AgendaParams, agendaFilter } from './agenda-params';
import type { FeedReader, RunOperation } from './graph';
import { RENCONTRE_FRAGMENT, type RencontreDuFlux } from './rencontre-data';

/** The most rencontres one agenda feed lists (the largest page the graph gives, five times). */
export const AGENDA_MAX_RENCONTRES = 1000;
const PAGE = 200;

export const AGENDA_QUERY = `query FluxAgenda($filtre: RencontreFiltre, $first: Int, $after: String, $prive: Boolean!) {
  rencontres(filtre: $filtre, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { ...RencontreDuFlux } }
  }
}
${RENCONTRE_FRAGMENT}`;

interface AgendaPage {
  readonly rencontres: {
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly edges: readonly { readonly node: RencontreDuFlux }[];
  };
}

/** The agenda's rencontres in start order, page after page through the graph, up to `max`. */
export async function loadAgenda(
  run: RunOperation,
  params: AgendaParams,
  reader: FeedReader,
  max = AGENDA_MAX_RENCONTRES,
): Promise<RencontreDuFlux[]> {
  const rencontres: RencontreDuFlux[] = [];
  let after: string | null = null;
  do {
    const variables = {
      filtre: agendaFilter(params),
      first: Math.min(PAGE, max - rencontres.length),
      after,
      prive: reader.feedToken !== undefined,
    };
    const page: AgendaPage = await run<AgendaPage>(AGENDA_QUERY, variables, reader);
    rencontres.push(...page.rencontres.edges.map((e) => e.node));
    after = page.rencontres.pageInfo.hasNextPage ? page.rencontres.pageInfo.endCursor : null;
  } while (after !== null && rencontres.length < max);
  return rencontres;
}

const RENCONTRE_QUERY = `query FluxRencontre($id: ID!, $prive: Boolean!) {
  rencontre(id: $id) { ...RencontreDuFlux ressources { id titre type datePublication misAJourLe } }
}
${RENCONTRE_FRAGMENT}`;

export interface RencontreAvecRessources extends RencontreDuFlux {
  readonly ressources: readonly {
    readonly id: string;
    readonly titre: string;
    readonly type: string;
    readonly datePublication: string;
    readonly misAJourLe: string;
  }[];
}

/** One rencontre, as anonymous readers see it, with the publications that report on it; null when there is none. */
export async function loadRencontre(run: RunOperation, id: string, reader: FeedReader): Promise<RencontreAvecRessources | null> {
  const data = await run<{ rencontre: RencontreAvecRessources | null }>(
    RENCONTRE_QUERY,
    { id, prive: reader.feedToken !== undefined },
    reader,
  );
  return data.rencontre;
}
