import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { CollectiviteReference, collectiviteStub } from '../entities/collectivite-reference';
import { Inscription, PersonneInscrite } from '../entities/inscription';
import { Rencontre } from '../entities/rencontre';

@Resolver(() => Inscription)
export class InscriptionResolver {
  @FieldResolver(() => PersonneInscrite)
  personne(@Root() inscription: Inscription): PersonneInscrite {
    return { prenom: inscription.prenom, nom: inscription.nom };
  }

  @FieldResolver(() => CollectiviteReference, { nullable: true })
  collectivite(@Root() inscription: Inscription): CollectiviteReference | null {
    return collectiviteStub(inscription.collectiviteId);
  }

  @FieldResolver(() => Rencontre)
  async rencontre(@Root() inscription: Inscription, @Ctx() ctx: Context): Promise<Rencontre> {
    return (await ctx.loaders.rencontreById.load(inscription.rencontreId))!;
  }
}
