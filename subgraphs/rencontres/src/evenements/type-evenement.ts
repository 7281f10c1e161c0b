import { registerEnumType } from 'type-graphql';

/** What happened to a rencontre, as the live feed tells it. */
export enum TypeEvenement {
  CREEE = 'CREEE',
  MODIFIEE = 'MODIFIEE',
  REPORTEE = 'REPORTEE',
  DEPLACEE_EN_LIGNE = 'DEPLACEE_EN_LIGNE',
  ANNULEE = 'ANNULEE',
  COMPLETE = 'COMPLETE',
  INSCRIPTIONS_ROUVERTES = 'INSCRIPTIONS_ROUVERTES',
  INSCRIPTION_ENREGISTREE = 'INSCRIPTION_ENREGISTREE',
  INSCRIPTION_ANNULEE = 'INSCRIPTION_ANNULEE',
}

registerEnumType(TypeEvenement, {
  name: 'TypeEvenement',
  description: "Ce qui est arrivé à une rencontre : création, modification, report, passage en ligne, annulation, complet, places rouvertes, inscription",
  valuesConfig: {
    REPORTEE: { description: 'La date de début a changé' },
    DEPLACEE_EN_LIGNE: { description: 'La rencontre passe en distanciel' },
    COMPLETE: { description: 'La dernière place a été prise : inscriptions fermées' },
    INSCRIPTIONS_ROUVERTES: { description: 'Une place s’est libérée sur une rencontre complète' },
  },
});
