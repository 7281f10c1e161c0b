import { randomUUID } from 'node:crypto';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { feedTokenDigest, forbidden, newFeedToken, requireAuthenticated } from '@federess/auth';
import { conflict, notFound } from '@federess/server-kit';
import { optionalText, parseUuid } from '@federess/subgraph-kit';
import { IsNull } from 'typeorm';
import type { Context } from '../context';
import { JetonAgenda } from '../entities/jeton-agenda';
import { JetonAgendaCree } from '../entities/jeton-agenda-cree';

/** Active feed tokens one person may hold: enough for every device, bounded all the same. */
export const MAX_JETONS_AGENDA = 20;
const MAX_LIBELLE = 100;

@Resolver(() => JetonAgenda)
export class JetonAgendaResolver {
  @Query(() => [JetonAgenda], { description: "Vos jetons d'agenda (sans le jeton lui-même), les plus récents d'abord" })
  jetonsAgenda(@Ctx() ctx: Context): Promise<JetonAgenda[]> {
    requireAuthenticated(ctx.viewer, "lister vos jetons d'agenda");
    // Its answer is the caller's own (not its scope's), and tokens are written without change events.
    ctx.cacheHints?.uncacheable();
    return ctx.dataSource.getRepository(JetonAgenda).find({ where: { sujet: ctx.viewer.subject! }, order: { creeLe: 'DESC', id: 'ASC' } });
  }

  @Mutation(() => JetonAgendaCree, {
    description:
      "Crée l'adresse d'un agenda privé pour un logiciel d'agenda (Outlook, Google Agenda…), qui ne peut pas envoyer de jeton : /agenda.ics?jeton=… montre ce que vous pouvez voir (vos inscriptions, les liens de connexion auxquels vous avez droit), en lecture seule, avec vos droits d'aujourd'hui. Révocable.",
  })
  async creerJetonAgenda(
    @Arg('libelle', () => String, { nullable: true, description: 'Où il servira : « Outlook du bureau »' }) libelle: string | null,
    @Ctx() ctx: Context,
  ): Promise<JetonAgendaCree> {
    const { viewer } = ctx;
    requireAuthenticated(viewer, "créer un jeton d'agenda");
    const sujet = viewer.subject!;
    const nom = optionalText(libelle, 'libelle', MAX_LIBELLE);
    const jeton = newFeedToken();
    const cree = await ctx.dataSource.transaction(async (manager) => {
      // One person's creations are serialised, so that the bound holds even for concurrent calls.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`jeton_agenda:${sujet}`]);
      const actifs = await manager.countBy(JetonAgenda, { sujet, revoqueLe: IsNull() });
      if (actifs >= MAX_JETONS_AGENDA) {
        throw conflict(
          `Vous avez déjà ${MAX_JETONS_AGENDA} jetons d'agenda actifs : révoquez-en un (revoquerJetonAgenda) avant d'en créer un autre.`,
        );
      }
      const ligne: JetonAgenda = {
        id: randomUUID(),
        empreinte: feedTokenDigest(jeton),
        sujet,
        role: viewer.role!,
        regions: [...viewer.regions],
        collectivite: viewer.collectivite,
        libelle: nom,
        creeLe: new Date(),
        revoqueLe: null,
      };
      await manager.insert(JetonAgenda, ligne);
      return ligne;
    });
    return { jetonAgenda: cree, jeton, chemin: `/agenda.ics?jeton=${jeton}` };
  }

  @Mutation(() => JetonAgenda, { description: "Révoque un jeton d'agenda : son flux répond aussitôt 401, sans aucune donnée" })
  async revoquerJetonAgenda(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<JetonAgenda> {
    const { viewer } = ctx;
    requireAuthenticated(viewer, "révoquer un jeton d'agenda");
    const jetonId = parseUuid(id, 'id');
    return ctx.dataSource.transaction(async (manager) => {
      const jeton = await manager.getRepository(JetonAgenda).findOne({ where: { id: jetonId }, lock: { mode: 'pessimistic_write' } });
      if (!jeton) throw notFound("Jeton d'agenda", id);
      if (jeton.sujet !== viewer.subject && !viewer.isAdmin) throw forbidden("Ce jeton d'agenda n'est pas le vôtre.");
      if (jeton.revoqueLe) throw conflict("Ce jeton d'agenda est déjà révoqué.");
      jeton.revoqueLe = new Date();
      await manager.update(JetonAgenda, { id: jetonId }, { revoqueLe: jeton.revoqueLe });
      return jeton;
    });
  }
}
