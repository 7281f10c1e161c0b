import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Thematique } from '@federess/vocabulaire';

@Entity('club')
@ObjectType({ description: "Un Club des collectivités pour l'ESS : un par région, animé par la CRESS avec le RTES et ses partenaires" })
@Directive('@key(fields: "id")')
export class Club {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Identifiant dérivé du code de sa région (clubIdOfRegion)' })
  id: string;

  @Column('text', { name: 'region_code', unique: true })
  regionCode: string;

  @Column('text')
  @Field()
  nom: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true })
  description: string | null;

  @Column('text', { nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Rythme et forme des rencontres, p. ex. « une rencontre thématique chaque trimestre »',
  })
  frequence: string | null;

  @Column('text', { name: 'modalites_participation', nullable: true })
  @Field(() => String, { nullable: true, description: 'À qui le club s’adresse et comment y participer' })
  modalitesParticipation: string | null;

  @Column('text', { name: 'chiffres_participation', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'La participation en toutes lettres, p. ex. « 120 élus et agents issus de 80 collectivités »',
  })
  chiffresParticipation: string | null;

  @Column('int', { name: 'nombre_participants', nullable: true })
  @Field(() => Int, { nullable: true })
  nombreParticipants: number | null;

  @Column('int', { name: 'nombre_collectivites', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Nombre de collectivités dont sont issus les participants' })
  nombreCollectivites: number | null;

  @Column('int', { name: 'annee_chiffres', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Année à laquelle se rapportent les chiffres de participation' })
  anneeChiffres: number | null;

  @Column('int', { name: 'annee_lancement', nullable: true })
  @Field(() => Int, { nullable: true })
  anneeLancement: number | null;

  @Column('text', { name: 'site_web', nullable: true })
  @Field(() => String, { nullable: true })
  siteWeb: string | null;

  @Column('text', { name: 'exemples_themes', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Exemples de thèmes abordés, tels que le club les formule' })
  exemplesThemes: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  @Field(() => [Thematique])
  thematiques: Thematique[];

  @UpdateDateColumn({ name: 'mis_a_jour_le', type: 'timestamptz' })
  @Field({ description: 'Dernière modification' })
  misAJourLe: Date;
}
