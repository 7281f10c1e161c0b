import { registerEnumType } from 'type-graphql';

export enum TypeCollectivite {
  COMMUNE = 'COMMUNE',
  EPCI = 'EPCI',
  DEPARTEMENT = 'DEPARTEMENT',
  REGION = 'REGION',
  PETR = 'PETR',
}

/** Nature juridique d'un EPCI à fiscalité propre. */
export enum NatureEpci {
  CC = 'CC',
  CA = 'CA',
  CU = 'CU',
  METRO = 'METRO',
}

registerEnumType(TypeCollectivite, { name: 'TypeCollectivite', description: 'Type de collectivité territoriale' });
registerEnumType(NatureEpci, {
  name: 'NatureEpci',
  description: "Nature d'un EPCI : communauté de communes, d'agglomération, urbaine, métropole",
});
