import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TypeOrganisation } from './enums';

@Entity('organisation')
@ObjectType({ description: 'Une organisation qui anime un club ou en est partenaire (CRESS, RTES, CNFPT, …)' })
@Directive('@key(fields: "id")')
export class Organisation {
  @PrimaryColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('text')
  @Field()
  nom: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'Sigle usuel : CRESS AURA, RTES, CNFPT, …' })
  sigle: string | null;

  @Column('text')
  @Field(() => TypeOrganisation)
  type: TypeOrganisation;

  @Column('text', { name: 'site_web', nullable: true })
  @Field(() => String, { nullable: true })
  siteWeb: string | null;

  /** Null for national organisations (RTES, CNFPT), which every regional instance may read. */
  @Column('text', { name: 'region_code', nullable: true })
  regionCode: string | null;
}
