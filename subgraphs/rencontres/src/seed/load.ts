import type { EntityManager } from 'typeorm';
import { clubIdOfRegion, stableUuid } from '@federess/vocabulaire';
import { StatutInscription, StatutRencontre } from '../entities/enums';
import { PARIS_TIME_ZONE, fromParisTime } from '@federess/vocabulaire';
import type { SeedInscription, SeedRencontre } from './model';

export const seedRencontreId = (slug: string): string => stableUuid(`rencontre:${slug}`);

const JOUR_MS = 86_400_000;

/**
 * Upserts a seeded rencontre with its sessions and intervenants. A re-seed refreshes what the
 * documents say (texts, dates, places) but keeps the editorial state an editor may have changed
 * since: statut, revision, debut_precedent, motif_annulation.
 */
export async function loadRencontre(manager: EntityManager, r: SeedRencontre): Promise<void> {
  const id = seedRencontreId(r.slug);
  const sessions = r.sessions.map((s, i) => ({
    id: stableUuid(`rencontre:${r.slug}:session:${i + 1}`),
    ordre: i + 1,
    debut: fromParisTime(s.jour, s.de),
    fin: fromParisTime(s.jour, s.a),
    lieu: s.lieu,
    lien: s.lienEnLigne ?? null,
  }));
  const debut = new Date(Math.min(...sessions.map((s) => s.debut.getTime())));
  const fin = new Date(Math.max(...sessions.map((s) => s.fin.getTime())));
  const dateLimite =
    r.inscriptionsCloseJoursAvant !== undefined ? new Date(debut.getTime() - r.inscriptionsCloseJoursAvant * JOUR_MS) : null;

  await manager.query(
    `INSERT INTO rencontre (id, titre, resume, description, type, thematiques, format, debut, fin, fuseau_horaire, public,
       organisateurs, partenaires, statut, capacite, date_limite_inscription, nombre_participants, region_code, club_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
     ON CONFLICT (id) DO UPDATE SET
       titre = EXCLUDED.titre, resume = EXCLUDED.resume, description = EXCLUDED.description, type = EXCLUDED.type,
       thematiques = EXCLUDED.thematiques, format = EXCLUDED.format, debut = EXCLUDED.debut, fin = EXCLUDED.fin,
       public = EXCLUDED.public, organisateurs = EXCLUDED.organisateurs, partenaires = EXCLUDED.partenaires,
       capacite = EXCLUDED.capacite, date_limite_inscription = EXCLUDED.date_limite_inscription,
       nombre_participants = EXCLUDED.nombre_participants, region_code = EXCLUDED.region_code, club_id = EXCLUDED.club_id,
       modifie_le = now()`,
    [
      id,
      r.titre,
      r.resume ?? null,
      r.description ?? null,
      r.type,
      r.thematiques,
      r.format,
      debut,
      fin,
      PARIS_TIME_ZONE,
      r.public,
      r.organisateurs,
      r.partenaires ?? [],
      StatutRencontre.PROGRAMMEE,
      r.capacite ?? null,
      dateLimite,
      r.nombreParticipants ?? null,
      r.regionCode,
      r.regionCode ? clubIdOfRegion(r.regionCode) : null,
    ],
  );

  for (const s of sessions) {
    await manager.query(
      `INSERT INTO session_rencontre (id, rencontre_id, ordre, debut, fin, lieu_nom, lieu_adresse, lieu_commune_id, lien_en_ligne)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET ordre = EXCLUDED.ordre, debut = EXCLUDED.debut, fin = EXCLUDED.fin, lieu_nom = EXCLUDED.lieu_nom,
         lieu_adresse = EXCLUDED.lieu_adresse, lieu_commune_id = EXCLUDED.lieu_commune_id, lien_en_ligne = EXCLUDED.lien_en_ligne`,
      [s.id, id, s.ordre, s.debut, s.fin, s.lieu?.nom ?? null, s.lieu?.adresse ?? null, s.lieu?.communeId ?? null, s.lien],
    );
  }
  await manager.query('DELETE FROM session_rencontre WHERE rencontre_id = $1 AND NOT (id = ANY($2::uuid[]))', [
    id,
    sessions.map((s) => s.id),
  ]);

  const intervenants = (r.intervenants ?? []).map((v, i) => ({
    ...v,
    id: stableUuid(`rencontre:${r.slug}:intervenant:${i + 1}`),
    ordre: i + 1,
  }));
  for (const v of intervenants) {
    await manager.query(
      `INSERT INTO intervenant (id, rencontre_id, ordre, nom, role, organisation, collectivite_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET ordre = EXCLUDED.ordre, nom = EXCLUDED.nom, role = EXCLUDED.role,
         organisation = EXCLUDED.organisation, collectivite_id = EXCLUDED.collectivite_id`,
      [v.id, id, v.ordre, v.nom, v.role ?? null, v.organisation ?? null, v.collectiviteId ?? null],
    );
  }
  await manager.query('DELETE FROM intervenant WHERE rencontre_id = $1 AND NOT (id = ANY($2::uuid[]))', [
    id,
    intervenants.map((v) => v.id),
  ]);
}

/** Adds a sample registration once; an existing one (same id, or same e-mail already registered) is left alone. */
export async function loadInscription(manager: EntityManager, i: SeedInscription): Promise<void> {
  await manager.query(
    `INSERT INTO inscription (id, rencontre_id, prenom, nom, email, qualite, fonction, collectivite_id, statut)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT DO NOTHING`,
    [
      stableUuid(`inscription:${i.rencontre}:${i.email}`),
      seedRencontreId(i.rencontre),
      i.prenom,
      i.nom,
      i.email,
      i.qualite,
      i.fonction ?? null,
      i.collectiviteId ?? null,
      StatutInscription.CONFIRMEE,
    ],
  );
}
