import { Field, InputType, Int } from 'type-graphql';
import { Thematique } from '@federess/vocabulaire';
import { FormatRencontre, PublicCible, TypeRencontre } from '../entities/enums';
import { IntervenantInput, LieuInput, SessionRencontreInput } from './creer-rencontre-input';

/**
 * A partial update: an absent field is left as it is, `null` clears an optional one.
 * `debut`/`fin` move a one-session rencontre; `sessions` replaces every session;
 * `lieu`/`lienEnLigne` apply to every session.
 */
@InputType()
export class ModifierRencontreInput {
  @Field(() => String, { nullable: true })
  titre?: string | null;

  @Field(() => String, { nullable: true })
  resume?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => TypeRencontre, { nullable: true })
  type?: TypeRencontre | null;

  @Field(() => [Thematique], { nullable: true })
  thematiques?: Thematique[] | null;

  @Field(() => FormatRencontre, { nullable: true })
  format?: FormatRencontre | null;

  @Field(() => Date, { nullable: true })
  debut?: Date | null;

  @Field(() => Date, { nullable: true })
  fin?: Date | null;

  @Field(() => [SessionRencontreInput], { nullable: true })
  sessions?: SessionRencontreInput[] | null;

  @Field(() => LieuInput, { nullable: true })
  lieu?: LieuInput | null;

  @Field(() => String, { nullable: true })
  lienEnLigne?: string | null;

  @Field(() => [PublicCible], { nullable: true })
  public?: PublicCible[] | null;

  @Field(() => [IntervenantInput], { nullable: true, description: 'Remplace la liste des intervenants' })
  intervenants?: IntervenantInput[] | null;

  @Field(() => [String], { nullable: true })
  organisateurs?: string[] | null;

  @Field(() => [String], { nullable: true })
  partenaires?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'null : sans limite' })
  capacite?: number | null;

  @Field(() => Date, { nullable: true })
  dateLimiteInscription?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Nombre de participants constaté, après la rencontre' })
  nombreParticipants?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Partage l'annuaire des participants avec les inscrits (sans changer la révision)" })
  annuairePartage?: boolean | null;
}
