import { Client } from 'pg';
import { clubIdOfRegion, REGIONS, stableUuid, Thematique } from '@federess/vocabulaire';
import { Prng } from './prng';

/** The size of the generated dataset, on top of the seed and the COG referential. */
export interface DatasetSize {
  readonly rencontres: number;
  readonly publications: number;
}

export const FULL_DATASET: DatasetSize = { rencontres: 20_000, publications: 10_000 };
export const QUICK_DATASET: DatasetSize = { rencontres: 1_500, publications: 750 };

/** The fixed seed of the generator: the same rows, the same ids, on every machine and every run. */
export const DATASET_SEED = 20_241_105;

/** Five years of rencontres: 2024-01-01 to 2028-12-31 (UTC). */
const FIRST_DAY = Date.UTC(2024, 0, 1);
const DAYS = 5 * 365 + 1;

export interface DatasetSummary {
  readonly size: DatasetSize;
  readonly seed: number;
  readonly clubsAdded: number;
  /** Row counts of each table after the load, per database. */
  readonly rows: Record<string, number>;
  readonly loadMs: number;
}

/** How much of the national activity each région carries (roughly its number of collectivités and clubs' activity). */
const WEIGHT: Record<string, number> = {
  ARA: 12,
  BFC: 5,
  BRE: 8,
  CVL: 4,
  COR: 1,
  GES: 7,
  HDF: 8,
  IDF: 12,
  NOR: 5,
  NAQ: 10,
  OCC: 10,
  PDL: 7,
  PAC: 8,
  GUA: 1,
  MTQ: 1,
  GUF: 1,
  LRE: 2,
  MAY: 1,
};

const TYPES_RENCONTRE = [
  'RENCONTRE_CLUB',
  'RENCONTRE_CLUB',
  'RENCONTRE_CLUB',
  'WEBINAIRE',
  'WEBINAIRE',
  'JOURNEE_REGIONALE',
  'CYCLE_FORMATION',
  'VOYAGE_APPRENANT',
  'CONFERENCE',
];
const FORMATS = ['PRESENTIEL', 'PRESENTIEL', 'DISTANCIEL', 'HYBRIDE'];
const PUBLICS = ['ELUS|AGENTS', 'ELUS|AGENTS', 'ELUS|AGENTS|ACTEURS_ESS', 'AGENTS', 'ELUS'];
const THEMES = Object.values(Thematique);
const PRENOMS = [
  'Camille',
  'Dominique',
  'Claude',
  'Sacha',
  'Alix',
  'Maël',
  'Louise',
  'Jules',
  'Inès',
  'Hugo',
  'Léa',
  'Nathan',
  'Chloé',
  'Yanis',
  'Manon',
  'Bastien',
];
const NOMS = [
  'Martin',
  'Bernard',
  'Le Goff',
  'Dubois',
  'Moreau',
  'Laurent',
  'Garcia',
  'Roux',
  'Fournier',
  'Morel',
  'Girard',
  'Mercier',
  'Blanc',
  'Guerin',
  'Muller',
  'Henry',
];
const ROLES = [
  'Adjointe au maire déléguée à l’ESS',
  'Chargé de mission ESS',
  'Vice-président à l’économie',
  'Directrice du développement économique',
  'Chercheuse',
  'Chef de projet commande publique',
];
const ORGANISATIONS = ['CRESS', 'RTES', 'CNFPT', 'France Active', 'Avise', 'Intercommunalités de France'];
const QUALITES = ['ELU', 'AGENT', 'AGENT', 'ACTEUR_ESS', 'AUTRE'];
const TYPES_RESSOURCE = ['COMPTE_RENDU', 'REPLAY', 'DIAPORAMA', 'RESSOURCES'];
const TYPES_REGIONAUX = ['FICHE_KIT_REGIONALESS', 'FICHE_KIT_MUNICIPALESS', 'ETUDE', 'DENICHE_POUR_VOUS', 'RAPPORT_ACTIVITE'];
const TYPES_NATIONAUX = ['POINTS_DE_REPERESS', 'GUIDE_REPERESS', 'DENICHE_POUR_VOUS', 'ETUDE'];

interface Column {
  readonly name: string;
  /** Postgres type of one value (the parameter is an array of it). */
  readonly type: string;
  /** A text[] column: passed as '|'-joined text and split on the server. */
  readonly list?: boolean;
}

/**
 * Inserts rows in chunks with one multi-row statement each: `INSERT … SELECT FROM unnest($1::type[], …)`
 * (one round trip per few thousand rows, no per-row statement).
 */
async function bulkInsert(
  client: Client,
  table: string,
  columns: readonly Column[],
  rows: readonly unknown[][],
  chunk = 5000,
): Promise<void> {
  const params = columns.map((c, i) => `$${i + 1}::${c.list ? 'text' : c.type}[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`);
  const select = columns.map((c, i) => (c.list ? `string_to_array(c${i}, '|')` : `c${i}`)).join(', ');
  const sql = `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) SELECT ${select} FROM unnest(${params}) AS u(${aliases.join(', ')}) ON CONFLICT DO NOTHING`;
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    await client.query(
      sql,
      columns.map((_, i) => slice.map((row) => row[i])),
    );
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * Generates the national-scale dataset and writes it straight into each subgraph's database with bulk
 * SQL: the missing regional clubs (one per région, id `clubIdOfRegion(code)`) with their CRESS and member
 * collectivités, rencontres over five years with sessions, intervenants and inscriptions, and
 * publications linked to rencontres and citing collectivités. Deterministic from DATASET_SEED.
 */
export async function loadDataset(
  databaseUrl: (name: string) => string,
  size: DatasetSize,
  log: (line: string) => void,
): Promise<DatasetSummary> {
  const started = Date.now();
  const rng = new Prng(DATASET_SEED);
  const collectivites = await connect(databaseUrl('federess_collectivites'));
  const clubs = await connect(databaseUrl('federess_clubs'));
  const rencontres = await connect(databaseUrl('federess_rencontres'));
  const publications = await connect(databaseUrl('federess_publications'));
  try {
    // Real collectivités of each région (the most populous communes and EPCI, in a fixed order).
    const found = await collectivites.query<{ id: string; region_code: string }>(
      `SELECT id, region_code FROM collectivite WHERE type IN ('COMMUNE', 'EPCI') AND region_code IS NOT NULL
       ORDER BY population DESC NULLS LAST, id`,
    );
    const byRegion = new Map<string, string[]>(REGIONS.map((r) => [r.code, []]));
    for (const row of found.rows) {
      const list = byRegion.get(row.region_code);
      if (list && list.length < 60) list.push(row.id);
    }
    for (const [code, list] of byRegion)
      if (list.length === 0) throw new Error(`no collectivité found for région ${code}: is the COG loaded?`);

    // Clubs: one per région; the seed has some, the rest are added with their CRESS as animateur.
    const existing = new Set((await clubs.query<{ region_code: string }>('SELECT region_code FROM club')).rows.map((r) => r.region_code));
    const missing = REGIONS.filter((r) => !existing.has(r.code));
    await bulkInsert(
      clubs,
      'organisation',
      [
        { name: 'id', type: 'uuid' },
        { name: 'nom', type: 'text' },
        { name: 'sigle', type: 'text' },
        { name: 'type', type: 'text' },
        { name: 'region_code', type: 'text' },
      ],
      missing.map((r) => [
        stableUuid(`bench:organisation:cress-${r.code}`),
        `Chambre régionale de l'ESS ${r.nom}`,
        `CRESS ${r.code}`,
        'CRESS',
        r.code,
      ]),
    );
    await bulkInsert(
      clubs,
      'club',
      [
        { name: 'id', type: 'uuid' },
        { name: 'region_code', type: 'text' },
        { name: 'nom', type: 'text' },
        { name: 'description', type: 'text' },
        { name: 'frequence', type: 'text' },
        { name: 'nombre_participants', type: 'int' },
        { name: 'nombre_collectivites', type: 'int' },
        { name: 'annee_chiffres', type: 'int' },
        { name: 'annee_lancement', type: 'int' },
        { name: 'exemples_themes', type: 'text', list: true },
        { name: 'thematiques', type: 'text', list: true },
      ],
      missing.map((r) => [
        clubIdOfRegion(r.code),
        r.code,
        `Club des collectivités pour l'ESS ${r.nom}`,
        `Le club réunit les élus et agents des collectivités de ${r.nom} engagées pour l'économie sociale et solidaire.`,
        'une rencontre thématique chaque trimestre',
        rng.int(30, 150),
        rng.int(15, 80),
        2025,
        rng.int(2015, 2024),
        'achats responsables|tiers-lieux',
        rng.sample(THEMES, 3).join('|'),
      ]),
    );
    await bulkInsert(
      clubs,
      'club_organisation',
      [
        { name: 'club_id', type: 'uuid' },
        { name: 'organisation_id', type: 'uuid' },
        { name: 'role', type: 'text' },
        { name: 'position', type: 'int' },
      ],
      missing.map((r) => [clubIdOfRegion(r.code), stableUuid(`bench:organisation:cress-${r.code}`), 'ANIMATEUR', 0]),
    );
    const members: unknown[][] = [];
    for (const r of REGIONS) {
      members.push([clubIdOfRegion(r.code), `REGION:${r.codeInsee}`]);
      for (const id of byRegion.get(r.code)!.slice(0, 25)) members.push([clubIdOfRegion(r.code), id]);
    }
    await bulkInsert(
      clubs,
      'club_collectivite',
      [
        { name: 'club_id', type: 'uuid' },
        { name: 'collectivite_id', type: 'text' },
      ],
      members,
    );
    log(`  dataset: ${missing.length} clubs added (one per région now), ${members.length} member links`);

    // Rencontres, their sessions, intervenants and inscriptions.
    const regionTable: string[] = [];
    for (const r of REGIONS) for (let i = 0; i < WEIGHT[r.code]!; i++) regionTable.push(r.code);
    const rencontreRows: unknown[][] = [];
    const sessionRows: unknown[][] = [];
    const intervenantRows: unknown[][] = [];
    const inscriptionRows: unknown[][] = [];
    const pastRencontres: { id: string; region: string | null; fin: number }[] = [];
    const now = Date.now();
    for (let i = 0; i < size.rencontres; i++) {
      const id = stableUuid(`bench:rencontre:${i}`);
      const national = rng.chance(0.05);
      const region = national ? null : rng.pick(regionTable);
      const regionNom = region ? REGIONS.find((r) => r.code === region)!.nom : 'RTES';
      const type = national ? rng.pick(['WEBINAIRE', 'CONFERENCE']) : rng.pick(TYPES_RENCONTRE);
      const format = type === 'WEBINAIRE' ? 'DISTANCIEL' : rng.pick(FORMATS);
      const themes = rng.sample(THEMES, rng.int(1, 3));
      const start = FIRST_DAY + rng.int(0, DAYS - 30) * 86_400_000 + rng.int(7, 13) * 3_600_000 + rng.pick([0, 30]) * 60_000;
      const sessions = type === 'CYCLE_FORMATION' ? 3 : 1;
      const hours = type === 'JOURNEE_REGIONALE' ? 7 : rng.int(2, 3);
      let fin = start;
      const communes = region ? byRegion.get(region)! : [];
      for (let k = 0; k < sessions; k++) {
        const debut = start + k * 7 * 86_400_000;
        fin = debut + hours * 3_600_000;
        const surPlace = format !== 'DISTANCIEL';
        sessionRows.push([
          stableUuid(`bench:session:${i}:${k + 1}`),
          id,
          k + 1,
          iso(debut),
          iso(fin),
          surPlace ? rng.pick(['Salle du conseil', 'Tiers-lieu La Fabrique', 'Maison de l’ESS', 'Hôtel de région']) : null,
          surPlace ? `${rng.int(1, 120)} rue de la République` : null,
          surPlace && communes.length ? rng.pick(communes) : null,
          format !== 'PRESENTIEL' ? `https://visio.example.org/bench-${i}` : null,
        ]);
      }
      const roll = rng.next();
      const statut = roll < 0.03 ? 'ANNULEE' : roll < 0.08 ? 'COMPLETE' : roll < 0.1 ? 'REPORTEE' : 'PROGRAMMEE';
      const capacite = rng.chance(0.7) ? rng.int(20, 150) : null;
      const passee = fin < now;
      rencontreRows.push([
        id,
        `${type === 'WEBINAIRE' ? 'Webinaire' : 'Rencontre'} ${regionNom} n°${i} : ${themes.map((t) => t.toLowerCase().replace(/_/g, ' ')).join(', ')}`,
        `Les élus et agents de ${regionNom} partagent leurs pratiques.`,
        type,
        themes.join('|'),
        format,
        iso(start),
        iso(fin),
        rng.pick(PUBLICS),
        national ? 'RTES' : `CRESS ${region}|RTES`,
        rng.chance(0.5) ? 'CNFPT' : '',
        statut,
        statut === 'ANNULEE' ? 'Report à une date ultérieure' : null,
        capacite,
        passee ? rng.int(10, 120) : null,
        region,
        region ? clubIdOfRegion(region) : null,
      ]);
      for (let k = 0, n = rng.int(1, 3); k < n; k++) {
        intervenantRows.push([
          stableUuid(`bench:intervenant:${i}:${k}`),
          id,
          k + 1,
          `${rng.pick(PRENOMS)} ${rng.pick(NOMS)}`,
          rng.pick(ROLES),
          rng.chance(0.5) ? rng.pick(ORGANISATIONS) : null,
          communes.length && rng.chance(0.4) ? rng.pick(communes) : null,
        ]);
      }
      const inscrits = Math.min(capacite ?? 12, rng.int(0, 12));
      for (let k = 0; k < inscrits; k++) {
        const prenom = rng.pick(PRENOMS);
        const nom = rng.pick(NOMS);
        inscriptionRows.push([
          stableUuid(`bench:inscription:${i}:${k}`),
          id,
          prenom,
          nom,
          `${prenom}.${nom}.${k}@bench.example.org`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
          rng.pick(QUALITES),
          rng.chance(0.5) ? rng.pick(ROLES) : null,
          communes.length ? rng.pick(communes) : null,
          rng.chance(0.95) ? 'CONFIRMEE' : 'ANNULEE',
          iso(start - rng.int(1, 40) * 86_400_000),
        ]);
      }
      if (passee && statut !== 'ANNULEE') pastRencontres.push({ id, region, fin });
    }
    await bulkInsert(
      rencontres,
      'rencontre',
      [
        { name: 'id', type: 'uuid' },
        { name: 'titre', type: 'text' },
        { name: 'resume', type: 'text' },
        { name: 'type', type: 'text' },
        { name: 'thematiques', type: 'text', list: true },
        { name: 'format', type: 'text' },
        { name: 'debut', type: 'timestamptz' },
        { name: 'fin', type: 'timestamptz' },
        { name: 'public', type: 'text', list: true },
        { name: 'organisateurs', type: 'text', list: true },
        { name: 'partenaires', type: 'text', list: true },
        { name: 'statut', type: 'text' },
        { name: 'motif_annulation', type: 'text' },
        { name: 'capacite', type: 'int' },
        { name: 'nombre_participants', type: 'int' },
        { name: 'region_code', type: 'text' },
        { name: 'club_id', type: 'uuid' },
      ],
      rencontreRows,
    );
    await bulkInsert(
      rencontres,
      'session_rencontre',
      [
        { name: 'id', type: 'uuid' },
        { name: 'rencontre_id', type: 'uuid' },
        { name: 'ordre', type: 'int' },
        { name: 'debut', type: 'timestamptz' },
        { name: 'fin', type: 'timestamptz' },
        { name: 'lieu_nom', type: 'text' },
        { name: 'lieu_adresse', type: 'text' },
        { name: 'lieu_commune_id', type: 'text' },
        { name: 'lien_en_ligne', type: 'text' },
      ],
      sessionRows,
    );
    await bulkInsert(
      rencontres,
      'intervenant',
      [
        { name: 'id', type: 'uuid' },
        { name: 'rencontre_id', type: 'uuid' },
        { name: 'ordre', type: 'int' },
        { name: 'nom', type: 'text' },
        { name: 'role', type: 'text' },
        { name: 'organisation', type: 'text' },
        { name: 'collectivite_id', type: 'text' },
      ],
      intervenantRows,
    );
    await bulkInsert(
      rencontres,
      'inscription',
      [
        { name: 'id', type: 'uuid' },
        { name: 'rencontre_id', type: 'uuid' },
        { name: 'prenom', type: 'text' },
        { name: 'nom', type: 'text' },
        { name: 'email', type: 'text' },
        { name: 'qualite', type: 'text' },
        { name: 'fonction', type: 'text' },
        { name: 'collectivite_id', type: 'text' },
        { name: 'statut', type: 'text' },
        { name: 'cree_le', type: 'timestamptz' },
      ],
      inscriptionRows,
    );
    log(
      `  dataset: ${rencontreRows.length} rencontres, ${sessionRows.length} sessions, ${intervenantRows.length} intervenants, ${inscriptionRows.length} inscriptions`,
    );

    // Publications: the resources of past rencontres, regional fiches and studies, national collections.
    const publicationRows: unknown[][] = [];
    const citationRows: unknown[][] = [];
    for (let i = 0; i < size.publications; i++) {
      const id = stableUuid(`bench:publication:${i}`);
      const kind = rng.next();
      let region: string | null;
      let rencontreId: string | null = null;
      let type: string;
      let date: number;
      if (kind < 0.6 && pastRencontres.length) {
        const r = rng.pick(pastRencontres);
        region = r.region;
        rencontreId = r.id;
        type = rng.pick(TYPES_RESSOURCE);
        date = r.fin + rng.int(1, 20) * 86_400_000;
      } else if (kind < 0.9) {
        region = rng.pick(regionTable);
        type = rng.pick(TYPES_REGIONAUX);
        date = FIRST_DAY + rng.int(0, DAYS - 1) * 86_400_000;
      } else {
        region = null;
        type = rng.pick(TYPES_NATIONAUX);
        date = FIRST_DAY + rng.int(0, DAYS - 1) * 86_400_000;
      }
      const themes = rng.sample(THEMES, rng.int(1, 3));
      publicationRows.push([
        id,
        `${type.replace(/_/g, ' ').toLowerCase()} n°${i} : ${themes.map((t) => t.toLowerCase().replace(/_/g, ' ')).join(', ')}`,
        'Ce que les collectivités retiennent de leurs échanges.',
        type,
        day(date),
        region ? `CRESS ${region}` : 'RTES',
        themes.join('|'),
        rng.chance(0.8) ? 'PUBLIC' : 'ADHERENTS',
        `https://docs.example.org/bench/${i}.pdf`,
        region,
        region ? clubIdOfRegion(region) : null,
        rencontreId,
      ]);
      const pool = region ? byRegion.get(region)! : byRegion.get(rng.pick(regionTable))!;
      rng.sample(pool, rng.int(0, 3)).forEach((c, rang) => citationRows.push([id, c, rang]));
    }
    await bulkInsert(
      publications,
      'publication',
      [
        { name: 'id', type: 'uuid' },
        { name: 'titre', type: 'text' },
        { name: 'resume', type: 'text' },
        { name: 'type', type: 'text' },
        { name: 'date_publication', type: 'date' },
        { name: 'editeur', type: 'text' },
        { name: 'thematiques', type: 'text', list: true },
        { name: 'acces', type: 'text' },
        { name: 'fichier', type: 'text' },
        { name: 'region_code', type: 'text' },
        { name: 'club_id', type: 'uuid' },
        { name: 'rencontre_id', type: 'uuid' },
      ],
      publicationRows,
    );
    await bulkInsert(
      publications,
      'publication_collectivite',
      [
        { name: 'publication_id', type: 'uuid' },
        { name: 'collectivite_id', type: 'text' },
        { name: 'rang', type: 'int' },
      ],
      citationRows,
    );
    log(`  dataset: ${publicationRows.length} publications, ${citationRows.length} citations of collectivités`);

    for (const client of [clubs, rencontres, publications]) await client.query('ANALYZE');
    // Rows written behind the subgraphs' back: an event naming everything, as for a bulk load (see the graph contract).
    for (const client of [clubs, rencontres, publications, collectivites]) {
      await client.query("INSERT INTO evenement (type, listes) VALUES ('CHARGEMENT', '{*}')");
    }
    const count = async (client: Client, table: string) =>
      Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    const rows: Record<string, number> = {
      club: await count(clubs, 'club'),
      club_collectivite: await count(clubs, 'club_collectivite'),
      rencontre: await count(rencontres, 'rencontre'),
      session_rencontre: await count(rencontres, 'session_rencontre'),
      intervenant: await count(rencontres, 'intervenant'),
      inscription: await count(rencontres, 'inscription'),
      publication: await count(publications, 'publication'),
      publication_collectivite: await count(publications, 'publication_collectivite'),
      collectivite: await count(collectivites, 'collectivite'),
    };
    return { size, seed: DATASET_SEED, clubsAdded: missing.length, rows, loadMs: Date.now() - started };
  } finally {
    await Promise.all([collectivites.end(), clubs.end(), rencontres.end(), publications.end()]);
  }
}
