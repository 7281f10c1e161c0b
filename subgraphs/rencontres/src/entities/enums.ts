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
 * PASSEE is never stored: it is derived at read time (see statutEffectif), so a rencontre becomes
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
