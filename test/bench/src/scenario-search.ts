import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { post } from './graphql';
import { percentile, round } from './load';

/** A place name as a person types it (no accents, lower case, sometimes a typo), and what they mean. */
interface SearchCase {
  readonly typed: string;
  readonly nom: string;
  readonly type: 'COMMUNE' | 'EPCI' | 'DEPARTEMENT';
  /** Département of a commune, to tell homonyms apart. */
  readonly departement?: string;
}

export const SEARCH_CASES: readonly SearchCase[] = [
  { typed: 'saint etienne', nom: 'Saint-Étienne', type: 'COMMUNE', departement: '42' },
  { typed: 'clermont ferrand', nom: 'Clermont-Ferrand', type: 'COMMUNE', departement: '63' },
  { typed: 'aix en provence', nom: 'Aix-en-Provence', type: 'COMMUNE', departement: '13' },
  { typed: 'besancon', nom: 'Besançon', type: 'COMMUNE', departement: '25' },
  { typed: 'orleans', nom: 'Orléans', type: 'COMMUNE', departement: '45' },
  { typed: 'nimes', nom: 'Nîmes', type: 'COMMUNE', departement: '30' },
  { typed: 'beziers', nom: 'Béziers', type: 'COMMUNE', departement: '34' },
  { typed: 'chalons en champagne', nom: 'Châlons-en-Champagne', type: 'COMMUNE', departement: '51' },
  { typed: 'perigueux', nom: 'Périgueux', type: 'COMMUNE', departement: '24' },
  { typed: 'montelimar', nom: 'Montélimar', type: 'COMMUNE', departement: '26' },
  { typed: 'quimperle', nom: 'Quimperlé', type: 'COMMUNE', departement: '29' },
  { typed: 'epinal', nom: 'Épinal', type: 'COMMUNE', departement: '88' },
  { typed: 'evry courcouronnes', nom: 'Évry-Courcouronnes', type: 'COMMUNE', departement: '91' },
  { typed: 'la roche sur yon', nom: 'La Roche-sur-Yon', type: 'COMMUNE', departement: '85' },
  { typed: 'saint brieuc', nom: 'Saint-Brieuc', type: 'COMMUNE', departement: '22' },
  { typed: 'saint nazaire', nom: 'Saint-Nazaire', type: 'COMMUNE', departement: '44' },
  { typed: 'saint malo', nom: 'Saint-Malo', type: 'COMMUNE', departement: '35' },
  { typed: 'le puy en velay', nom: 'Le Puy-en-Velay', type: 'COMMUNE', departement: '43' },
  { typed: 'chateauroux', nom: 'Châteauroux', type: 'COMMUNE', departement: '36' },
  { typed: 'chambery', nom: 'Chambéry', type: 'COMMUNE', departement: '73' },
  { typed: 'vitre', nom: 'Vitré', type: 'COMMUNE', departement: '35' },
  { typed: 'ales', nom: 'Alès', type: 'COMMUNE', departement: '30' },
  { typed: 'sete', nom: 'Sète', type: 'COMMUNE', departement: '34' },
  { typed: 'fecamp', nom: 'Fécamp', type: 'COMMUNE', departement: '76' },
  { typed: 'pointe a pitre', nom: 'Pointe-à-Pitre', type: 'COMMUNE', departement: '971' },
  { typed: 'fort de france', nom: 'Fort-de-France', type: 'COMMUNE', departement: '972' },
  { typed: 'cayenne', nom: 'Cayenne', type: 'COMMUNE', departement: '973' },
  { typed: 'mamoudzou', nom: 'Mamoudzou', type: 'COMMUNE', departement: '976' },
  { typed: 'ajaccio', nom: 'Ajaccio', type: 'COMMUNE', departement: '2A' },
  { typed: 'bastia', nom: 'Bastia', type: 'COMMUNE', departement: '2B' },
  { typed: 'reims', nom: 'Reims', type: 'COMMUNE', departement: '51' },
  { typed: 'angers', nom: 'Angers', type: 'COMMUNE', departement: '49' },
  { typed: 'brest', nom: 'Brest', type: 'COMMUNE', departement: '29' },
  { typed: 'limoges', nom: 'Limoges', type: 'COMMUNE', departement: '87' },
  { typed: 'la rochelle', nom: 'La Rochelle', type: 'COMMUNE', departement: '17' },
  { typed: 'annecy', nom: 'Annecy', type: 'COMMUNE', departement: '74' },
  { typed: 'ille et vilaine', nom: 'Ille-et-Vilaine', type: 'DEPARTEMENT' },
  { typed: 'puy de dome', nom: 'Puy-de-Dôme', type: 'DEPARTEMENT' },
  { typed: 'rennes metropole', nom: 'Rennes Métropole', type: 'EPCI' },
  { typed: 'grand besancon metropole', nom: 'CU Grand Besançon Métropole', type: 'EPCI' },
  // Typos: one letter missing, doubled, swapped or wrong.
  { typed: 'villeurbane', nom: 'Villeurbanne', type: 'COMMUNE', departement: '69' },
  { typed: 'monpellier', nom: 'Montpellier', type: 'COMMUNE', departement: '34' },
  { typed: 'toulousse', nom: 'Toulouse', type: 'COMMUNE', departement: '31' },
  { typed: 'strasbour', nom: 'Strasbourg', type: 'COMMUNE', departement: '67' },
  { typed: 'marseile', nom: 'Marseille', type: 'COMMUNE', departement: '13' },
  { typed: 'bordeau', nom: 'Bordeaux', type: 'COMMUNE', departement: '33' },
  { typed: 'grenobel', nom: 'Grenoble', type: 'COMMUNE', departement: '38' },
  { typed: 'perpignant', nom: 'Perpignan', type: 'COMMUNE', departement: '66' },
  { typed: 'valencienne', nom: 'Valenciennes', type: 'COMMUNE', departement: '59' },
  { typed: 'saint etiene', nom: 'Saint-Étienne', type: 'COMMUNE', departement: '42' },
];

export interface SearchRow {
  readonly typed: string;
  readonly intended: string;
  readonly intendedId: string | null;
  /** 1-based rank of the intended collectivité in the first page (5 results), 0 when absent. */
  readonly rank: number;
  readonly first: string | null;
}

export interface SearchResult {
  readonly names: number;
  readonly repetitions: number;
  /** Through the FédérESS gateway, and on the collectivites subgraph alone, ms. */
  readonly gateway: { p50: number; p99: number; max: number };
  readonly subgraph: { p50: number; p99: number; max: number };
  readonly firstCount: number;
  readonly inTop5: number;
  readonly misses: SearchRow[];
  readonly rows: SearchRow[];
}

const SEARCH = `query Recherche($q: String!) { collectivites(recherche: $q, first: 5) { edges { node { id nom type } } } }`;

/** Each name searched `repetitions` times, one request at a time (a person typing), through the gateway and on the subgraph. */
export async function runSearch(
  gatewayUrl: string,
  subgraphUrl: string,
  collectivitesDbUrl: string,
  repetitions: number,
): Promise<SearchResult> {
  const db = new Client({ connectionString: collectivitesDbUrl });
  await db.connect();
  const intended = new Map<string, string | null>();
  try {
    for (const c of SEARCH_CASES) {
      const { rows } = await db.query<{ id: string }>(
        'SELECT id FROM collectivite WHERE nom = $1 AND type = $2 AND ($3::text IS NULL OR departement_code = $3) ORDER BY population DESC NULLS LAST LIMIT 1',
        [c.nom, c.type, c.departement ?? null],
      );
      intended.set(c.typed, rows[0]?.id ?? null);
    }
  } finally {
    await db.end();
  }

  const timings = { gateway: [] as number[], subgraph: [] as number[] };
  const rows: SearchRow[] = [];
  for (let r = 0; r < repetitions; r++) {
    for (const c of SEARCH_CASES) {
      for (const [where, url] of [
        ['gateway', gatewayUrl],
        ['subgraph', subgraphUrl],
      ] as const) {
        const started = performance.now();
        const answer = await post<{ collectivites: { edges: { node: { id: string; nom: string } }[] } }>(url, SEARCH, { q: c.typed });
        timings[where].push(performance.now() - started);
        if (r === 0 && where === 'gateway') {
          const nodes = (answer.data?.collectivites.edges ?? []).map((e) => e.node);
          const id = intended.get(c.typed) ?? null;
          const rank = id ? nodes.findIndex((n) => n.id === id) + 1 : 0;
          rows.push({
            typed: c.typed,
            intended: `${c.nom}${c.departement ? ` (${c.departement})` : ''}`,
            intendedId: id,
            rank,
            first: nodes[0] ? `${nodes[0].nom} ${nodes[0].id}` : null,
          });
        }
      }
    }
  }
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1]!) };
  };
  return {
    names: SEARCH_CASES.length,
    repetitions,
    gateway: stats(timings.gateway),
    subgraph: stats(timings.subgraph),
    firstCount: rows.filter((r) => r.rank === 1).length,
    inTop5: rows.filter((r) => r.rank >= 1).length,
    misses: rows.filter((r) => r.rank !== 1),
    rows,
  };
}
