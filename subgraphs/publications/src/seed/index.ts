import type { DataSource, EntityManager } from 'typeorm';
import { seedOnce } from '@federess/database';
import { clubIdOfRegion, stableUuid } from '@federess/vocabulaire';
import { PUBLICATIONS } from './publications';
import { logOf } from '@federess/observability';

// Bump to reload the publications on the next start.
const PUBLICATIONS_VERSION = '2';

export const publicationId = (slug: string): string => stableUuid(`publication:${slug}`);

/** Upserts every seed publication and its citations: running it again changes nothing. */
export async function seedPublications(manager: EntityManager): Promise<void> {
  for (const p of PUBLICATIONS) {
    const id = publicationId(p.slug);
    await manager.query(
      `INSERT INTO publication (id, titre, resume, type, collection, numero, date_publication, editeur, thematiques, acces, region_code, club_id, rencontre_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (id) DO UPDATE SET
         titre = EXCLUDED.titre, resume = EXCLUDED.resume, type = EXCLUDED.type, collection = EXCLUDED.collection,
         numero = EXCLUDED.numero, date_publication = EXCLUDED.date_publication, editeur = EXCLUDED.editeur,
         thematiques = EXCLUDED.thematiques, acces = EXCLUDED.acces, region_code = EXCLUDED.region_code,
         club_id = EXCLUDED.club_id, rencontre_id = EXCLUDED.rencontre_id, mis_a_jour_le = now()`,
      [
        id,
        p.titre,
        p.resume,
        p.type,
        p.collection,
        p.numero,
        p.datePublication,
        p.editeur,
        p.thematiques,
        p.acces,
        p.region,
        p.club && p.region ? clubIdOfRegion(p.region) : null,
        p.rencontre ? stableUuid(`rencontre:${p.rencontre}`) : null,
      ],
    );
    await manager.query(
      `INSERT INTO publication_collectivite (publication_id, collectivite_id, rang)
       SELECT $1, c.id, c.rang FROM unnest($2::text[]) WITH ORDINALITY AS c (id, rang)
       ON CONFLICT (publication_id, collectivite_id) DO UPDATE SET rang = EXCLUDED.rang`,
      [id, p.collectivitesCitees],
    );
    await manager.query('DELETE FROM publication_collectivite WHERE publication_id = $1 AND NOT (collectivite_id = ANY($2::text[]))', [
      id,
      p.collectivitesCitees,
    ]);
  }
}

export async function seed(dataSource: DataSource): Promise<void> {
  if (await seedOnce(dataSource, 'publications', PUBLICATIONS_VERSION, seedPublications)) {
    logOf('seed').info(`${PUBLICATIONS.length} publications seeded`);
  }
}
