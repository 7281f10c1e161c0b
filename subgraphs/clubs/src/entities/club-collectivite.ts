import { Entity, PrimaryColumn } from 'typeorm';

/** A member collectivité of a club, by its key in the collectivites subgraph (never a SQL link). */
@Entity('club_collectivite')
export class ClubCollectivite {
  @PrimaryColumn('uuid', { name: 'club_id' })
  clubId: string;

  @PrimaryColumn('text', { name: 'collectivite_id' })
  collectiviteId: string;
}
