import type { EntityManager } from 'typeorm';
import { clubIdOfRegion, stableUuid } from '@federess/vocabulaire';
import { RoleOrganisation } from '../entities/enums';
import { CLUBS, type ClubSeed } from './clubs';
import { ORGANISATIONS, organisationId } from './organisations';

/** Upserts the seed organisations (by stable id). */
export async function loadOrganisations(manager: EntityManager): Promise<void> {
  for (const o of ORGANISATIONS) {
    await manager.query(
      `INSERT INTO organisation (id, nom, sigle, type, region_code) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET nom = EXCLUDED.nom, sigle = EXCLUDED.sigle, type = EXCLUDED.type, region_code = EXCLUDED.region_code`,
      [organisationId(o.slug), o.nom, o.sigle, o.type, o.regionCode],
    );
  }
}

/** Upserts one club and its links; seed links are upserted too, so a second run changes nothing. */
async function loadClub(manager: EntityManager, club: ClubSeed): Promise<void> {
  const id = clubIdOfRegion(club.regionCode);
  await manager.query(
    `INSERT INTO club (id, region_code, nom, description, frequence, modalites_participation, chiffres_participation,
                       nombre_participants, nombre_collectivites, annee_chiffres, annee_lancement, exemples_themes, thematiques)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (id) DO UPDATE SET
       nom = EXCLUDED.nom, description = EXCLUDED.description, frequence = EXCLUDED.frequence,
       modalites_participation = EXCLUDED.modalites_participation, chiffres_participation = EXCLUDED.chiffres_participation,
       nombre_participants = EXCLUDED.nombre_participants, nombre_collectivites = EXCLUDED.nombre_collectivites,
       annee_chiffres = EXCLUDED.annee_chiffres, annee_lancement = EXCLUDED.annee_lancement,
       exemples_themes = EXCLUDED.exemples_themes, thematiques = EXCLUDED.thematiques, mis_a_jour_le = now()`,
    [
      id,
      club.regionCode,
      club.nom,
      club.description,
      club.frequence,
      club.modalitesParticipation,
      club.chiffresParticipation,
      club.nombreParticipants,
      club.nombreCollectivites,
      club.anneeChiffres,
      club.anneeLancement,
      club.exemplesThemes,
      club.thematiques,
    ],
  );
  const roles = [
    ...club.animateurs.map((slug) => ({ slug, role: RoleOrganisation.ANIMATEUR })),
    ...club.partenaires.map((slug) => ({ slug, role: RoleOrganisation.PARTENAIRE })),
  ];
  for (const [position, { slug, role }] of roles.entries()) {
    await manager.query(
      `INSERT INTO club_organisation (club_id, organisation_id, role, position) VALUES ($1, $2, $3, $4)
       ON CONFLICT (club_id, organisation_id) DO UPDATE SET role = EXCLUDED.role, position = EXCLUDED.position`,
      [id, organisationId(slug), role, position],
    );
  }
  for (const [position, c] of club.contacts.entries()) {
    await manager.query(
      `INSERT INTO contact (id, club_id, position, nom, role, email, telephone, organisation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, nom = EXCLUDED.nom, role = EXCLUDED.role, email = EXCLUDED.email,
         telephone = EXCLUDED.telephone, organisation_id = EXCLUDED.organisation_id`,
      [
        stableUuid(`contact:${club.regionCode}:${c.nom}`),
        id,
        position,
        c.nom,
        c.role,
        c.email,
        c.telephone,
        c.organisation && organisationId(c.organisation),
      ],
    );
  }
  for (const collectiviteId of club.collectivites) {
    await manager.query('INSERT INTO club_collectivite (club_id, collectivite_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      id,
      collectiviteId,
    ]);
  }
}

export async function loadClubs(manager: EntityManager): Promise<void> {
  for (const club of CLUBS) await loadClub(manager, club);
}
