import { Field, ID, InputType, Int } from 'type-graphql';
import { Thematique } from '@federess/vocabulaire';
import { FormatRencontre, PublicCible, TypeRencontre } from '../entities/enums';

@InputType({ description: "Lieu d'une séance" })
export class LieuInput {
  @Field()
  nom: string;

  @Field(() => String, { nullable: true })
  adresse?: string | null;

  @Field(() => ID, { nullable: true, description: 'Commune du lieu, par exemple COMMUNE:63113' })
  communeId?: string | null;
}

@InputType({ description: "Une séance d'une rencontre en plusieurs séances" })
export class SessionRencontreInput {
  @Field()
  debut: Date;

  @Field()
  fin: Date;

  @Field(() => LieuInput, { nullable: true, description: 'Par défaut, le lieu donné pour toute la rencontre' })
  lieu?: LieuInput | null;

  @Field(() => String, { nullable: true, description: 'Par défaut, le lien donné pour toute la rencontre' })
  lienEnLigne?: string | null;
}

@InputType()
export class IntervenantInput {
  @Field()
  nom: string;

  @Field(() => String, { nullable: true })
  role?: string | null;

  @Field(() => String, { nullable: true })
  organisation?: string | null;

  @Field(() => ID, { nullable: true })
  collectiviteId?: string | null;
}

@InputType({ description: 'Une nouvelle rencontre : `debut`/`fin` pour une séance unique, ou `sessions` pour plusieurs' })
export class CreerRencontreInput {
  @Field(() => ID, { description: 'Le club qui organise ; la région de la rencontre est celle du club' })
  clubId: string;

  @Field()
  titre: string;

  @Field(() => String, { nullable: true })
  resume?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => TypeRencontre, { nullable: true, description: 'RENCONTRE_CLUB par défaut' })
  type?: TypeRencontre | null;

  @Field(() => [Thematique])
  thematiques: Thematique[];

  @Field(() => FormatRencontre)
  format: FormatRencontre;

  @Field(() => Date, { nullable: true })
  debut?: Date | null;

  @Field(() => Date, { nullable: true })
  fin?: Date | null;

  @Field(() => [SessionRencontreInput], { nullable: true })
  sessions?: SessionRencontreInput[] | null;

  @Field(() => LieuInput, { nullable: true, description: 'Obligatoire en présentiel et en hybride' })
  lieu?: LieuInput | null;

  @Field(() => String, { nullable: true, description: 'Obligatoire en distanciel et en hybride' })
  lienEnLigne?: string | null;

  @Field(() => [PublicCible], { nullable: true, description: 'ELUS et AGENTS par défaut' })
  public?: PublicCible[] | null;

  @Field(() => [IntervenantInput], { nullable: true })
  intervenants?: IntervenantInput[] | null;

  @Field(() => [String], { nullable: true })
  organisateurs?: string[] | null;

  @Field(() => [String], { nullable: true })
  partenaires?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Nombre de places ; sans limite si absent' })
  capacite?: number | null;

  @Field(() => Date, { nullable: true })
  dateLimiteInscription?: Date | null;

  @Field(() => Boolean, { nullable: true, description: "Partage l'annuaire des participants avec les inscrits ; false par défaut" })
  annuairePartage?: boolean | null;
}
