import type { SelectQueryBuilder } from 'typeorm';
import { type ConnectionData, type PageArgs, pageWindow, toConnection, toLazyConnection } from '@federess/subgraph-kit';
import type { Collectivite } from '../entities/collectivite';

/**
 * What `recherche` matches: a name within trigram similarity of what was typed (typos), or that
 * contains it (the words of a longer name). Both conditions are served by the trigram GIN index.
 */
const MATCHES = `(c.nom_normalise % normalise_nom(:q) OR c.nom_normalise LIKE '%' || normalise_nom(:q) || '%')`;
const PREFIX = `c.nom_normalise LIKE normalise_nom(:q) || '%'`;
const SIMILARITY = 'similarity(c.nom_normalise, normalise_nom(:q))';

/** Exact names first, then names that start with the words, then by similarity and size. */
function ranked(query: SelectQueryBuilder<Collectivite>): SelectQueryBuilder<Collectivite> {
  return query
    .orderBy('c.nom_normalise = normalise_nom(:q)', 'DESC')
    .addOrderBy(PREFIX, 'DESC')
    .addOrderBy(SIMILARITY, 'DESC')
    .addOrderBy('c.population', 'DESC', 'NULLS LAST')
    .addOrderBy('c.id', 'ASC');
}

/**
 * Narrower candidate sets tried first, each an index condition of the same GIN index: word
 * similarity (`%>`, at least pg_trgm.word_similarity_threshold, 0.6 by default) and strict word
 * similarity (`%>>`, at least pg_trgm.strict_word_similarity_threshold, 0.5). Neither is ever below
 * the similarity of the same two names (the whole name is one of the extents they take the best of),
 * so every name at least that similar is among a stage's candidates: its `guaranteed` similarity.
 */
const STAGES = [
  { operator: '%>', guaranteed: 0.6 },
  { operator: '%>>', guaranteed: 0.5 },
] as const;

/**
 * The page of a ranked search, exactly as if every match were ranked, without ranking every match
 * when it need not. A typed name with a very common word ("saint …", "la …") shares that word's
 * trigrams with thousands of names, and the plain condition makes Postgres compute the similarity
 * of each of them. But the page only holds the best: if a stage's candidates already hold as many
 * names that are prefixes or at least its guaranteed similarity as the page and one more row need,
 * then no name outside them can rank in the page (every name outside is neither a prefix match nor
 * that similar, so each of those ranks above it), and the stage's own ranking is the page. Otherwise
 * the next stage, and last every match, ranked in one statement that counts them too.
 *
 * The stages are for names of several words, where the common ones are; a single word is ranked
 * among all its matches at once (its candidates are few, or its page needs less similar names than
 * a stage guarantees). The total is then counted only when the client asks for `totalCount`.
 */
export async function rankedSearch(
  base: SelectQueryBuilder<Collectivite>,
  recherche: string,
  args: PageArgs,
): Promise<ConnectionData<Collectivite>> {
  const { offset, limit } = pageWindow(args);
  const searched = base.clone().setParameter('q', recherche);
  const count = () => searched.clone().andWhere(MATCHES).getCount();
  if (limit === 0) return toConnection([], offset, limit, await count());
  // The page and the row after it, if any: whether another page follows.
  const needed = offset + limit + 1;
  // Several words as normalise_nom reads them (letters and digits, anything else between): only speed depends on it.
  for (const stage of /[\p{L}\p{N}][^\p{L}\p{N}]+[\p{L}\p{N}]/u.test(recherche) ? STAGES : []) {
    const candidates = `(c.nom_normalise LIKE '%' || normalise_nom(:q) || '%' OR (c.nom_normalise ${stage.operator} normalise_nom(:q) AND c.nom_normalise % normalise_nom(:q)))`;
    const { entities, raw } = await ranked(searched.clone().andWhere(candidates))
      .addSelect(`count(*) FILTER (WHERE ${PREFIX} OR ${SIMILARITY} >= ${stage.guaranteed}) OVER ()`, 'search_decided')
      .offset(offset)
      .limit(limit + 1)
      .getRawAndEntities<Record<string, unknown>>();
    if (Number(raw[0]?.search_decided ?? 0) >= needed) return toLazyConnection(entities, offset, limit, count);
  }
  // Every match ranked: the count rides along.
  const { entities, raw } = await ranked(searched.clone().andWhere(MATCHES))
    .addSelect('count(*) OVER ()', 'search_total')
    .offset(offset)
    .limit(limit + 1)
    .getRawAndEntities<Record<string, unknown>>();
  const total = entities.length > 0 ? Number(raw[0]?.search_total ?? 0) : offset === 0 ? 0 : await count();
  return toConnection(entities.slice(0, limit), offset, limit, total);
}
