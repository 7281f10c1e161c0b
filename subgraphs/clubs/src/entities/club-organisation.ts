import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from './organisation';
import { RoleOrganisation } from './enums';

/** Who runs (ANIMATEUR) or supports (PARTENAIRE) a club; not a GraphQL type, read as two lists of Club. */
@Entity('club_organisation')
export class ClubOrganisation {
  @PrimaryColumn('uuid', { name: 'club_id' })
  clubId: string;

  @PrimaryColumn('uuid', { name: 'organisation_id' })
  organisationId: string;

  /**
   * Joined in the same statement as the link: a second loader wave for the organisations would
   * share `organisationById` with contacts and split into more or fewer batches by I/O timing.
   */
  @ManyToOne(() => Organisation, { eager: true })
  @JoinColumn({ name: 'organisation_id' })
  organisation: Organisation;

  @Column('text')
  role: RoleOrganisation;

  @Column('int')
  position: number;
}
