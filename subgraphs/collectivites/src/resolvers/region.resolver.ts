import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { belongsToScope, parseRegionCode } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { Collectivite } from '../entities/collectivite';
import { Departement } from '../entities/departement';
import { Region } from '../entities/region';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: 'Les régions (la seule région de l’instance sur un site régional)' })
  async regions(@Ctx() ctx: Context): Promise<Region[]> {
    const rows = await ctx.dataSource.getRepository(Region).find({ order: { nom: 'ASC' } });
    return rows.filter((r) => belongsToScope(ctx.region, r.code));
  }

  @Query(() => Region, { nullable: true })
  async region(@Arg('code') code: string, @Ctx() ctx: Context): Promise<Region | null> {
    const parsed = parseRegionCode(code, 'code');
    if (!belongsToScope(ctx.region, parsed)) return null;
    return ctx.loaders.regionByCode.load(parsed);
  }

  @FieldResolver(() => [Departement])
  departements(@Root() region: Region, @Ctx() ctx: Context): Promise<Departement[]> {
    return ctx.loaders.departementsByRegion.load(region.code);
  }

  @FieldResolver(() => Collectivite, { nullable: true, description: 'Le conseil régional, en tant que collectivité' })
  collectivite(@Root() region: Region, @Ctx() ctx: Context): Promise<Collectivite | null> {
    return ctx.loaders.collectiviteById.load(`REGION:${region.codeInsee}`);
  }
}
