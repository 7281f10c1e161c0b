/**
 * The 18 French régions. `code` is the region's key across the graph: the ISO 3166-2:FR suffix for
 * metropolitan régions (ARA, BRE, …; `COR` for Corse, whose ISO suffix `20R` is not a word), and the
 * usual three-letter abbreviation for the overseas ones. `codeInsee` links to the COG referential.
 */
export interface RegionInfo {
  readonly code: string;
  readonly codeInsee: string;
  readonly nom: string;
}

export const REGIONS: readonly RegionInfo[] = [
  { code: 'ARA', codeInsee: '84', nom: 'Auvergne-Rhône-Alpes' },
  { code: 'BFC', codeInsee: '27', nom: 'Bourgogne-Franche-Comté' },
  { code: 'BRE', codeInsee: '53', nom: 'Bretagne' },
  { code: 'CVL', codeInsee: '24', nom: 'Centre-Val de Loire' },
  { code: 'COR', codeInsee: '94', nom: 'Corse' },
  { code: 'GES', codeInsee: '44', nom: 'Grand Est' },
  { code: 'HDF', codeInsee: '32', nom: 'Hauts-de-France' },
  { code: 'IDF', codeInsee: '11', nom: 'Île-de-France' },
  { code: 'NOR', codeInsee: '28', nom: 'Normandie' },
  { code: 'NAQ', codeInsee: '75', nom: 'Nouvelle-Aquitaine' },
  { code: 'OCC', codeInsee: '76', nom: 'Occitanie' },
  { code: 'PDL', codeInsee: '52', nom: 'Pays de la Loire' },
  { code: 'PAC', codeInsee: '93', nom: "Provence-Alpes-Côte d'Azur" },
  { code: 'GUA', codeInsee: '01', nom: 'Guadeloupe' },
  { code: 'MTQ', codeInsee: '02', nom: 'Martinique' },
  { code: 'GUF', codeInsee: '03', nom: 'Guyane' },
  { code: 'LRE', codeInsee: '04', nom: 'La Réunion' },
  { code: 'MAY', codeInsee: '06', nom: 'Mayotte' },
];

const byCode = new Map(REGIONS.map((r) => [r.code, r]));
const byInsee = new Map(REGIONS.map((r) => [r.codeInsee, r]));

export const REGION_CODES: readonly string[] = REGIONS.map((r) => r.code);

export function findRegion(code: string): RegionInfo | undefined {
  return byCode.get(code.toUpperCase());
}

export function regionFromInsee(codeInsee: string): RegionInfo | undefined {
  return byInsee.get(codeInsee);
}
