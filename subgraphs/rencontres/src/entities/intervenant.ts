import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('intervenant')
@ObjectType({ description: "Une personne qui intervient lors d'une rencontre" })
export class Intervenant {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'rencontre_id' })
  rencontreId: string;

  @Column('int')
  @Field(() => Int, { description: "Ordre d'intervention" })
  ordre: number;

  @Column('text')
  @Field()
  nom: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'Fonction : économiste, adjointe au maire, directrice…' })
  role: string | null;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: "Organisation de l'intervenant (quand ce n'est pas une collectivité)" })
  organisation: string | null;

  @Column('text', { name: 'collectivite_id', nullable: true })
  collectiviteId: string | null;
}
