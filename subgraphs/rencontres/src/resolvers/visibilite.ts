import type { Viewer } from '@federess/auth';
import type { Context } from '../context';
import type { Inscription } from '../entities/inscription';
import type { Rencontre } from '../entities/rencontre';

/**
 * The field rules of rencontres, applied by the field resolvers themselves: a query, an entity
 * reference resolved for the gateway and a live-feed event all go through them.
 */

/**
 * The participant directory: every registration for an editor of the rencontre's région or an
 * admin; an adherent sees the registrations of its own collectivité; anyone else none (no SQL).
 */
export async function inscriptionsVisibles(viewer: Viewer, rencontre: Rencontre, charger: () => Promise<Inscription[]>): Promise<Inscription[]> {
  if (viewer.canSeeAllParticipants(rencontre.regionCode)) return charger();
  if (viewer.isAdherent) return (await charger()).filter((i) => viewer.actsFor(i.collectiviteId));
  return [];
}

/**
 * The online link of a rencontre's sessions: for an admin, an editor of its région, and an
 * adherent whose collectivité holds a confirmed registration to it. Anonymous callers get null
 * without any SQL; the others cost at most one batched statement per request.
 */
export async function lienVisible(ctx: Context, rencontreId: string): Promise<boolean> {
  const { viewer } = ctx;
  if (viewer.isAdmin) return true;
  if (viewer.isEditor) {
    const rencontre = await ctx.loaders.rencontreById.load(rencontreId);
    return !!rencontre && viewer.canWriteRegion(rencontre.regionCode);
  }
  if (viewer.isAdherent) return ctx.loaders.collectiviteInscrite.load(`${viewer.collectivite}|${rencontreId}`);
  return false;
}
