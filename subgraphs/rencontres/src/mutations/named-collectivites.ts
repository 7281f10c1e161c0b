import { type CollectiviteReference, parseCollectiviteId } from '@federess/subgraph-kit';
import type { IntervenantInput, LieuInput, SessionRencontreInput } from '../inputs/creer-rencontre-input';

/** The parts of creerRencontre's and modifierRencontre's input that name collectivités. */
interface NamingCollectivites {
  readonly lieu?: LieuInput | null;
  readonly sessions?: readonly SessionRencontreInput[] | null;
  readonly intervenants?: readonly IntervenantInput[] | null;
}

/**
 * The collectivités an input names, each with its field (`lieu.communeId`,
 * `sessions[1].lieu.communeId`, `intervenants[0].collectiviteId`), in their checked form: what
 * `requireKnownCollectivites` asks the collectivites subgraph about before anything is written.
 */
export function namedCollectivites(input: NamingCollectivites): CollectiviteReference[] {
  const named: CollectiviteReference[] = [];
  const add = (id: string | null | undefined, champ: string) => {
    if (id) named.push({ id: parseCollectiviteId(id, champ), champ });
  };
  add(input.lieu?.communeId, 'lieu.communeId');
  input.sessions?.forEach((s, i) => add(s.lieu?.communeId, `sessions[${i}].lieu.communeId`));
  input.intervenants?.forEach((p, i) => add(p.collectiviteId, `intervenants[${i}].collectiviteId`));
  return named;
}
