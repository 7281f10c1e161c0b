import type { Context } from '../context';
import { StatutInscription } from '../entities/enums';
import type { Inscription } from '../entities/inscription';
import type { Rencontre } from '../entities/rencontre';

/**
 * The field rules of rencontres, applied by the field resolvers themselves: a query, an entity
 * reference resolved for the gateway and a live-feed event all go through them.
 */

/**
 * The participant directory: every registration (confirmed and cancelled) for an editor of the
 * rencontre's région or an admin. An adherent whose collectivité holds a confirmed registration to
 * a rencontre that shares its directory (`annuairePartage`) sees every confirmed registration;
 * any other adherent the registrations of its own collectivité; anyone else none (no SQL).
 * Batched: the registrations and the "is this collectivité registered" question each cost one
 * statement per request, whatever the number of rencontres.
 */
export async function visibleInscriptions(ctx: Context, rencontre: Rencontre): Promise<Inscription[]> {
  const { viewer, loaders } = ctx;
  const load = () => loaders.inscriptionsByRencontre.load(rencontre.id);
  if (viewer.canSeeAllParticipants(rencontre.regionCode)) return load();
  if (!viewer.isAdherent) return [];
  const [inscriptions, annuaire] = await Promise.all([
    load(),
    rencontre.annuairePartage ? loaders.collectiviteRegistered.load(`${viewer.collectivite}|${rencontre.id}`) : false,
  ]);
  if (annuaire) return inscriptions.filter((i) => i.statut === StatutInscription.CONFIRMEE);
  return inscriptions.filter((i) => viewer.actsFor(i.collectiviteId));
}

/**
 * The online link of a rencontre's sessions: for an admin, an editor of its région, and an
 * adherent whose collectivité holds a confirmed registration to it. Anonymous callers get null
 * without any SQL; the others cost at most one batched statement per request.
 */
export async function onlineLinkVisible(ctx: Context, rencontreId: string): Promise<boolean> {
  const { viewer } = ctx;
  if (viewer.isAdmin) return true;
  if (viewer.isEditor) {
    const rencontre = await ctx.loaders.rencontreById.load(rencontreId);
    return !!rencontre && viewer.canWriteRegion(rencontre.regionCode);
  }
  if (viewer.isAdherent) return ctx.loaders.collectiviteRegistered.load(`${viewer.collectivite}|${rencontreId}`);
  return false;
}
