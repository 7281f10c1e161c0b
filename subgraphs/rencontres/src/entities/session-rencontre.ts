import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One sitting of a rencontre (a cycle has several): its own times, place and online link. */
@Entity('session_rencontre')
@ObjectType('SessionRencontre', { description: "Une séance d'une rencontre" })
export class SessionRencontre {
  @PrimaryColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid', { name: 'rencontre_id' })
  rencontreId: string;

  @Column('int')
  @Field(() => Int, { description: 'Rang de la séance, à partir de 1' })
  ordre: number;

  @Column('timestamptz')
  @Field()
  debut: Date;

  @Column('timestamptz')
  @Field()
  fin: Date;

  @Column('text', { name: 'lieu_nom', nullable: true })
  lieuNom: string | null;

  @Column('text', { name: 'lieu_adresse', nullable: true })
  lieuAdresse: string | null;

  @Column('text', { name: 'lieu_commune_id', nullable: true })
  lieuCommuneId: string | null;

  // Exposed by SessionRencontreResolver.lienEnLigne, where the access rule sits.
  @Column('text', { name: 'lien_en_ligne', nullable: true })
  lienEnLigne: string | null;
}
