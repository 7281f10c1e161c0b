import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('departement')
@ObjectType({ description: 'Un département (COG)' })
@Directive('@key(fields: "code")')
export class Departement {
  @PrimaryColumn('text')
  @Field({ description: 'Code INSEE du département (01, 2A, 974, …)' })
  code: string;

  @Column('text')
  @Field()
  nom: string;

  @Column('text', { name: 'region_code' })
  regionCode: string;
}
