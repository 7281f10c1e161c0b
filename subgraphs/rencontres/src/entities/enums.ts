import { registerEnumType } from 'type-graphql';

export enum TypeRencontre {
  RENCONTRE_CLUB = 'RENCONTRE_CLUB',
  WEBINAIRE = 'WEBINAIRE',
  JOURNEE_REGIONALE = 'JOURNEE_REGIONALE',
  CYCLE_FORMATION = 'CYCLE_FORMATION',
  VOYAGE_APPRENANT = 'VOYAGE_APPRENANT',
  CONFERENCE = 'CONFERENCE',
}

export enum FormatRencontre {
  PRESENTIEL = 'PRESENTIEL',
  DISTANCIEL = 'DISTANCIEL',
  HYBRIDE = 'HYBRIDE',
}

/**
 * PASSEE is never stored: it is derived at read time (see effectiveStatut), so a rencontre becomes
 * past without a job rewriting rows.
 */
export enum StatutRencontre {
  PROGRAMMEE = 'PROGRAMMEE',
  REPORTEE = 'REPORTEE',
  DEPLACEE_EN_LIGNE = 'DEPLACEE_EN_LIGNE',
  COMPLETE = 'COMPLETE',
  ANNULEE = 'ANNULEE',
  PASSEE = 'PASSEE',
}

export enum PublicCible {
  ELUS = 'ELUS',
  AGENTS = 'AGENTS',
  ACTEURS_ESS = 'ACTEURS_ESS',
}

export enum QualiteInscrit {
  ELU = 'ELU',
  AGENT = 'AGENT',
  ACTEUR_ESS = 'ACTEUR_ESS',
  AUTRE = 'AUTRE',
}

export enum StatutInscription {
  CONFIRMEE = 'CONFIRMEE',
  ANNULEE = 'ANNULEE',
}

registerEnumType(TypeRencontre, {
  name: 'TypeRencontre',
  description: 'Nature de la rencontre',
  valuesConfig: {
    RENCONTRE_CLUB: { description: "Rencontre d'un club régional des collectivités pour l'ESS" },
    WEBINAIRE: { description: 'Webinaire (conférence en ligne)' },
    JOURNEE_REGIONALE: { description: 'Journée régionale' },
    CYCLE_FORMATION: { description: 'Cycle de formation en plusieurs séances' },
    VOYAGE_APPRENANT: { description: 'Voyage apprenant' },
    CONFERENCE: { description: 'Conférence' },
  },
});
registerEnumType(FormatRencontre, {
  name: 'FormatRencontre',
  description: 'Présentiel, distanciel (en ligne) ou hybride',
});
registerEnumType(StatutRencontre, {
  name: 'StatutRencontre',
  description: 'Où en est la rencontre',
  valuesConfig: {
    PROGRAMMEE: { description: 'Programmée, inscriptions possibles' },
    REPORTEE: { description: 'Déplacée à une autre date (voir debutPrecedent)' },
    DEPLACEE_EN_LIGNE: { description: 'Passée du présentiel au distanciel' },
    COMPLETE: { description: 'Toutes les places sont prises' },
    ANNULEE: { description: 'Annulée (voir motifAnnulation)' },
    PASSEE: { description: 'Terminée (calculé : fin dépassée)' },
  },
});
registerEnumType(PublicCible, { name: 'PublicCible', description: 'À qui la rencontre s’adresse' });
registerEnumType(QualiteInscrit, { name: 'QualiteInscrit', description: 'À quel titre une personne s’inscrit' });
registerEnumType(StatutInscription, { name: 'StatutInscription' });

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
