import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A collectivité cited by a publication. Collectivités live in the collectivites subgraph: only
 * their key is stored here, without a foreign key (subgraphs share keys, never SQL).
 */
@Entity('publication_collectivite')
export class PublicationCollectivite {
  @PrimaryColumn('uuid', { name: 'publication_id' })
  publicationId: string;

  @PrimaryColumn('text', { name: 'collectivite_id' })
  collectiviteId: string;

  /** Order of citation, as the client gave it. */
  @Column('int')
  rang: number;
}
