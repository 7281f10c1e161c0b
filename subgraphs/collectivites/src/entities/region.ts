import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('region')
@ObjectType({ description: 'Une des 18 régions françaises' })
@Directive('@key(fields: "code")')
export class Region {
  @PrimaryColumn('text')
  @Field({ description: 'Code de la région (ARA, BRE, NAQ, …), clé dans tout le graphe' })
  code: string;

  @Column('text', { name: 'code_insee' })
  @Field({ description: 'Code INSEE (COG) de la région' })
  codeInsee: string;

  @Column('text')
  @Field()
  nom: string;
}
