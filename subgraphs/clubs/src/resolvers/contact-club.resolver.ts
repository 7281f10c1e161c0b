import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ContactClub } from '../entities/contact-club';
import { Organisation } from '../entities/organisation';

@Resolver(() => ContactClub)
export class ContactClubResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: "L'organisation de la personne" })
  organisation(@Root() contact: ContactClub, @Ctx() ctx: Context): Promise<Organisation | null> | null {
    return contact.organisationId ? ctx.loaders.organisationById.load(contact.organisationId) : null;
  }
}
