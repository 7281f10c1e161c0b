import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { readableInScope } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { Organisation } from '../entities/organisation';
import { RegionReference } from '../entities/region-reference';

/** National organisations (no région) are readable everywhere; regional ones only in their région. */
export const organisationInScope = (ctx: Context, organisation: Organisation | null): Organisation | null =>
  organisation && readableInScope(ctx.region, organisation.regionCode) ? organisation : null;

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => [Organisation], { description: 'Les organisations qui animent les clubs ou en sont partenaires' })
  async organisations(@Ctx() ctx: Context): Promise<Organisation[]> {
    const query = ctx.dataSource.getRepository(Organisation).createQueryBuilder('o').orderBy('o.nom', 'ASC');
    if (ctx.region) query.where('(o.region_code IS NULL OR o.region_code = :region)', { region: ctx.region });
    return query.getMany();
  }

  @FieldResolver(() => RegionReference, {
    nullable: true,
    description: "La région d'une organisation régionale (null pour une organisation nationale)",
  })
  region(@Root() organisation: Organisation): RegionReference | null {
    return organisation.regionCode ? { code: organisation.regionCode } : null;
  }
}
