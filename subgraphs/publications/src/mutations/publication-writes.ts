import type { EntityManager } from 'typeorm';
import { conflict, uniqueViolation } from '@federess/server-kit';
import type { PublicationColumns } from '../inputs/validate-publication';

const NUMERO_UNIQUE = 'publication_collection_numero';

/**
 * Runs the write of a publication row, turning the one constraint a valid input can still break —
 * a number already taken in its collection, even by a concurrent write — into a CONFLICT.
 */
export async function writePublicationRow<T>(columns: PublicationColumns, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (uniqueViolation(error)?.constraint === NUMERO_UNIQUE) {
      throw conflict(`La collection « ${columns.collection} » a déjà une publication n°${columns.numero}.`);
    }
    throw error;
  }
}

/** Replaces the collectivités a publication cites, in one statement whatever their number. */
export async function replaceCitations(manager: EntityManager, publicationId: string, collectivites: readonly string[]): Promise<void> {
  await manager.query('DELETE FROM publication_collectivite WHERE publication_id = $1', [publicationId]);
  if (collectivites.length === 0) return;
  await manager.query(
    `INSERT INTO publication_collectivite (publication_id, collectivite_id, rang)
     SELECT $1, c.id, c.rang FROM unnest($2::text[]) WITH ORDINALITY AS c (id, rang)`,
    [publicationId, collectivites],
  );
}
