import { readFileSync } from 'node:fs';
import type { EntityManager } from 'typeorm';
import { REGIONS, regionFromInsee } from '@federess/vocabulaire';

// The official referential (Code officiel géographique), as shipped by @etalab/decoupage-administratif.
interface CogRegion {
  code: string;
  nom: string;
}
interface CogDepartement {
  code: string;
  nom: string;
  region: string;
}
interface CogCommune {
  code: string;
  nom: string;
  type: string;
  region?: string;
  departement?: string;
  siren?: string;
  population?: number;
}
interface CogEpci {
  code: string;
  nom: string;
  type: string;
  populationTotale?: number;
  membres: { code: string }[];
}

/** One data file of the referential, as the package ships it. */
const load = <T>(file: string): T[] =>
  JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}.json`), 'utf8')) as T[];

/** One row of the `collectivite` table, column by column, for a bulk upsert. */
interface Row {
  id: string;
  code: string;
  siren: string | null;
  nom: string;
  type: string;
  nature: string | null;
  population: number | null;
  region_code: string | null;
  departement_code: string | null;
  epci_id: string | null;
}

const COLUMNS: (keyof Row)[] = ['id', 'code', 'siren', 'nom', 'type', 'nature', 'population', 'region_code', 'departement_code', 'epci_id'];

/** Lyon's métropole has its own statute in the COG (MET69); for the hub it is a métropole. */
const natureOf = (type: string): string => (type === 'MET69' ? 'METRO' : type);

export function cogRows(): {
  regions: { code: string; codeInsee: string; nom: string }[];
  departements: CogDepartement[];
  collectivites: Row[];
} {
  const regionCodeOf = (insee: string | undefined) => (insee ? (regionFromInsee(insee)?.code ?? null) : null);
  const regions = load<CogRegion>('regions')
    .filter((r) => regionFromInsee(r.code))
    .map((r) => ({ code: regionFromInsee(r.code)!.code, codeInsee: r.code, nom: r.nom }));
  const departements = load<CogDepartement>('departements').filter((d) => regionFromInsee(d.region));
  const communes = load<CogCommune>('communes').filter((c) => c.type === 'commune-actuelle' && regionCodeOf(c.region));
  const epcis = load<CogEpci>('epci');

  const epciOfCommune = new Map<string, string>();
  for (const epci of epcis) for (const membre of epci.membres) epciOfCommune.set(membre.code, `EPCI:${epci.code}`);
  const communeByCode = new Map(communes.map((c) => [c.code, c]));

  const rows: Row[] = [];
  for (const r of regions) {
    rows.push({
      id: `REGION:${r.codeInsee}`,
      code: r.codeInsee,
      siren: null,
      nom: `Région ${r.nom}`,
      type: 'REGION',
      nature: null,
      population: null,
      region_code: r.code,
      departement_code: null,
      epci_id: null,
    });
  }
  for (const d of departements) {
    rows.push({
      id: `DEPARTEMENT:${d.code}`,
      code: d.code,
      siren: null,
      nom: d.nom,
      type: 'DEPARTEMENT',
      nature: null,
      population: null,
      region_code: regionCodeOf(d.region),
      departement_code: d.code,
      epci_id: null,
    });
  }
  for (const epci of epcis) {
    // An EPCI belongs to the région and département of its most populous member commune.
    const seat = epci.membres
      .map((m) => communeByCode.get(m.code))
      .filter((c): c is CogCommune => !!c)
      .sort((a, b) => (b.population ?? 0) - (a.population ?? 0))[0];
    rows.push({
      id: `EPCI:${epci.code}`,
      code: epci.code,
      siren: epci.code,
      nom: epci.nom,
      type: 'EPCI',
      nature: natureOf(epci.type),
      population: epci.populationTotale ?? null,
      region_code: regionCodeOf(seat?.region),
      departement_code: seat?.departement ?? null,
      epci_id: null,
    });
  }
  for (const c of communes) {
    rows.push({
      id: `COMMUNE:${c.code}`,
      code: c.code,
      siren: c.siren ?? null,
      nom: c.nom,
      type: 'COMMUNE',
      nature: null,
      population: c.population ?? null,
      region_code: regionCodeOf(c.region),
      departement_code: c.departement ?? null,
      epci_id: epciOfCommune.get(c.code) ?? null,
    });
  }
  return { regions, departements, collectivites: rows };
}

/**
 * Loads the referential with three statements (one per table, arrays unnested server-side), upserting
 * so that a newer referential updates names and populations without touching RTES membership.
 */
export async function loadCog(manager: EntityManager): Promise<number> {
  const { regions, departements, collectivites } = cogRows();
  if (regions.length !== REGIONS.length) throw new Error(`COG: expected ${REGIONS.length} régions, found ${regions.length}`);
  await manager.query(
    `INSERT INTO region (code, code_insee, nom) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (code) DO UPDATE SET code_insee = EXCLUDED.code_insee, nom = EXCLUDED.nom`,
    [regions.map((r) => r.code), regions.map((r) => r.codeInsee), regions.map((r) => r.nom)],
  );
  await manager.query(
    `INSERT INTO departement (code, nom, region_code) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (code) DO UPDATE SET nom = EXCLUDED.nom, region_code = EXCLUDED.region_code`,
    [departements.map((d) => d.code), departements.map((d) => d.nom), departements.map((d) => regionFromInsee(d.region)!.code)],
  );
  const types = COLUMNS.map((c) => (c === 'population' ? 'int[]' : 'text[]'));
  await manager.query(
    `INSERT INTO collectivite (${COLUMNS.join(', ')})
     SELECT * FROM unnest(${COLUMNS.map((_, i) => `$${i + 1}::${types[i]}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'id')
       .map((c) => `${c} = EXCLUDED.${c}`)
       .join(', ')}`,
    COLUMNS.map((column) => collectivites.map((row) => row[column])),
  );
  return collectivites.length;
}
