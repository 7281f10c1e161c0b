import type { CollectiviteReference } from '@federess/subgraph-kit';
import type { IntervenantInput, LieuInput, SessionRencontreInput } from '../inputs/creer-rencontre';
import { parseCollectiviteId } from '../validation/ids';

/** The parts of creerRencontre's and modifierRencontre's input that name collectivités. */
interface AvecCollectivites {
  readonly lieu?: LieuInput | null;
  readonly sessions?: readonly SessionRencontreInput[] | null;
  readonly intervenants?: readonly IntervenantInput[] | null;
}

/**
 * The collectivités an input names, each with its field (`lieu.communeId`,
 * `sessions[1].lieu.communeId`, `intervenants[0].collectiviteId`), in their checked form: what
 * `requireKnownCollectivites` asks the collectivites subgraph about before anything is written.
 */
export function collectivitesNommees(input: AvecCollectivites): CollectiviteReference[] {
  const nommees: CollectiviteReference[] = [];
  const ajouter = (id: string | null | undefined, champ: string) => {
    if (id) nommees.push({ id: parseCollectiviteId(id, champ), champ });
  };
  ajouter(input.lieu?.communeId, 'lieu.communeId');
  input.sessions?.forEach((s, i) => ajouter(s.lieu?.communeId, `sessions[${i}].lieu.communeId`));
  input.intervenants?.forEach((p, i) => ajouter(p.collectiviteId, `intervenants[${i}].collectiviteId`));
  return nommees;
}
