import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireEditor, requireWriteRegion } from '@federess/auth';
import { notFound } from '@federess/server-kit';
import {
  assertWritableRegion,
  belongsToScope,
  parseClubId,
  parseRegionCode,
  regionsInScope,
  requireKnownCollectivites,
} from '@federess/subgraph-kit';
import type { Context } from '../context';
import { Club } from '../entities/club';
import { CollectiviteReference } from '../entities/collectivite-reference';
import { ContactClub } from '../entities/contact-club';
import { RoleOrganisation } from '../entities/enums';
import { Organisation } from '../entities/organisation';
import { RegionReference } from '../entities/region-reference';
import { ClubsArgs } from '../inputs/clubs-args';
import { CreerClubInput } from '../inputs/creer-club-input';
import { ModifierClubInput } from '../inputs/modifier-club-input';
import { validateCreerClub } from '../inputs/validate-creer-club';
import { type ClubChanges, validateModifierClub } from '../inputs/validate-modifier-club';
import { createClub } from '../mutations/creer-club';
import { writeClubChanges } from '../mutations/modifier-club';

/** Loads a club by an id already known to be a UUID, only if it is a région's club and that région is this instance's. */
export async function clubInScope(ctx: Context, id: string, regionCode: string | undefined): Promise<Club | null> {
  if (!regionCode || !belongsToScope(ctx.region, regionCode)) return null;
  return ctx.loaders.clubById.load(id);
}

async function organisationsOf(club: Club, role: RoleOrganisation, ctx: Context): Promise<Organisation[]> {
  const links = await ctx.loaders.organisationsByClub.load(club.id);
  return links.filter((l) => l.role === role).map((l) => l.organisation);
}

/** This request's loaders may hold the club's rows (or its région without a club) from before a write. */
function forgetClub(ctx: Context, club: Club): void {
  ctx.loaders.clubById.clear(club.id);
  ctx.loaders.clubByRegion.clear(club.regionCode);
  ctx.loaders.organisationsByClub.clear(club.id);
  ctx.loaders.contactsByClub.clear(club.id);
  ctx.loaders.membresByClub.clear(club.id);
}

/** The member collectivités a write gives must be known to the collectivites subgraph (asked before the transaction). */
function requireKnownMembers(ctx: Context, changes: ClubChanges): Promise<void> {
  return requireKnownCollectivites(
    ctx.owners,
    (changes.collectiviteIds ?? []).map((id) => ({ id, champ: 'collectiviteIds' })),
  );
}

@Resolver(() => Club)
export class ClubResolver {
  @Query(() => [Club], { description: 'Les clubs régionaux (le seul club de la région sur un site régional)' })
  async clubs(@Args() args: ClubsArgs, @Ctx() ctx: Context): Promise<Club[]> {
    const regions = regionsInScope(ctx.region, args.region, 'region');
    const query = ctx.dataSource.getRepository(Club).createQueryBuilder('c').orderBy('c.nom', 'ASC');
    if (regions) query.where('c.region_code = ANY(:regions)', { regions });
    return query.getMany();
  }

  @Query(() => Club, { nullable: true })
  async club(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Club | null> {
    const parsed = parseClubId(id, 'id');
    return clubInScope(ctx, parsed.id, parsed.regionCode);
  }

  @Mutation(() => Club, { description: 'Modifie un club : textes, chiffres, contacts, animateurs, partenaires, collectivités membres' })
  async modifierClub(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ModifierClubInput) input: ModifierClubInput,
    @Ctx() ctx: Context,
  ): Promise<Club> {
    requireEditor(ctx.viewer, 'modifier un club');
    const parsed = parseClubId(id, 'id');
    if (!parsed.regionCode) throw notFound('Club', id);
    assertWritableRegion(ctx.region, parsed.regionCode);
    // A club's id names its région: the check needs no SQL.
    requireWriteRegion(ctx.viewer, 'modifier ce club', parsed.regionCode);
    const changes = validateModifierClub(input);
    await requireKnownMembers(ctx, changes);
    const club = await ctx.dataSource.transaction((manager) => writeClubChanges(manager, parsed.id, changes, ctx.region));
    forgetClub(ctx, club);
    return club;
  }

  @Mutation(() => Club, {
    description: "Crée le club d'une région qui n'en a pas (un seul club par région ; son id est dérivé du code de la région)",
  })
  async creerClub(@Arg('input', () => CreerClubInput) input: CreerClubInput, @Ctx() ctx: Context): Promise<Club> {
    requireEditor(ctx.viewer, 'créer un club');
    const regionCode = parseRegionCode(input.region, 'region');
    assertWritableRegion(ctx.region, regionCode);
    requireWriteRegion(ctx.viewer, 'créer le club de cette région', regionCode);
    const changes = validateCreerClub(input);
    await requireKnownMembers(ctx, changes);
    const club = await ctx.dataSource.transaction((manager) => createClub(manager, regionCode, changes, ctx.region));
    forgetClub(ctx, club);
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
