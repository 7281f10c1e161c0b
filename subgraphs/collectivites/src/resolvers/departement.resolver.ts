import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { belongsToScope, regionsInScope } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { Collectivite } from '../entities/collectivite';
import { Departement } from '../entities/departement';
import { Region } from '../entities/region';

@Resolver(() => Departement)
export class DepartementResolver {
  @Query(() => [Departement])
  async departements(@Arg('region', () => String, { nullable: true }) region: string | null, @Ctx() ctx: Context): Promise<Departement[]> {
    const regions = regionsInScope(ctx.region, region, 'region');
    const query = ctx.dataSource.getRepository(Departement).createQueryBuilder('d').orderBy('d.code');
    if (regions) query.where('d.region_code = ANY(:regions)', { regions });
    return query.getMany();
  }

  @Query(() => Departement, { nullable: true })
  async departement(@Arg('code') code: string, @Ctx() ctx: Context): Promise<Departement | null> {
    const found = await ctx.loaders.departementByCode.load(code.toUpperCase());
    return found && belongsToScope(ctx.region, found.regionCode) ? found : null;
  }

  @FieldResolver(() => Region)
  async region(@Root() departement: Departement, @Ctx() ctx: Context): Promise<Region | null> {
    return ctx.loaders.regionByCode.load(departement.regionCode);
  }

  @FieldResolver(() => Collectivite, { nullable: true, description: 'Le conseil départemental, en tant que collectivité' })
  collectivite(@Root() departement: Departement, @Ctx() ctx: Context): Promise<Collectivite | null> {
    return ctx.loaders.collectiviteById.load(`DEPARTEMENT:${departement.code}`);
  }
}
