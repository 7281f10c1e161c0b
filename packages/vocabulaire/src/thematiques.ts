import { registerEnumType } from 'type-graphql';

/** The controlled vocabulary of thématiques, shared by every subgraph so that filters mean the same everywhere. */
export enum Thematique {
  COMMANDE_PUBLIQUE_RESPONSABLE = 'COMMANDE_PUBLIQUE_RESPONSABLE',
  SPASER = 'SPASER',
  SIEG = 'SIEG',
  SCIC = 'SCIC',
  PTCE = 'PTCE',
  ESUS = 'ESUS',
  TIERS_LIEUX = 'TIERS_LIEUX',
  MOBILITE = 'MOBILITE',
  NUMERIQUE = 'NUMERIQUE',
  TOURISME = 'TOURISME',
  VIE_ASSOCIATIVE = 'VIE_ASSOCIATIVE',
  FILIERES = 'FILIERES',
  ECONOMIE_CIRCULAIRE = 'ECONOMIE_CIRCULAIRE',
  EVALUATION_IMPACT = 'EVALUATION_IMPACT',
  ALIMENTATION = 'ALIMENTATION',
  REVITALISATION_CENTRES_BOURGS = 'REVITALISATION_CENTRES_BOURGS',
  FINANCE_SOLIDAIRE = 'FINANCE_SOLIDAIRE',
  INSERTION = 'INSERTION',
  COOPERATION_TERRITORIALE = 'COOPERATION_TERRITORIALE',
  APPELS_A_PROJETS = 'APPELS_A_PROJETS',
  PLATEFORMES_COOPERATIVES = 'PLATEFORMES_COOPERATIVES',
  DEVELOPPEMENT_ECONOMIQUE = 'DEVELOPPEMENT_ECONOMIQUE',
  POLITIQUES_PUBLIQUES_ESS = 'POLITIQUES_PUBLIQUES_ESS',
  EUROPE_INTERNATIONAL = 'EUROPE_INTERNATIONAL',
}

export const THEMATIQUE_LIBELLES: Readonly<Record<Thematique, string>> = {
  COMMANDE_PUBLIQUE_RESPONSABLE: 'Commande publique responsable',
  SPASER: 'SPASER',
  SIEG: "Services d'intérêt économique général (SIEG)",
  SCIC: "Sociétés coopératives d'intérêt collectif (SCIC)",
  PTCE: 'Pôles territoriaux de coopération économique (PTCE)',
  ESUS: 'Agrément ESUS',
  TIERS_LIEUX: 'Tiers-lieux',
  MOBILITE: 'Mobilité durable',
  NUMERIQUE: 'Numérique',
  TOURISME: 'Tourisme',
  VIE_ASSOCIATIVE: 'Vie associative',
  FILIERES: 'Filières',
  ECONOMIE_CIRCULAIRE: 'Économie circulaire',
  EVALUATION_IMPACT: "Évaluation d'impact social",
  ALIMENTATION: 'Alimentation et agriculture',
  REVITALISATION_CENTRES_BOURGS: 'Revitalisation des centres-villes et centres-bourgs',
  FINANCE_SOLIDAIRE: 'Finance solidaire',
  INSERTION: "Insertion par l'activité économique",
  COOPERATION_TERRITORIALE: 'Coopération territoriale',
  APPELS_A_PROJETS: 'Appels à projets',
  PLATEFORMES_COOPERATIVES: 'Plateformes coopératives',
  DEVELOPPEMENT_ECONOMIQUE: 'Développement économique local',
  POLITIQUES_PUBLIQUES_ESS: "Politiques publiques de l'ESS",
  EUROPE_INTERNATIONAL: 'Europe et international',
};

registerEnumType(Thematique, {
  name: 'Thematique',
  description: 'Thématique du vocabulaire commun à tous les sous-graphes',
  valuesConfig: Object.fromEntries(
    Object.entries(THEMATIQUE_LIBELLES).map(([value, libelle]) => [value, { description: libelle }]),
  ),
});
