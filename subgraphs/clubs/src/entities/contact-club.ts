import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('contact')
@ObjectType({ description: 'Une personne à contacter pour un club (nom, fonction, courriel, téléphone)' })
export class ContactClub {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'club_id' })
  clubId: string;

  /** Keeps contacts in the order the editor gave them. */
  @Column('int')
  position: number;

  @Column('text')
  @Field()
  nom: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'Fonction, p. ex. « chargée de mission Observatoire régional de l’ESS »' })
  role: string | null;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true })
  telephone: string | null;

  @Column('uuid', { name: 'organisation_id', nullable: true })
  organisationId: string | null;
}
