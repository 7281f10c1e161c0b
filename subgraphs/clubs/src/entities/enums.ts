import { registerEnumType } from 'type-graphql';

/** What kind of organisation runs or supports a club. */
export enum TypeOrganisation {
  CRESS = 'CRESS',
  RESEAU = 'RESEAU',
  CENTRE_FORMATION = 'CENTRE_FORMATION',
  COLLECTIVITE = 'COLLECTIVITE',
  AUTRE = 'AUTRE',
}

/** The part an organisation plays in a club; stored on club_organisation, exposed as two lists. */
export enum RoleOrganisation {
  ANIMATEUR = 'ANIMATEUR',
  PARTENAIRE = 'PARTENAIRE',
}

registerEnumType(TypeOrganisation, {
  name: 'TypeOrganisation',
  description: "Nature d'une organisation : chambre régionale de l'ESS, réseau, centre de formation, collectivité, autre",
  valuesConfig: {
    CRESS: { description: "Chambre régionale de l'économie sociale et solidaire" },
    RESEAU: { description: 'Réseau national ou régional (RTES, …)' },
    CENTRE_FORMATION: { description: 'Organisme de formation (CNFPT, …)' },
    COLLECTIVITE: { description: 'Collectivité territoriale' },
    AUTRE: { description: 'Autre organisation' },
  },
});
