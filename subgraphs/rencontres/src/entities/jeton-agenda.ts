import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A private calendar feed's token, as stored: its digest (never the token), and the rights of its
 * owner when it was made, which its feed reads with (see feed-token-viewer.ts).
 */
@Entity('jeton_agenda')
@ObjectType({ description: "Un jeton d'agenda privé : l'adresse d'un flux iCalendar qui montre ce que son titulaire peut voir" })
export class JetonAgenda {
  @PrimaryColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('text')
  empreinte: string;

  /** The `sub` of the token that made it: its owner. */
  @Column('text')
  sujet: string;

  @Column('text')
  role: string;

  @Column('text', { array: true })
  regions: string[];

  @Column('text', { nullable: true })
  collectivite: string | null;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'Où il sert, pour s’y retrouver : « Outlook du bureau »' })
  libelle: string | null;

  @Column('timestamptz', { name: 'cree_le' })
  @Field()
  creeLe: Date;

  @Column('timestamptz', { name: 'revoque_le', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Révoqué : son flux répond 401' })
  revoqueLe: Date | null;
}
