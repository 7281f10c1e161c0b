import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { collectiviteStub } from '../entities/collectivite-reference';
import { LieuRencontre } from '../entities/lieu';
import { SessionRencontre } from '../entities/session-rencontre';
import { toParisTime } from '@federess/vocabulaire';
import { onlineLinkVisible } from './field-rules';

@Resolver(() => SessionRencontre)
export class SessionRencontreResolver {
  @FieldResolver(() => LieuRencontre, { nullable: true, description: 'null pour une séance uniquement en ligne' })
  lieu(@Root() session: SessionRencontre): LieuRencontre | null {
    if (!session.lieuNom) return null;
    return { nom: session.lieuNom, adresse: session.lieuAdresse, commune: collectiviteStub(session.lieuCommuneId) };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Lien de connexion pour suivre la séance en ligne : pour les adhérents dont la collectivité est inscrite, les éditeurs de la région et les administrateurs (null sinon)',
  })
  async lienEnLigne(@Root() session: SessionRencontre, @Ctx() ctx: Context): Promise<string | null> {
    if (!session.lienEnLigne) return null;
    return (await onlineLinkVisible(ctx, session.rencontreId)) ? session.lienEnLigne : null;
  }

  @FieldResolver(() => String, { description: 'Début en heure de Paris avec son décalage' })
  debutLocal(@Root() session: SessionRencontre): string {
    return toParisTime(session.debut);
  }

  @FieldResolver(() => String, { description: 'Fin en heure de Paris avec son décalage' })
  finLocal(@Root() session: SessionRencontre): string {
    return toParisTime(session.fin);
  }
}
