import { randomUUID } from 'node:crypto';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireRole, requireWriteRegion, Role } from '@federess/auth';
import { notFound } from '@federess/server-kit';
import { type ConnectionData, paginate } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { ClubReference } from '../entities/club-reference';
import { CollectiviteReference } from '../entities/collectivite-reference';
import { Publication } from '../entities/publication';
import { PublicationConnection } from '../entities/publication-connection';
import { RegionReference } from '../entities/region-reference';
import { RencontreReference } from '../entities/rencontre-reference';
import { appliquerFiltre } from '../inputs/appliquer-filtre';
import { CreerPublicationInput } from '../inputs/creer-publication-input';
import { parseUuid } from '../inputs/ids';
import { ModifierPublicationInput } from '../inputs/modifier-publication-input';
import { valeursCreation, valeursModification } from '../inputs/publication-valeurs';
import { PublicationsArgs } from '../inputs/publications-args';
import { assertWritable } from '../scope';
import { documentVisible } from './acces';
import { ecrireLigne, remplacerCitations } from './publication-ecriture';
import { publicationLisible } from './publication-lisible';
import { recordPublicationChange, TypeChangementPublication } from './record-change';
import { verifierReferences } from './references-ecrites';

/** Who writes publications at all; which région each may write is checked on the row. */
const EDITEURS = [Role.ADMIN, Role.EDITEUR];

@Resolver(() => Publication)
export class PublicationResolver {
  @Query(() => PublicationConnection, { description: 'Les publications, les plus récentes d’abord' })
  async publications(@Args() args: PublicationsArgs, @Ctx() ctx: Context): Promise<ConnectionData<Publication>> {
    const query = ctx.dataSource.getRepository(Publication).createQueryBuilder('p');
    appliquerFiltre(query, ctx.region, args.filtre ?? undefined);
    query.orderBy('p.datePublication', 'DESC').addOrderBy('p.id', 'ASC');
    return paginate(query, args);
  }

  @Query(() => Publication, { nullable: true })
  async publication(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Publication | null> {
    return publicationLisible(ctx, parseUuid(id, 'id', 'de publication'));
  }

  @Mutation(() => Publication, { description: 'Publie un document ; sa région est celle de son club, sinon celle donnée, sinon nationale' })
  async creerPublication(
    @Arg('input', () => CreerPublicationInput) input: CreerPublicationInput,
    @Ctx() ctx: Context,
  ): Promise<Publication> {
    requireRole(ctx.viewer, 'publier un document', EDITEURS);
    const ecriture = valeursCreation(input);
    const { valeurs, collectivitesCitees } = ecriture;
    assertWritable(ctx.region, valeurs.regionCode);
    requireWriteRegion(ctx.viewer, 'publier ce document', valeurs.regionCode);
    await verifierReferences(ctx.owners, ecriture);
    const id = randomUUID();
    return ctx.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Publication);
      await ecrireLigne(valeurs, () => repository.insert({ id, ...valeurs, revision: 1 }));
      await remplacerCitations(manager, id, collectivitesCitees ?? []);
      await recordPublicationChange(manager, TypeChangementPublication.CREEE, null, { id, ...valeurs, revision: 1 });
      return repository.findOneByOrFail({ id });
    });
  }

  @Mutation(() => Publication, { description: 'Modifie une publication (champs absents inchangés)' })
  async modifierPublication(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ModifierPublicationInput) input: ModifierPublicationInput,
    @Ctx() ctx: Context,
  ): Promise<Publication> {
    requireRole(ctx.viewer, 'modifier une publication', EDITEURS);
    const publicationId = parseUuid(id, 'id', 'de publication');
    return ctx.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Publication);
      const current = await repository.findOne({ where: { id: publicationId }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('Publication', id);
      assertWritable(ctx.region, current.regionCode);
      requireWriteRegion(ctx.viewer, 'modifier cette publication', current.regionCode);
      const ecriture = valeursModification(current, input);
      const { valeurs, collectivitesCitees } = ecriture;
      assertWritable(ctx.region, valeurs.regionCode);
      // Moving a publication to another région takes the right to write there as well.
      requireWriteRegion(ctx.viewer, 'déplacer cette publication', valeurs.regionCode);
      // Checked with the row locked: the région it is checked against cannot change meanwhile.
      await verifierReferences(ctx.owners, ecriture, current);
      // The citations are written before the row on purpose: the row's unique number is the last
      // check that can refuse the change, and the citations must then roll back with it.
      if (collectivitesCitees) await remplacerCitations(manager, publicationId, collectivitesCitees);
      const revision = current.revision + 1;
      await ecrireLigne(valeurs, () => repository.update({ id: publicationId }, { ...valeurs, revision }));
      await recordPublicationChange(manager, TypeChangementPublication.MODIFIEE, current, { id: publicationId, ...valeurs, revision });
      return repository.findOneByOrFail({ id: publicationId });
    });
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
