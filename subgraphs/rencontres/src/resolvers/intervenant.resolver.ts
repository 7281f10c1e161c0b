import { FieldResolver, Resolver, Root } from 'type-graphql';
import { CollectiviteReference, collectiviteStub } from '../entities/collectivite-reference';
import { Intervenant } from '../entities/intervenant';

@Resolver(() => Intervenant)
export class IntervenantResolver {
  @FieldResolver(() => CollectiviteReference, { nullable: true, description: "La collectivité de l'intervenant, s'il en représente une" })
  collectivite(@Root() intervenant: Intervenant): CollectiviteReference | null {
    return collectiviteStub(intervenant.collectiviteId);
  }
}
