import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Thematique } from '@federess/vocabulaire';
import { FormatRencontre, PublicCible, StatutRencontre, TypeRencontre } from './enums';

/**
 * A club meeting, webinar, regional day, training cycle or learning trip. `debut`/`fin` are the
 * min/max of its sessions, kept here so lists filter and sort on one indexed table.
 * `statut` (GraphQL) is derived from `statutEnregistre` and `fin`: see effectiveStatut.
 */
@Entity('rencontre')
@ObjectType({ description: "Une rencontre d'un club, un webinaire, une journée régionale, un cycle de formation, un voyage apprenant" })
@Directive('@key(fields: "id")')
export class Rencontre {
  @PrimaryColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('text')
  @Field()
  titre: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'Résumé en quelques lignes' })
  resume: string | null;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true })
  description: string | null;

  @Column('text')
  @Field(() => TypeRencontre)
  type: TypeRencontre;

  @Column('text', { array: true })
  @Field(() => [Thematique])
  thematiques: Thematique[];

  @Column('text')
  @Field(() => FormatRencontre)
  format: FormatRencontre;

  @Column('timestamptz')
  @Field({ description: 'Début de la première séance' })
  debut: Date;

  @Column('timestamptz')
  @Field({ description: 'Fin de la dernière séance' })
  fin: Date;

  @Column('text', { name: 'fuseau_horaire' })
  @Field({ description: 'Fuseau horaire des horaires annoncés (Europe/Paris)' })
  fuseauHoraire: string;

  @Column('text', { name: 'public', array: true })
  @Field(() => [PublicCible], { name: 'public', description: 'Public visé : élus, agents, acteurs de l’ESS' })
  publicCible: PublicCible[];

  @Column('text', { array: true })
  @Field(() => [String], { description: 'Organisations qui organisent la rencontre' })
  organisateurs: string[];

  @Column('text', { array: true })
  @Field(() => [String])
  partenaires: string[];

  /** The status as written; PASSEE is added at read time. */
  @Column('text', { name: 'statut' })
  statutEnregistre: StatutRencontre;

  @Column('timestamptz', { name: 'debut_precedent', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Début annoncé avant le dernier report' })
  debutPrecedent: Date | null;

  @Column('text', { name: 'motif_annulation', nullable: true })
  @Field(() => String, { nullable: true })
  motifAnnulation: string | null;

  @Column('int', { nullable: true })
  @Field(() => Int, { nullable: true, description: 'Nombre de places (null : sans limite)' })
  capacite: number | null;

  @Column('timestamptz', { name: 'date_limite_inscription', nullable: true })
  @Field(() => Date, { nullable: true })
  dateLimiteInscription: Date | null;

  @Column('int', { name: 'nombre_participants', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Nombre de participants constaté après la rencontre' })
  nombreParticipants: number | null;

  /** Whether registered participants see the directory (see inscriptionsVisibles). */
  @Column('boolean', { name: 'annuaire_partage', default: false })
  @Field({
    description:
      "L'annuaire des participants est partagé avec les inscrits : un adhérent dont la collectivité a une inscription confirmée voit toutes les inscriptions confirmées",
  })
  annuairePartage: boolean;

  @Column('int')
  @Field(() => Int, { description: 'Augmente à chaque changement important : dates, lieu, format, statut' })
  revision: number;

  @Column('text', { name: 'region_code', nullable: true })
  regionCode: string | null;

  @Column('uuid', { name: 'club_id', nullable: true })
  clubId: string | null;

  @Column('timestamptz', { name: 'cree_le' })
  @Field()
  creeLe: Date;

  @Column('timestamptz', { name: 'modifie_le' })
  @Field()
  modifieLe: Date;
}
