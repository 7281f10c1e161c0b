import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NatureEpci, TypeCollectivite } from './enums';

@Entity('collectivite')
@ObjectType({ description: 'Une collectivité territoriale : commune, EPCI, département, région, PETR' })
@Directive('@key(fields: "id")')
export class Collectivite {
  @PrimaryColumn('text')
  @Field(() => ID, { description: 'Identifiant stable : COMMUNE:<insee>, EPCI:<siren>, DEPARTEMENT:<code>, REGION:<insee>, PETR:<nom>' })
  id: string;

  @Column('text')
  @Field({ description: 'Code officiel : INSEE pour les communes, départements et régions, SIREN pour les EPCI' })
  code: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true })
  siren: string | null;

  @Column('text')
  @Field()
  nom: string;

  @Column('text')
  @Field(() => TypeCollectivite)
  type: TypeCollectivite;

  @Column('text', { nullable: true })
  @Field(() => NatureEpci, { nullable: true, description: 'Pour un EPCI : CC, CA, CU ou métropole' })
  nature: NatureEpci | null;

  @Column('int', { nullable: true })
  @Field(() => Int, { nullable: true, description: 'Population municipale (totale pour un EPCI)' })
  population: number | null;

  @Column('text', { name: 'region_code', nullable: true })
  regionCode: string | null;

  @Column('text', { name: 'departement_code', nullable: true })
  departementCode: string | null;

  @Column('text', { name: 'epci_id', nullable: true })
  epciId: string | null;

  @Column('boolean', { default: false })
  @Field({ description: 'Adhérente du RTES' })
  adherente: boolean;
}
