import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Thematique } from '@federess/vocabulaire';
import { AccesPublication, TypePublication } from './enums';

@Entity('publication')
@ObjectType({ description: 'Une publication du réseau : Points de RepèrESS, guide, fiche, compte-rendu, replay, …' })
@Directive('@key(fields: "id")')
export class Publication {
  @PrimaryColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('text')
  @Field()
  titre: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true })
  resume: string | null;

  @Column('text')
  @Field(() => TypePublication)
  type: TypePublication;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'Collection : « Points de RepèrESS », « RepèrESS », « Kit RégionalESS », …' })
  collection: string | null;

  @Column('int', { nullable: true })
  @Field(() => Int, { nullable: true, description: 'Numéro dans la collection (unique par collection)' })
  numero: number | null;

  // A calendar date (no time, no zone): TypeORM hands `date` columns over as YYYY-MM-DD strings.
  @Column('date', { name: 'date_publication' })
  @Field(() => GraphQLLocalDate)
  datePublication: string;

  @Column('text')
  @Field({ description: 'Éditeur : RTES, Intercommunalités de France, …' })
  editeur: string;

  @Column('text', { array: true })
  @Field(() => [Thematique])
  thematiques: Thematique[];

  @Column('text')
  @Field(() => AccesPublication)
  acces: AccesPublication;

  // fichier and lien are exposed by field resolvers, where an access check can later sit.
  @Column('text', { nullable: true })
  fichier: string | null;

  @Column('text', { nullable: true })
  lien: string | null;

  /** Null for the national network's own publications. */
  @Column('text', { name: 'region_code', nullable: true })
  regionCode: string | null;

  @Column('uuid', { name: 'club_id', nullable: true })
  clubId: string | null;

  @Column('uuid', { name: 'rencontre_id', nullable: true })
  rencontreId: string | null;

  /** 1 at creation, one more per modification: the revision its change events carry. */
  @Column('int', { default: 1 })
  @Field(() => Int, {
    description: 'Révision : 1 à la publication, une de plus par modification (celle des événements de la synchronisation)',
  })
  revision: number;

  /** Set by every write of the row (TypeORM's update date), including one that only changes its citations. */
  @UpdateDateColumn({ name: 'mis_a_jour_le', type: 'timestamptz' })
  @Field({ description: 'Dernière modification' })
  misAJourLe: Date;
}
