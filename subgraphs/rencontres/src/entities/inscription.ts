import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { QualiteInscrit, StatutInscription } from './enums';

@ObjectType('PersonneInscrite')
export class PersonneInscrite {
  @Field() prenom: string;
  @Field() nom: string;
}

@Entity('inscription')
@ObjectType({ description: "L'inscription d'un élu, d'un agent ou d'un acteur de l'ESS à une rencontre" })
export class Inscription {
  @PrimaryColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid', { name: 'rencontre_id' })
  rencontreId: string;

  @Column('text')
  prenom: string;

  @Column('text')
  nom: string;

  @Column('text')
  @Field()
  email: string;

  @Column('text')
  @Field(() => QualiteInscrit)
  qualite: QualiteInscrit;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'Fonction dans sa collectivité ou sa structure' })
  fonction: string | null;

  @Column('text', { name: 'collectivite_id', nullable: true })
  collectiviteId: string | null;

  @Column('text')
  @Field(() => StatutInscription)
  statut: StatutInscription;

  @Column('timestamptz', { name: 'cree_le' })
  @Field()
  creeLe: Date;

  @Column('timestamptz', { name: 'annulee_le', nullable: true })
  @Field(() => Date, { nullable: true })
  annuleeLe: Date | null;
}
