import { Thematique } from '@federess/vocabulaire';
import { FormatRencontre, PublicCible, TypeRencontre } from '../entities/enums';
import type { SeedRencontre } from './model';

const { ELUS, AGENTS, ACTEURS_ESS } = PublicCible;

const CYCLE_BRETAGNE_2024 =
  "La CRESS Bretagne, le RTES et le CNFPT Bretagne s'associent de nouveau en 2024 pour proposer un cycle de 5 webinaires " +
  "à destination des agent·e·s de collectivités. À partir de témoignages ou d'initiatives inspirantes, repérer les rôles des " +
  'collectivités et les outils pour favoriser le développement de ces initiatives locales et des coopérations sur le territoire. ' +
  'Contact : Floriane Désille, chargée de mission Sensibilisation Acteurs publics et ESS, CRESS Bretagne.';

/**
 * Every dated rencontre of the seed documents (../shared/seeds), with their dates, times, places,
 * speakers and figures as published.
 *
 * Where a document gives the day but not the time (SIEG 12/12/2024, appels à projets 05/04/2024,
 * PlateformCoop 19/12/2023 — "d'1h30" —, the AURA day of 25/06/2018) the session times below are a
 * stated assumption (a morning slot, the whole day for the regional day), marked "horaire non publié".
 *
 * Left out: the learning trip "Europe & ESS" to Brussels (RTES activity report 2023). The documents
 * give only the year; a rencontre needs real session dates, and an invented date would put a false
 * event in every date filter and in the national agenda.
 */
export const RENCONTRES_DOCUMENTEES: readonly SeedRencontre[] = [
  {
    slug: 'bretagne-2024-10-ans-loi-ess',
    titre: "10 ans après la loi ESS, comprendre ses fondements et l'organisation en Bretagne",
    resume:
      "Webinaire n°1 du cycle 2024 CRESS Bretagne, RTES et CNFPT Bretagne : le contexte politique et réglementaire de l'ESS, " +
      'la loi de 2014 et son évaluation, les acteurs et ressources pour une stratégie de développement local partagée.',
    description:
      "Appréhender le contexte politique et réglementaire relatif à l'Economie Sociale et Solidaire. " +
      "Décrypter la loi sur l'ESS de 2014 et les enjeux de son évaluation pour les collectivités. " +
      "Identifier les acteurs et ressources pour élaborer une stratégie de développement local partagée et co-construite à l'échelle d'un territoire. " +
      'Seul le webinaire n°1 du cycle est ouvert aux élu·e·s et aux député·e·s breton·ne·s. ' +
      CYCLE_BRETAGNE_2024,
    type: TypeRencontre.WEBINAIRE,
    thematiques: [Thematique.POLITIQUES_PUBLIQUES_ESS, Thematique.COOPERATION_TERRITORIALE],
    format: FormatRencontre.DISTANCIEL,
    sessions: [{ jour: '2024-02-22', de: '09:30', a: '11:30' }],
    public: [AGENTS, ELUS],
    intervenants: [
      { nom: 'Thierry Courret', role: 'Correspondant régional ESS', organisation: 'DREETS Bretagne' },
      { nom: 'Anne-Laure Federici', role: 'Déléguée générale', organisation: 'RTES' },
      { nom: 'Grégory Huchon', role: 'Directeur', organisation: 'CRESS Bretagne' },
    ],
    organisateurs: ['CRESS Bretagne', 'RTES', 'CNFPT Bretagne'],
    regionCode: 'BRE',
  },
  {
    slug: 'bretagne-2024-cooperations-locales',
    titre:
      "Soutenir le développement économique et solidaire des territoires en favorisant les coopérations locales avec les structures de l'ESS",
    resume: 'Webinaire du cycle 2024 CRESS Bretagne, RTES et CNFPT Bretagne, à destination des agent·e·s de collectivités.',
    description: CYCLE_BRETAGNE_2024,
    type: TypeRencontre.WEBINAIRE,
    thematiques: [Thematique.DEVELOPPEMENT_ECONOMIQUE, Thematique.COOPERATION_TERRITORIALE],
    format: FormatRencontre.DISTANCIEL,
    sessions: [{ jour: '2024-10-03', de: '09:30', a: '11:30' }],
    public: [AGENTS],
    organisateurs: ['CRESS Bretagne', 'RTES', 'CNFPT Bretagne'],
    regionCode: 'BRE',
  },
  {
    slug: 'bretagne-2024-dynamiques-agricoles-alimentaires',
    titre: "Dynamiques territoriales agricoles et alimentaires : acteurs et ressources d'économie sociale et solidaire",
    resume: 'Webinaire du cycle 2024 CRESS Bretagne, RTES et CNFPT Bretagne, à destination des agent·e·s de collectivités.',
    description: CYCLE_BRETAGNE_2024,
    type: TypeRencontre.WEBINAIRE,
    thematiques: [Thematique.ALIMENTATION, Thematique.COOPERATION_TERRITORIALE],
    format: FormatRencontre.DISTANCIEL,
    sessions: [{ jour: '2024-11-19', de: '09:30', a: '11:30' }],
    public: [AGENTS],
    organisateurs: ['CRESS Bretagne', 'RTES', 'CNFPT Bretagne'],
    regionCode: 'BRE',
  },
  {
    slug: 'aura-2018-journee-collectivites-ess',
    titre: "Journée de rencontres des collectivités locales autour de l'ESS",
    resume:
      "Premières rencontres régionales des collectivités d'Auvergne-Rhône-Alpes autour de l'ESS, à Clermont-Ferrand : " +
      'créer une synergie, structurer et dynamiser l’implication des collectivités dans l’ESS, avec un regard sur les SCIC.',
    description:
      '« La coopération ne se décrète pas, elle se construit ! » (Danièle Demoustier). Co-organisée par la CRESS, le RTES et ' +
      'Clermont Auvergne Métropole avec le soutien de Cap Rural, la journée visait à travailler de manière plus locale sur les pratiques, ' +
      "partager les difficultés, mettre en commun les façons de faire et voir ce qu'apportent les modèles économiques des SCIC. " +
      'Clermont Auvergne Métropole est impliquée dans plusieurs SCIC : Biau Jardin, MassifIX, Socoop et Epicentre. ' +
      'Objectif : une feuille de route pour aider les collectivités territoriales à se lancer. (Horaire non publié : la journée entière est retenue.)',
    type: TypeRencontre.JOURNEE_REGIONALE,
    thematiques: [Thematique.SCIC, Thematique.COOPERATION_TERRITORIALE, Thematique.POLITIQUES_PUBLIQUES_ESS],
    format: FormatRencontre.PRESENTIEL,
    sessions: [{ jour: '2018-06-25', de: '09:00', a: '17:00', lieu: { nom: 'Clermont-Ferrand', communeId: 'COMMUNE:63113' } }],
    public: [ELUS, AGENTS],
    intervenants: [
      { nom: 'Danièle Demoustier', role: 'Économiste' },
      { nom: 'Pauline Petot', role: 'Directrice', organisation: 'CRESS Auvergne-Rhône-Alpes' },
      {
        nom: 'Geoffrey Volat',
        role: 'Doctorant, projet de centre de recherche, développement et transfert en sciences humaines et sociales',
        collectiviteId: 'EPCI:246300701',
      },
      { nom: 'Marion Canales', role: "Adjointe au Maire pour l'économie sociale et solidaire", collectiviteId: 'COMMUNE:63113' },
    ],
    organisateurs: ['CRESS Auvergne-Rhône-Alpes', 'RTES', 'Clermont Auvergne Métropole'],
    partenaires: ['Cap Rural'],
    regionCode: 'ARA',
  },
  {
    slug: 'rtes-2024-webinaire-sieg',
    titre: "Services d'Intérêt Economique Général (SIEG), quelles opportunités pour les collectivités et les acteurs de l'ESS ?",
    resume:
      'Webinaire de France urbaine et du RTES : éléments de cadrage des SIEG et expériences de SIEG mis en place par ' +
      "l'Eurométropole de Strasbourg et par la Ville de Marseille en lien avec la Région Sud.",
    description:
      "Qu'entend-on par SIEG ? Comment mettre en œuvre un SIEG et quelles opportunités pour une collectivité territoriale, ou pour un acteur de l'ESS ? " +
      'Le webinaire a rassemblé une cinquantaine de participant·e·s. (Horaire non publié.)',
    type: TypeRencontre.WEBINAIRE,
    thematiques: [Thematique.SIEG],
    format: FormatRencontre.DISTANCIEL,
    sessions: [{ jour: '2024-12-12', de: '10:00', a: '12:00' }],
    public: [ELUS, AGENTS, ACTEURS_ESS],
    intervenants: [
      { nom: 'Eurométropole de Strasbourg', role: "Retour d'expérience d'un SIEG", collectiviteId: 'EPCI:246700488' },
      { nom: 'Ville de Marseille', role: "Retour d'expérience d'un SIEG, en lien avec la Région Sud", collectiviteId: 'COMMUNE:13055' },
      { nom: 'Région Sud', role: "Retour d'expérience d'un SIEG, avec la Ville de Marseille", collectiviteId: 'REGION:93' },
    ],
    organisateurs: ['France urbaine', 'RTES'],
    regionCode: null,
    nombreParticipants: 50,
  },
  {
    slug: 'rtes-2024-appels-a-projets',
    titre: "Les appels à projets, intérêts et limites pour les collectivités locales et les acteurs de l'ESS",
    resume:
      'Conférence en ligne du RTES : à partir des travaux de Charlotte Dudignac, partager les réflexions et pratiques des collectivités ' +
      'sur les appels à projets (AAP).',
    description:
      "Pourquoi un webinaire sur les appels à projets ? L'AAP n'est pas nécessairement l'outil idéal pour une ESS de proximité et la co-construction, " +
      'mais il peut organiser les relations entre acteurs et collectivités ; limite souvent soulignée : la mise en concurrence des acteurs. ' +
      'Environ 15 000 AAP annuels (300 pour les collectivités sur Aides Territoires). Charlotte Dudignac a mené 60 entretiens dans le cadre de sa ' +
      'thèse professionnelle « Designer les appels à projets » et réalisé 2 expérimentations de design : Call with care et l’AAAP (Après l’Appel à Projets). ' +
      '80 personnes ont participé. (Horaire non publié.)',
    type: TypeRencontre.WEBINAIRE,
    thematiques: [Thematique.APPELS_A_PROJETS, Thematique.COOPERATION_TERRITORIALE],
    format: FormatRencontre.DISTANCIEL,
    sessions: [{ jour: '2024-04-05', de: '10:00', a: '12:00' }],
    public: [ELUS, AGENTS, ACTEURS_ESS],
    intervenants: [
      {
        nom: 'Patricia Andriot',
        role: 'Vice-présidente du RTES, élue au PETR du Pays de Langres',
        organisation: 'RTES',
        collectiviteId: 'PETR:pays-de-langres',
      },
      { nom: 'Charlotte Dudignac', role: 'Autrice de la thèse professionnelle « Designer les appels à projets »' },
    ],
    organisateurs: ['RTES'],
    regionCode: null,
    nombreParticipants: 80,
  },
  {
    slug: 'rtes-2023-evaluation-impact-social',
    titre: "Evaluation de l'impact social/utilité sociale, quel rôle des collectivités ?",
    resume:
      'Comment développer une approche territorialisée ? Webinaire du RTES dans le cadre de son chantier sur les pratiques de mesure d’impact accompagnées par des collectivités.',
    description:
      "Evaluer ce qui compte vraiment et le faire savoir intéressent autant les collectivités que les structures de l'ESS de terrain et leurs réseaux. " +
      "Une soixantaine d'élu·e·s, de services de collectivités et d'acteurs de l'accompagnement étaient au rendez-vous.",
    type: TypeRencontre.WEBINAIRE,
    thematiques: [Thematique.EVALUATION_IMPACT],
    format: FormatRencontre.DISTANCIEL,
    sessions: [{ jour: '2023-11-17', de: '09:30', a: '11:00' }],
    public: [ELUS, AGENTS, ACTEURS_ESS],
    organisateurs: ['RTES'],
    regionCode: null,
    nombreParticipants: 60,
  },
  {
    // A national RTES webinar, filed under Hauts-de-France: the PlateformCoop parcours is the Région
    // Hauts-de-France's, with the MEL, the CA Hénin-Carvin, Hellemmes, Lomme and Libercourt.
    slug: 'hdf-2023-plateformcoop',
    titre: '« PlateformCoop » : bilan à fin 2023 du projet piloté par l’APES',
    resume:
      'Webinaire du RTES sur les plateformes coopératives et le parcours PlateformCoop destiné aux collectivités des Hauts-de-France, ' +
      'avec les témoignages de deux élus embarqués.',
    description:
      'Les plateformes coopératives (CoopCircuits, Mobicoop, CoopCycle, Les oiseaux de passage, Tipimi, Rustine libre…) proposent des modèles ' +
      "alternatifs aux grandes plateformes. Le projet PlateformCoop, porté par l'APES et soutenu par l'UE, l'État et la Région Hauts-de-France, " +
      'anime un parcours impliquant la MEL, la Communauté d’agglomération Hénin-Carvin, les communes d’Hellemmes, de Lomme et de Libercourt. ' +
      'Webinaire d’1h30. (Heure de début non publiée.)',
    type: TypeRencontre.WEBINAIRE,
    thematiques: [Thematique.PLATEFORMES_COOPERATIVES, Thematique.SCIC, Thematique.NUMERIQUE],
    format: FormatRencontre.DISTANCIEL,
    sessions: [{ jour: '2023-12-19', de: '10:00', a: '11:30' }],
    public: [ELUS, AGENTS],
    intervenants: [
      { nom: 'Christine Masse', role: 'Responsable du parcours PlateformCoop', organisation: 'APES' },
      { nom: 'Mabrouk Zouareg', role: "3ème adjoint au Maire d'Hellemmes", collectiviteId: 'COMMUNE:59350' },
      { nom: 'Jean-Christophe Lipovac', role: '2ème adjoint au Maire de Lomme', collectiviteId: 'COMMUNE:59350' },
      { nom: 'Bérengère Batiot', role: 'Responsable', organisation: 'SCIC CoopCircuits' },
    ],
    organisateurs: ['RTES'],
    partenaires: ['APES'],
    regionCode: 'HDF',
  },
];
