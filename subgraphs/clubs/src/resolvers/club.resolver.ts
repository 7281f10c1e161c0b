import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireRole, requireWriteRegion, Role } from '@federess/auth';
import { notFound } from '@federess/server-kit';
import { assertWritableRegion, regionsInScope } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { Club } from '../entities/club';
import { CollectiviteReference } from '../entities/collectivite-reference';
import { ContactClub } from '../entities/contact-club';
import { Organisation } from '../entities/organisation';
import { RegionReference } from '../entities/region-reference';
import { RoleOrganisation } from '../entities/enums';
import { ClubsArgs } from '../inputs/clubs-args';
import { parseClubId } from '../inputs/ids';
import { CreerClubInput } from '../inputs/creer-club-input';
import { ModifierClubInput } from '../inputs/modifier-club-input';
import { parseClubRegion, validateCreerClub } from '../inputs/validate-creer-club';
import { validateModifierClub } from '../inputs/validate-modifier-club';
import { createClub } from '../mutations/creer-club';
import { writeClubChanges } from '../mutations/modifier-club';

/** Loads a club by an id already known to be a UUID, only if it is in this instance's région. */
export async function clubInScope(ctx: Context, id: string, regionCode: string | undefined): Promise<Club | null> {
  if (!regionCode || (ctx.region && ctx.region !== regionCode)) return null;
  return ctx.loaders.clubById.load(id);
}

async function organisationsOf(club: Club, role: RoleOrganisation, ctx: Context): Promise<Organisation[]> {
  const links = await ctx.loaders.organisationsByClub.load(club.id);
  return links.filter((l) => l.role === role).map((l) => l.organisation);
}

@Resolver(() => Club)
export class ClubResolver {
  @Query(() => [Club], { description: 'Les clubs régionaux (le seul club de la région sur un site régional)' })
  async clubs(@Args() args: ClubsArgs, @Ctx() ctx: Context): Promise<Club[]> {
    const regions = regionsInScope(ctx.region, args.region ? [args.region] : undefined);
    const query = ctx.dataSource.getRepository(Club).createQueryBuilder('c').orderBy('c.nom', 'ASC');
    if (regions) query.where('c.region_code = ANY(:regions)', { regions });
    return query.getMany();
  }

  @Query(() => Club, { nullable: true })
  async club(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Club | null> {
    const parsed = parseClubId(id);
    return clubInScope(ctx, parsed.id, parsed.regionCode);
  }

  @Mutation(() => Club, { description: 'Modifie un club : textes, chiffres, contacts, animateurs, partenaires, collectivités membres' })
  async modifierClub(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ModifierClubInput) input: ModifierClubInput,
    @Ctx() ctx: Context,
  ): Promise<Club> {
    requireRole(ctx.viewer, 'modifier un club', [Role.ADMIN, Role.EDITEUR]);
    const parsed = parseClubId(id);
    if (!parsed.regionCode) throw notFound('Club', id);
    assertWritableRegion(ctx.region, parsed.regionCode);
    // A club's id names its région: the check needs no SQL.
    requireWriteRegion(ctx.viewer, 'modifier ce club', parsed.regionCode);
    const changes = validateModifierClub(input);
    const club = await ctx.dataSource.transaction((manager) => writeClubChanges(manager, parsed.id, changes, ctx.region));
    // This request's loaders may hold the club's rows from before the change.
    ctx.loaders.clubById.clear(club.id);
    ctx.loaders.organisationsByClub.clear(club.id);
    ctx.loaders.contactsByClub.clear(club.id);
    ctx.loaders.membresByClub.clear(club.id);
    return club;
  }

  @Mutation(() => Club, {
    description: "Crée le club d'une région qui n'en a pas (un seul club par région ; son id est dérivé du code de la région)",
  })
  async creerClub(@Arg('input', () => CreerClubInput) input: CreerClubInput, @Ctx() ctx: Context): Promise<Club> {
    requireRole(ctx.viewer, 'créer un club', [Role.ADMIN, Role.EDITEUR]);
    const regionCode = parseClubRegion(input.region);
    assertWritableRegion(ctx.region, regionCode);
    requireWriteRegion(ctx.viewer, 'créer le club de cette région', regionCode);
    const changes = validateCreerClub(input);
    const club = await ctx.dataSource.transaction((manager) => createClub(manager, regionCode, changes, ctx.region));
    // This request's loaders may have seen the région without a club.
    ctx.loaders.clubById.clear(club.id);
    ctx.loaders.clubByRegion.clear(club.regionCode);
    ctx.loaders.organisationsByClub.clear(club.id);
    ctx.loaders.contactsByClub.clear(club.id);
    ctx.loaders.membresByClub.clear(club.id);
    return club;
  }

  @FieldResolver(() => RegionReference)
  region(@Root() club: Club): RegionReference {
    return { code: club.regionCode };
  }

  @FieldResolver(() => [Organisation], { description: 'Les organisations qui animent le club (CRESS, RTES, …)' })
  animateurs(@Root() club: Club, @Ctx() ctx: Context): Promise<Organisation[]> {
    return organisationsOf(club, RoleOrganisation.ANIMATEUR, ctx);
  }

  @FieldResolver(() => [Organisation], { description: 'Les partenaires du club (CNFPT, …)' })
  partenaires(@Root() club: Club, @Ctx() ctx: Context): Promise<Organisation[]> {
    return organisationsOf(club, RoleOrganisation.PARTENAIRE, ctx);
  }

  @FieldResolver(() => [ContactClub])
  contacts(@Root() club: Club, @Ctx() ctx: Context): Promise<ContactClub[]> {
    return ctx.loaders.contactsByClub.load(club.id);
  }

  @FieldResolver(() => [CollectiviteReference], { description: 'Les collectivités membres du club' })
  async collectivitesMembres(@Root() club: Club, @Ctx() ctx: Context): Promise<CollectiviteReference[]> {
    const membres = await ctx.loaders.membresByClub.load(club.id);
    return membres.map((m) => ({ id: m.collectiviteId }));
  }
}
