import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireEditor } from '@federess/auth';
import { type ConnectionData, paginate, parseUuid } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { ClubReference } from '../entities/club-reference';
import { CollectiviteReference } from '../entities/collectivite-reference';
import { Publication } from '../entities/publication';
import { PublicationConnection } from '../entities/publication-connection';
import { RegionReference } from '../entities/region-reference';
import { RencontreReference } from '../entities/rencontre-reference';
import { CreerPublicationInput } from '../inputs/creer-publication-input';
import { ModifierPublicationInput } from '../inputs/modifier-publication-input';
import { applyPublicationFiltre } from '../inputs/publication-filtre-sql';
import { PublicationsArgs } from '../inputs/publications-args';
import { creerPublication } from '../mutations/creer-publication';
import { modifierPublication } from '../mutations/modifier-publication';
import { documentVisible } from './field-rules';
import { readablePublication } from './readable-publication';

@Resolver(() => Publication)
export class PublicationResolver {
  @Query(() => PublicationConnection, { description: 'Les publications, les plus récentes d’abord' })
  async publications(@Args() args: PublicationsArgs, @Ctx() ctx: Context): Promise<ConnectionData<Publication>> {
    const query = ctx.dataSource.getRepository(Publication).createQueryBuilder('p');
    applyPublicationFiltre(query, ctx.region, args.filtre ?? undefined);
    query.orderBy('p.datePublication', 'DESC').addOrderBy('p.id', 'ASC');
    return paginate(query, args);
  }

  @Query(() => Publication, { nullable: true })
  async publication(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Publication | null> {
    return readablePublication(ctx, parseUuid(id, 'id', 'de publication'));
  }

  @Mutation(() => Publication, { description: 'Publie un document ; sa région est celle de son club, sinon celle donnée, sinon nationale' })
  creerPublication(@Arg('input', () => CreerPublicationInput) input: CreerPublicationInput, @Ctx() ctx: Context): Promise<Publication> {
    requireEditor(ctx.viewer, 'publier un document');
    return creerPublication(ctx.dataSource, ctx.region, ctx.viewer, ctx.owners, input);
  }

  @Mutation(() => Publication, { description: 'Modifie une publication (champs absents inchangés)' })
  modifierPublication(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ModifierPublicationInput) input: ModifierPublicationInput,
    @Ctx() ctx: Context,
  ): Promise<Publication> {
    requireEditor(ctx.viewer, 'modifier une publication');
    return modifierPublication(ctx.dataSource, ctx.region, ctx.viewer, ctx.owners, id, input);
  }

  // The members-only rule sits on the fields themselves: queries, entity references resolved for the
  // gateway (Rencontre.ressources, …) and every other path to a publication go through it.
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'URL du document (PDF, …) ; pour une publication ADHERENTS, null sauf pour les adhérents, les éditeurs de sa région et les administrateurs',
  })
  fichier(@Root() publication: Publication, @Ctx() ctx: Context): string | null {
    return documentVisible(ctx.viewer, publication) ? publication.fichier : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'URL de la page de la publication (article, vidéo, …) ; même règle que fichier',
  })
  lien(@Root() publication: Publication, @Ctx() ctx: Context): string | null {
    return documentVisible(ctx.viewer, publication) ? publication.lien : null;
  }

  @FieldResolver(() => RegionReference, { nullable: true, description: 'Null pour une publication nationale' })
  region(@Root() publication: Publication): RegionReference | null {
    return publication.regionCode ? { code: publication.regionCode } : null;
  }

  @FieldResolver(() => ClubReference, { nullable: true })
  club(@Root() publication: Publication): ClubReference | null {
    return publication.clubId ? { id: publication.clubId } : null;
  }

  @FieldResolver(() => RencontreReference, { nullable: true, description: 'La rencontre dont la publication est une ressource' })
  rencontre(@Root() publication: Publication): RencontreReference | null {
    return publication.rencontreId ? { id: publication.rencontreId } : null;
  }

  @FieldResolver(() => [CollectiviteReference], { description: 'Les collectivités citées, dans l’ordre de citation' })
  async collectivitesCitees(@Root() publication: Publication, @Ctx() ctx: Context): Promise<CollectiviteReference[]> {
    const rows = await ctx.loaders.collectivitesByPublication.load(publication.id);
    return rows.map((row) => ({ id: row.collectiviteId }));
  }
}
