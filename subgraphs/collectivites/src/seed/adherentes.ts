import type { EntityManager } from 'typeorm';

/**
 * Collectivités that the seed documents show in the RTES network: co-organisers of club days,
 * speakers at the national webinars, the vice-presidents' collectivités.
 */
export const ADHERENTES: readonly string[] = [
  'EPCI:246300701', // Clermont Auvergne Métropole — journée régionale AURA
  'EPCI:246700488', // Eurométropole de Strasbourg — webinaire SIEG
  'COMMUNE:13055', // Marseille — webinaire SIEG
  'REGION:93', // Région Sud — webinaire SIEG
  'EPCI:200093201', // Métropole Européenne de Lille — parcours PlateformCoop
  'EPCI:246200299', // CA d'Hénin-Carvin — parcours PlateformCoop
  'COMMUNE:59350', // Lille (Hellemmes, Lomme) — parcours PlateformCoop
  'COMMUNE:62907', // Libercourt — parcours PlateformCoop
  'COMMUNE:75056', // Paris — Florentin Letissier, vice-président du RTES
  'PETR:pays-de-langres', // PETR du Pays de Langres — Patricia Andriot, vice-présidente du RTES
];

/** PETR are not in the COG; the ones the network works with are added by hand. */
export async function loadPetr(manager: EntityManager): Promise<void> {
  await manager.query(
    `INSERT INTO collectivite (id, code, nom, type, region_code, departement_code)
     VALUES ('PETR:pays-de-langres', 'pays-de-langres', 'PETR du Pays de Langres', 'PETR', 'GES', '52')
     ON CONFLICT (id) DO NOTHING`,
  );
}

export async function markAdherentes(manager: EntityManager): Promise<void> {
  await manager.query('UPDATE collectivite SET adherente = true WHERE id = ANY($1)', [ADHERENTES]);
}
