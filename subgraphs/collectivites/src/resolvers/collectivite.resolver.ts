import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireAdmin } from '@federess/auth';
import { badInput } from '@federess/server-kit';
import { type ConnectionData, belongsToScope, paginate, regionsInScope } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { Collectivite } from '../entities/collectivite';
import { CollectiviteConnection } from '../entities/collectivite-connection';
import { Departement } from '../entities/departement';
import { TypeCollectivite } from '../entities/enums';
import { Region } from '../entities/region';
import { CollectivitesArgs } from '../inputs/collectivites-args';
import { marquerAdherente } from '../mutations/marquer-adherente';

const MAX_SEARCH_LENGTH = 100;

@Resolver(() => Collectivite)
export class CollectiviteResolver {
  @Query(() => CollectiviteConnection, {
    description: 'Les collectivités du référentiel officiel (COG), les meilleures correspondances d’abord quand `recherche` est donnée',
  })
  async collectivites(@Args() args: CollectivitesArgs, @Ctx() ctx: Context): Promise<ConnectionData<Collectivite>> {
    const query = ctx.dataSource.getRepository(Collectivite).createQueryBuilder('c');
    const regions = regionsInScope(ctx.region, args.region, 'region');
    if (regions) query.andWhere('c.region_code = ANY(:regions)', { regions });
    if (args.types?.length) query.andWhere('c.type = ANY(:types)', { types: args.types });
    if (args.adherente !== null && args.adherente !== undefined) query.andWhere('c.adherente = :adherente', { adherente: args.adherente });
    const recherche = args.recherche?.trim();
    if (recherche) {
      if (recherche.length > MAX_SEARCH_LENGTH)
        throw badInput(`recherche : ${MAX_SEARCH_LENGTH} caractères au plus.`, { champ: 'recherche' });
      // Trigram similarity finds typos; the substring test finds names that contain the words.
      // Exact names rank first, then names that start with the words, then by similarity and size.
      query
        .andWhere(`(c.nom_normalise % normalise_nom(:q) OR c.nom_normalise LIKE '%' || normalise_nom(:q) || '%')`, { q: recherche })
        .orderBy('c.nom_normalise = normalise_nom(:q)', 'DESC')
        .addOrderBy(`c.nom_normalise LIKE normalise_nom(:q) || '%'`, 'DESC')
        .addOrderBy('similarity(c.nom_normalise, normalise_nom(:q))', 'DESC')
        .addOrderBy('c.population', 'DESC', 'NULLS LAST');
    } else {
      query.orderBy('c.nom', 'ASC');
    }
    query.addOrderBy('c.id', 'ASC');
    // A ranked search sorts every match anyway: its total comes with the rows (see PaginateOptions).
    return paginate(query, args, { total: recherche ? 'window' : 'subquery' });
  }

  @Query(() => Collectivite, { nullable: true })
  async collectivite(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Collectivite | null> {
    const found = await ctx.loaders.collectiviteById.load(id);
    return found && belongsToScope(ctx.region, found.regionCode) ? found : null;
  }

  @Mutation(() => Collectivite, { description: 'Marque une collectivité comme adhérente (ou non) du RTES' })
  async marquerAdherente(
    @Arg('collectiviteId', () => ID) collectiviteId: string,
    @Arg('adherente') adherente: boolean,
    @Ctx() ctx: Context,
  ): Promise<Collectivite> {
    // RTES membership is the national network's own record: admins only, before any SQL.
    requireAdmin(ctx.viewer, 'marquer une collectivité adhérente');
    return marquerAdherente(ctx.dataSource, ctx.region, collectiviteId, adherente);
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() collectivite: Collectivite, @Ctx() ctx: Context): Promise<Region | null> | null {
    return collectivite.regionCode ? ctx.loaders.regionByCode.load(collectivite.regionCode) : null;
  }

  @FieldResolver(() => Departement, { nullable: true })
  departement(@Root() collectivite: Collectivite, @Ctx() ctx: Context): Promise<Departement | null> | null {
    return collectivite.departementCode ? ctx.loaders.departementByCode.load(collectivite.departementCode) : null;
  }

  @FieldResolver(() => Collectivite, { nullable: true, description: "Pour une commune : l'EPCI dont elle est membre" })
  epci(@Root() collectivite: Collectivite, @Ctx() ctx: Context): Promise<Collectivite | null> | null {
    return collectivite.epciId ? ctx.loaders.collectiviteById.load(collectivite.epciId) : null;
  }

  @FieldResolver(() => [Collectivite], { description: "Pour un EPCI : ses communes membres, les plus peuplées d'abord" })
  async communesMembres(@Root() collectivite: Collectivite, @Ctx() ctx: Context): Promise<Collectivite[]> {
    return collectivite.type === TypeCollectivite.EPCI ? ctx.loaders.communesByEpci.load(collectivite.id) : [];
  }
}
