import { feedTokenDigest, isFeedToken, type Role, unauthenticated, Viewer } from '@federess/auth';
import type { BaseSubgraphContext } from '@federess/subgraph-kit';
import { JetonAgenda } from './entities/jeton-agenda';

const refus = (why: string) => unauthenticated(`Jeton d'agenda refusé : ${why}`, { raison: 'JETON_AGENDA' });

/**
 * The viewer a private feed reads as: the owner of the feed token, read-only. Only the gateway hands
 * a feed token over (it serves the feeds, with its fixed feed operations), never with another
 * credential; an unknown or revoked token fails the whole request with HTTP 401, before any field.
 */
export async function feedTokenViewer(base: BaseSubgraphContext, jeton: string): Promise<Viewer> {
  if (!base.fromGateway) throw refus('seule la passerelle sert les flux privés (/agenda.ics?jeton=…).');
  if (base.viewer.isAuthenticated) throw refus('il ne s’ajoute pas à un autre jeton.');
  if (!isFeedToken(jeton)) throw refus('ce n’est pas un jeton d’agenda.');
  const trouve = await base.dataSource.getRepository(JetonAgenda).findOneBy({ empreinte: feedTokenDigest(jeton) });
  if (!trouve || trouve.revoqueLe) throw refus('inconnu ou révoqué.');
  return Viewer.readOnlyOf({ sub: trouve.sujet, role: trouve.role as Role, regions: trouve.regions, collectivite: trouve.collectivite });
}
