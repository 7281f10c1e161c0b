import { registerEnumType } from 'type-graphql';

/** The kinds of documents the network publishes, named as the network names its collections. */
export enum TypePublication {
  POINTS_DE_REPERESS = 'POINTS_DE_REPERESS',
  GUIDE_REPERESS = 'GUIDE_REPERESS',
  FICHE_KIT_REGIONALESS = 'FICHE_KIT_REGIONALESS',
  FICHE_KIT_MUNICIPALESS = 'FICHE_KIT_MUNICIPALESS',
  RAPPORT_ACTIVITE = 'RAPPORT_ACTIVITE',
  COMPTE_RENDU = 'COMPTE_RENDU',
  REPLAY = 'REPLAY',
  DIAPORAMA = 'DIAPORAMA',
  DENICHE_POUR_VOUS = 'DENICHE_POUR_VOUS',
  ETUDE = 'ETUDE',
  RESSOURCES = 'RESSOURCES',
  ANNUAIRE_PARTICIPANTS = 'ANNUAIRE_PARTICIPANTS',
}

/** Who may read a publication's document: everyone, or only the RTES member collectivités. */
export enum AccesPublication {
  PUBLIC = 'PUBLIC',
  ADHERENTS = 'ADHERENTS',
}

registerEnumType(TypePublication, {
  name: 'TypePublication',
  description: 'Type de publication',
  valuesConfig: {
    POINTS_DE_REPERESS: { description: 'Points de RepèrESS : synthèse de 4 pages sur un outil ou un sujet' },
    GUIDE_REPERESS: { description: 'Guide de la collection RepèrESS' },
    FICHE_KIT_REGIONALESS: { description: 'Fiche du kit RégionalESS' },
    FICHE_KIT_MUNICIPALESS: { description: 'Fiche du kit MunicipalESS' },
    RAPPORT_ACTIVITE: { description: "Rapport d'activité" },
    COMPTE_RENDU: { description: "Compte-rendu d'une rencontre ou d'un webinaire" },
    REPLAY: { description: "Enregistrement (replay) d'un webinaire" },
    DIAPORAMA: { description: 'Diaporama présenté lors d’une rencontre' },
    DENICHE_POUR_VOUS: { description: '« Déniché pour vous » : ressource repérée par le réseau' },
    ETUDE: { description: 'Étude' },
    RESSOURCES: { description: 'Ressources thématiques diffusées après une rencontre' },
    ANNUAIRE_PARTICIPANTS: { description: "Annuaire des participants d'une rencontre" },
  },
});
registerEnumType(AccesPublication, {
  name: 'AccesPublication',
  description: 'Accès au document de la publication',
  valuesConfig: {
    PUBLIC: { description: 'Ouvert à toutes et tous' },
    ADHERENTS: { description: 'Réservé aux collectivités adhérentes du RTES' },
  },
});

/** What happened to a publication, as its change events and the delta sync tell it. */
export enum TypeEvenementPublication {
  CREEE = 'CREEE',
  MODIFIEE = 'MODIFIEE',
}

registerEnumType(TypeEvenementPublication, {
  name: 'TypeEvenementPublication',
  description: 'Ce qui est arrivé à une publication',
  valuesConfig: {
    CREEE: { description: 'La publication a été publiée' },
    MODIFIEE: { description: 'Elle a changé : ses métadonnées, son document, ses citations, sa région, son club ou sa rencontre' },
  },
});
