import { registerEnumType } from 'type-graphql';

/** What happened to a rencontre, as the live feed tells it. */
export enum TypeEvenement {
  CREEE = 'CREEE',
  MODIFIEE = 'MODIFIEE',
  REPORTEE = 'REPORTEE',
  DEPLACEE_EN_LIGNE = 'DEPLACEE_EN_LIGNE',
  ANNULEE = 'ANNULEE',
  COMPLETE = 'COMPLETE',
  INSCRIPTIONS_FERMEES = 'INSCRIPTIONS_FERMEES',
  INSCRIPTIONS_ROUVERTES = 'INSCRIPTIONS_ROUVERTES',
  INSCRIPTION_ENREGISTREE = 'INSCRIPTION_ENREGISTREE',
  INSCRIPTION_ANNULEE = 'INSCRIPTION_ANNULEE',
}

registerEnumType(TypeEvenement, {
  name: 'TypeEvenement',
  description:
    'Ce qui est arrivé à une rencontre : création, modification, report, passage en ligne, annulation, complet, inscriptions fermées ou rouvertes, inscription. Un changement donne un seul événement, le plus marquant.',
  valuesConfig: {
    REPORTEE: { description: 'La date de début a changé' },
    DEPLACEE_EN_LIGNE: { description: 'La rencontre passe en distanciel' },
    COMPLETE: {
      description: 'La dernière place a été prise (ou la capacité réduite aux inscrits) : plus de place, quel que soit le statut',
    },
    INSCRIPTIONS_FERMEES: {
      description: "Les inscriptions se ferment avant l'heure : la date limite d'inscription a été avancée dans le passé",
    },
    INSCRIPTIONS_ROUVERTES: {
      description: "On peut de nouveau s'inscrire : une place s'est libérée, la capacité a augmenté ou la date limite a été repoussée",
    },
  },
});
