import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireAuthenticated, requireEditor } from '@federess/auth';
import { type ConnectionData, paginate, parseUuid, readableInScope } from '@federess/subgraph-kit';
import { toParisTime } from '@federess/vocabulaire';
import type { Context } from '../context';
import { ClubReference } from '../entities/club-reference';
import { StatutRencontre } from '../entities/enums';
import { Inscription } from '../entities/inscription';
import { Intervenant } from '../entities/intervenant';
import { RegionReference } from '../entities/region-reference';
import { Rencontre } from '../entities/rencontre';
import { RencontreConnection } from '../entities/rencontre-connection';
import { SessionRencontre } from '../entities/session-rencontre';
import { statutWithExpiry } from '../entities/statut';
import { CreerRencontreInput } from '../inputs/creer-rencontre-input';
import { InscriptionInput } from '../inputs/inscription-input';
import { ModifierRencontreInput } from '../inputs/modifier-rencontre-input';
import { applyRencontreFiltre, parseRencontreFiltre } from '../inputs/rencontre-filtre-sql';
import { RencontresArgs } from '../inputs/rencontres-args';
import { annulerRencontre } from '../mutations/annuler-rencontre';
import { creerRencontre } from '../mutations/creer-rencontre';
import { desinscrire } from '../mutations/desinscrire';
import { inscrire } from '../mutations/inscrire';
import { modifierRencontre } from '../mutations/modifier-rencontre';
import { visibleInscriptions } from './field-rules';

@Resolver(() => Rencontre)
export class RencontreResolver {
  @Query(() => RencontreConnection, { description: "L'agenda : rencontres filtrées, par date de début croissante" })
  async rencontres(@Args() args: RencontresArgs, @Ctx() ctx: Context): Promise<ConnectionData<Rencontre>> {
    const filtre = parseRencontreFiltre(args.filtre, ctx.region, ctx.cacheHints);
    const query = applyRencontreFiltre(ctx.dataSource.getRepository(Rencontre).createQueryBuilder('r'), filtre, ctx.region)
      .orderBy('r.debut', 'ASC')
      .addOrderBy('r.id', 'ASC');
    return paginate(query, args);
  }

  @Query(() => Rencontre, { nullable: true })
  async rencontre(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Rencontre | null> {
    const found = await ctx.loaders.rencontreById.load(parseUuid(id, 'id', 'de rencontre'));
    return found && readableInScope(ctx.region, found.regionCode) ? found : null;
  }

  // Mutations: one resolver method each, so that an authorisation check can sit in front of each.

  @Mutation(() => Rencontre, { description: "Programme une rencontre d'un club" })
  creerRencontre(@Arg('input', () => CreerRencontreInput) input: CreerRencontreInput, @Ctx() ctx: Context): Promise<Rencontre> {
    requireEditor(ctx.viewer, 'programmer une rencontre');
    return creerRencontre(ctx.dataSource, ctx.region, ctx.viewer, input, ctx.owners);
  }

  @Mutation(() => Rencontre, {
    description: 'Modifie une rencontre ; déplacer ses dates la rend REPORTEE, la passer en distanciel DEPLACEE_EN_LIGNE',
  })
  modifierRencontre(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ModifierRencontreInput) input: ModifierRencontreInput,
    @Ctx() ctx: Context,
  ): Promise<Rencontre> {
    requireEditor(ctx.viewer, 'modifier une rencontre');
    return modifierRencontre(ctx.dataSource, ctx.region, ctx.viewer, id, input, ctx.owners);
  }

  @Mutation(() => Rencontre)
  annulerRencontre(@Arg('id', () => ID) id: string, @Arg('motif') motif: string, @Ctx() ctx: Context): Promise<Rencontre> {
    requireEditor(ctx.viewer, 'annuler une rencontre');
    return annulerRencontre(ctx.dataSource, ctx.region, ctx.viewer, id, motif);
  }

  @Mutation(() => Inscription, { description: 'Inscrit une personne ; la capacité n’est jamais dépassée' })
  inscrire(
    @Arg('rencontreId', () => ID) rencontreId: string,
    @Arg('input', () => InscriptionInput) input: InscriptionInput,
    @Ctx() ctx: Context,
  ): Promise<Inscription> {
    requireAuthenticated(ctx.viewer, 'inscrire une personne');
    return inscrire(ctx.dataSource, ctx.region, ctx.viewer, rencontreId, input, ctx.owners);
  }

  @Mutation(() => Inscription, { description: 'Annule une inscription et libère sa place' })
  desinscrire(@Arg('inscriptionId', () => ID) inscriptionId: string, @Ctx() ctx: Context): Promise<Inscription> {
    requireAuthenticated(ctx.viewer, 'annuler une inscription');
    return desinscrire(ctx.dataSource, ctx.region, ctx.viewer, inscriptionId);
  }

  @FieldResolver(() => StatutRencontre, { description: 'PASSEE une fois la fin dépassée (si la rencontre était programmée ou complète)' })
  statut(@Root() rencontre: Rencontre, @Ctx() ctx: Context): StatutRencontre {
    return statutWithExpiry(rencontre, ctx.cacheHints);
  }

  @FieldResolver(() => String, { description: 'Début en heure de Paris avec son décalage, par exemple 2024-10-03T09:30:00+02:00' })
  debutLocal(@Root() rencontre: Rencontre): string {
    return toParisTime(rencontre.debut);
  }

  @FieldResolver(() => String, { description: 'Fin en heure de Paris avec son décalage' })
  finLocal(@Root() rencontre: Rencontre): string {
    return toParisTime(rencontre.fin);
  }

  @FieldResolver(() => [SessionRencontre], { description: 'Les séances, dans l’ordre' })
  sessions(@Root() rencontre: Rencontre, @Ctx() ctx: Context): Promise<SessionRencontre[]> {
    return ctx.loaders.sessionsByRencontre.load(rencontre.id);
  }

  @FieldResolver(() => [Intervenant])
  intervenants(@Root() rencontre: Rencontre, @Ctx() ctx: Context): Promise<Intervenant[]> {
    return ctx.loaders.intervenantsByRencontre.load(rencontre.id);
  }

  // Personal data (the participant directory): the rule sits here, so it holds for queries, entity
  // references and live-feed events alike.
  @FieldResolver(() => [Inscription], {
    description:
      "Les inscriptions (l'annuaire des participants) : toutes, confirmées et annulées, pour les éditeurs de la région et les administrateurs ; les inscriptions confirmées pour un adhérent dont la collectivité est inscrite (confirmée) quand la rencontre partage son annuaire (annuairePartage) ; sinon celles de sa collectivité pour un adhérent, aucune pour les autres",
  })
  async inscriptions(@Root() rencontre: Rencontre, @Ctx() ctx: Context): Promise<Inscription[]> {
    return visibleInscriptions(ctx, rencontre);
  }

  @FieldResolver(() => Int, { description: 'Inscriptions confirmées' })
  nombreInscrits(@Root() rencontre: Rencontre, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.inscritsByRencontre.load(rencontre.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Places encore libres (null : sans limite)' })
  async placesRestantes(@Root() rencontre: Rencontre, @Ctx() ctx: Context): Promise<number | null> {
    if (rencontre.capacite === null) return null;
    return Math.max(0, rencontre.capacite - (await ctx.loaders.inscritsByRencontre.load(rencontre.id)));
  }

  @FieldResolver(() => RegionReference, { nullable: true, description: 'null pour une rencontre nationale du RTES' })
  region(@Root() rencontre: Rencontre): RegionReference | null {
    return rencontre.regionCode ? { code: rencontre.regionCode } : null;
  }

  @FieldResolver(() => ClubReference, { nullable: true })
  club(@Root() rencontre: Rencontre): ClubReference | null {
    return rencontre.clubId ? { id: rencontre.clubId } : null;
  }
}
