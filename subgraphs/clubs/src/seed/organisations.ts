import { stableUuid } from '@federess/vocabulaire';
import { TypeOrganisation } from '../entities/enums';

export interface OrganisationSeed {
  readonly slug: string;
  readonly nom: string;
  readonly sigle: string;
  readonly type: TypeOrganisation;
  readonly regionCode: string | null;
}

/** Seed organisations get stable ids, so a club's animateurs keep the same ids on every machine. */
export const organisationId = (slug: string): string => stableUuid(`organisation:${slug}`);

/** The organisations the seed documents name as running or supporting the regional clubs. */
export const ORGANISATIONS: readonly OrganisationSeed[] = [
  {
    slug: 'rtes',
    nom: 'Réseau des collectivités Territoriales pour une Economie Solidaire',
    sigle: 'RTES',
    type: TypeOrganisation.RESEAU,
    regionCode: null,
  },
  {
    slug: 'cnfpt',
    nom: 'Centre National de la Fonction Publique Territoriale',
    sigle: 'CNFPT',
    type: TypeOrganisation.CENTRE_FORMATION,
    regionCode: null,
  },
  {
    slug: 'cnfpt-bretagne',
    nom: 'Centre National de la Fonction Publique Territoriale Bretagne',
    sigle: 'CNFPT Bretagne',
    type: TypeOrganisation.CENTRE_FORMATION,
    regionCode: 'BRE',
  },
  {
    slug: 'cress-ara',
    nom: "Chambre régionale de l'ESS Auvergne-Rhône-Alpes",
    sigle: 'CRESS AURA',
    type: TypeOrganisation.CRESS,
    regionCode: 'ARA',
  },
  {
    slug: 'cress-bre',
    nom: "Chambre Régionale de l'ESS Bretagne",
    sigle: 'CRESS Bretagne',
    type: TypeOrganisation.CRESS,
    regionCode: 'BRE',
  },
  {
    slug: 'cress-naq',
    nom: "Chambre Régionale de l'ESS Nouvelle-Aquitaine",
    sigle: 'CRESS Nouvelle-Aquitaine',
    type: TypeOrganisation.CRESS,
    regionCode: 'NAQ',
  },
  {
    slug: 'cress-occ',
    nom: "Chambre Régionale de l'ESS Occitanie",
    sigle: 'CRESS Occitanie',
    type: TypeOrganisation.CRESS,
    regionCode: 'OCC',
  },
  {
    slug: 'cress-pac',
    nom: "Chambre Régionale de l'ESS Provence-Alpes-Côte d'Azur",
    sigle: 'CRESS PACA',
    type: TypeOrganisation.CRESS,
    regionCode: 'PAC',
  },
  {
    slug: 'cress-hdf',
    nom: "Chambre Régionale de l'ESS Hauts-de-France",
    sigle: 'CRESS Hauts-de-France',
    type: TypeOrganisation.CRESS,
    regionCode: 'HDF',
  },
  {
    slug: 'cress-pdl',
    nom: "Chambre Régionale de l'ESS Pays de la Loire",
    sigle: 'CRESS Pays de la Loire',
    type: TypeOrganisation.CRESS,
    regionCode: 'PDL',
  },
];
