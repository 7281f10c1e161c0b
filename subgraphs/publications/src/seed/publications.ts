import { Thematique as T } from '@federess/vocabulaire';
import { AccesPublication, TypePublication } from '../entities/enums';

/**
 * The publications named in the seed documents (../shared/seeds). Only what the documents say is
 * seeded: no invented URL, title or number. Where a document gives no exact date, the date used is
 * explained next to it (DATE_INCONNUE, or 1 January of the documented year).
 */
export interface PublicationSeed {
  /** Id: stableUuid(`publication:${slug}`). */
  readonly slug: string;
  readonly titre: string;
  readonly resume: string | null;
  readonly type: TypePublication;
  readonly collection: string | null;
  readonly numero: number | null;
  readonly datePublication: string;
  readonly editeur: string;
  readonly thematiques: readonly T[];
  readonly acces: AccesPublication;
  /** Région code; null for the national network's own publications. The club, when set, is that région's club. */
  readonly region: string | null;
  readonly club: boolean;
  /** Slug of the rencontre (rencontres subgraph: stableUuid(`rencontre:${slug}`)) the publication reports on. */
  readonly rencontre: string | null;
  readonly collectivitesCitees: readonly string[];
}

/**
 * The documents give no date for these publications; they were online when the documents were
 * gathered (the latest event the documents report is of 12 December 2024). Placeholder: 1 January
 * 2024 — replace it with the real date when known.
 */
const DATE_INCONNUE = '2024-01-01';

const RTES = 'RTES';

const base = {
  resume: null,
  collection: null,
  numero: null,
  editeur: RTES,
  acces: AccesPublication.PUBLIC,
  region: null,
  club: false,
  rencontre: null,
  collectivitesCitees: [],
} as const;

const pointsDeReperess = { ...base, type: TypePublication.POINTS_DE_REPERESS, collection: 'Points de RepèrESS' } as const;

// Kit RégionalESS: made for the régional executives elected in June 2021 (document 001). Day unknown:
// 1 July 2021, the first day after those elections.
const kitRegionaless = {
  ...base,
  type: TypePublication.FICHE_KIT_REGIONALESS,
  collection: 'Kit RégionalESS',
  datePublication: '2021-07-01',
  resume:
    'Fiche pratique du kit RégionalESS, réalisé par le RTES après les élections régionales de juin 2021 pour les nouvelles équipes régionales : ' +
    "l'art et la manière d'intégrer l'ESS dans les politiques mises en œuvre par les Conseils régionaux, de façon synthétique et concrète, illustrée de nombreux exemples.",
} as const;

export const PUBLICATIONS: readonly PublicationSeed[] = [
  // ── Points de RepèrESS ────────────────────────────────────────────────────────────────────────
  {
    ...pointsDeReperess,
    slug: 'points-de-reperess-9-spaser',
    numero: 9,
    titre: 'SPASER : schémas de promotion des achats publics socialement et écologiquement responsables',
    resume:
      'Ce 9ème Points de RepèrESS est dédié aux SPASER - schémas de promotion des achats publics socialement et écologiquement responsables. ' +
      'Il présente quelques conseils et bonnes pratiques à destination des collectivités souhaitant mettre en place cet outil structurant pour une commande publique responsable.',
    datePublication: DATE_INCONNUE,
    thematiques: [T.SPASER, T.COMMANDE_PUBLIQUE_RESPONSABLE],
  },
  {
    ...pointsDeReperess,
    slug: 'points-de-reperess-12-esus',
    numero: 12,
    titre: "L'agrément ESUS (Entreprise Solidaire d'Utilité Sociale)",
    resume:
      "Ce 12ème Points de RepèrESS présente tout ce qu'il faut savoir sur l'agrément ESUS, défini dans la loi sur l'ESS de 2014 : les intérêts pour les structures d'être agréées, " +
      "les conditions à remplir et comment les collectivités peuvent s'appuyer sur cet agrément, notamment pour développer une commande publique responsable.",
    datePublication: DATE_INCONNUE,
    thematiques: [T.ESUS, T.COMMANDE_PUBLIQUE_RESPONSABLE, T.FINANCE_SOLIDAIRE],
  },
  {
    ...pointsDeReperess,
    slug: 'points-de-reperess-sieg',
    titre: 'SIEG & collectivités',
    resume:
      "Synthèse en 4 pages du rôle des collectivités dans le développement des services d'intérêt économique général (SIEG), illustrée par les témoignages et retours d'expériences de collectivités locales.",
    // Cited by the article on the PlateformCoop webinar of 19 December 2023: online by then; exact date unknown.
    datePublication: DATE_INCONNUE,
    thematiques: [T.SIEG],
  },
  {
    ...pointsDeReperess,
    slug: 'points-de-reperess-scic',
    titre: 'SCIC & collectivités',
    resume:
      "Synthèse en 4 pages du rôle des collectivités dans le développement des sociétés coopératives d'intérêt collectif (SCIC), illustrée par les témoignages et retours d'expériences de collectivités locales.",
    // Cited by the article on the PlateformCoop webinar of 19 December 2023: online by then; exact date unknown.
    datePublication: DATE_INCONNUE,
    thematiques: [T.SCIC],
  },
  {
    ...pointsDeReperess,
    slug: 'points-de-reperess-ptce',
    titre: 'PTCE & collectivités',
    resume:
      'Points de RepèrESS sur le rôle des collectivités auprès des pôles territoriaux de coopération économique (PTCE), décliné en 2023 en Hauts-de-France et en Pays de la Loire.',
    // Declined regionally in 2023 (rapport d'activité 2023), so older than that; exact date unknown.
    datePublication: DATE_INCONNUE,
    thematiques: [T.PTCE, T.COOPERATION_TERRITORIALE],
  },
  {
    ...pointsDeReperess,
    slug: 'points-de-reperess-ptce-hauts-de-france',
    titre: 'PTCE & collectivités en Hauts-de-France',
    resume: 'Déclinaison en Hauts-de-France du Points de RepèrESS « PTCE & collectivités », réalisée en 2023.',
    // The rapport d'activité 2023 dates it to 2023; day unknown: 1 January 2023.
    datePublication: '2023-01-01',
    thematiques: [T.PTCE, T.COOPERATION_TERRITORIALE],
    region: 'HDF',
    club: true,
  },
  {
    ...pointsDeReperess,
    slug: 'points-de-reperess-ptce-pays-de-la-loire',
    titre: 'PTCE & collectivités en Pays de la Loire',
    resume: 'Déclinaison en Pays de la Loire du Points de RepèrESS « PTCE & collectivités », réalisée en 2023.',
    // The rapport d'activité 2023 dates it to 2023; day unknown: 1 January 2023.
    datePublication: '2023-01-01',
    thematiques: [T.PTCE, T.COOPERATION_TERRITORIALE],
    region: 'PDL',
    club: true,
  },

  // ── Guides RepèrESS ───────────────────────────────────────────────────────────────────────────
  {
    ...base,
    slug: 'reperess-9-filieres',
    type: TypePublication.GUIDE_REPERESS,
    collection: 'RepèrESS',
    numero: 9,
    titre: 'Filières & ESS - Le rôle des collectivités dans la structuration de filières locales avec et pour l’ESS',
    resume:
      "Guide à destination des collectivités souhaitant mettre en place et animer une stratégie de filière de territoire avec l'ESS, synthèse des travaux menés au sein du RTES de 2021 à 2023 " +
      'à la demande de collectivités du réseau. Chantier animé par deux vice-président.es du RTES, Florentin Letissier, adjoint à la Mairie de Paris, et Patricia Andriot, élue au PETR du Pays de Langres, ' +
      "avec l'appui de l'agence Les Petites Rivières : définition et typologies des filières, intérêt d'une stratégie de filières de territoire avec et pour l'ESS, leviers et grandes étapes pour les collectivités, fiches projets.",
    // Counted among the 2023 work by the rapport d'activité 2023; day unknown: 1 January 2023.
    datePublication: '2023-01-01',
    thematiques: [T.FILIERES, T.DEVELOPPEMENT_ECONOMIQUE, T.ECONOMIE_CIRCULAIRE],
    collectivitesCitees: ['COMMUNE:75056', 'PETR:pays-de-langres'],
  },
  {
    ...base,
    slug: 'reperess-economie-informelle',
    type: TypePublication.GUIDE_REPERESS,
    collection: 'RepèrESS',
    // The documents name the subject, not the title nor the number.
    titre: "RepèrESS : l'économie informelle",
    resume:
      "Guide de la collection RepèrESS sur l'économie informelle, réalisé en 2023 avec le guide sur la structuration de filières par et pour l'ESS.",
    // The rapport d'activité 2023 dates it to 2023; day unknown: 1 January 2023.
    datePublication: '2023-01-01',
    thematiques: [T.DEVELOPPEMENT_ECONOMIQUE],
  },

  // ── Kit RégionalESS (document 001: "les 19 premières fiches") ─────────────────────────────────────
  { ...kitRegionaless, slug: 'kit-regionaless-7-tourisme', numero: 7, titre: 'Tourisme et ESS', thematiques: [T.TOURISME] },
  {
    ...kitRegionaless,
    slug: 'kit-regionaless-11-commande-publique-responsable',
    numero: 11,
    titre: 'Commande publique responsable',
    thematiques: [T.COMMANDE_PUBLIQUE_RESPONSABLE],
  },
  {
    ...kitRegionaless,
    slug: 'kit-regionaless-16-mobilite-durable',
    numero: 16,
    titre: 'Mobilité durable & ESS',
    thematiques: [T.MOBILITE],
  },
  {
    ...kitRegionaless,
    slug: 'kit-regionaless-17-vie-associative',
    numero: 17,
    titre: 'Soutien à la vie associative',
    thematiques: [T.VIE_ASSOCIATIVE],
  },
  { ...kitRegionaless, slug: 'kit-regionaless-18-numerique', numero: 18, titre: 'Numérique & ESS', thematiques: [T.NUMERIQUE] },
  { ...kitRegionaless, slug: 'kit-regionaless-19-tiers-lieux', numero: 19, titre: 'Tiers-lieux & ESS', thematiques: [T.TIERS_LIEUX] },

  // ── Kit MunicipalESS ─────────────────────────────────────────────────────────────────────────
  {
    ...base,
    slug: 'kit-municipaless-economie-transition',
    type: TypePublication.FICHE_KIT_MUNICIPALESS,
    collection: 'Kit MunicipalESS',
    titre: 'Développer l’économie de la transition dans les territoires',
    resume:
      "Fiche du kit MunicipalESS du RTES (2021), que le Club des collectivités pour l'ESS en Auvergne-Rhône-Alpes recommande « pour aller plus loin ».",
    // Dated 2021 by the AURA club's page; day unknown: 1 January 2021.
    datePublication: '2021-01-01',
    thematiques: [T.POLITIQUES_PUBLIQUES_ESS, T.DEVELOPPEMENT_ECONOMIQUE],
  },

  // ── Rapport d'activité, étude ────────────────────────────────────────────────────────────────
  {
    ...base,
    slug: 'rapport-activite-rtes-2023',
    type: TypePublication.RAPPORT_ACTIVITE,
    collection: "Rapport d'activité",
    titre: "Rapport d'activité 2023 du RTES",
    resume:
      "En 2023, le RTES a (co)organisé plus d'une quarantaine de rencontres et webinaires, développé avec les CRESS les clubs régionaux des collectivités pour l'ESS et lancé 2 nouveaux clubs en Occitanie " +
      "et Provence-Alpes-Côte d'Azur/Corse, décliné le Points de RepèrESS « PTCE & collectivités » en Hauts-de-France et en Pays de la Loire, réalisé 2 guides RepèrESS (économie informelle, structuration de filières) " +
      'et une dizaine de fiches Déniché pour vous, participé au GSEF à Dakar et organisé un voyage apprenant « Europe & ESS » à Bruxelles.',
    // The report on 2023 is published after the year ends; day unknown: 1 January 2024.
    datePublication: '2024-01-01',
    thematiques: [T.POLITIQUES_PUBLIQUES_ESS, T.PTCE, T.EUROPE_INTERNATIONAL],
  },
  {
    ...base,
    slug: 'etude-inet-commande-publique-responsable',
    type: TypePublication.ETUDE,
    editeur: 'Intercommunalités de France',
    // The documents describe the study without giving its exact title.
    titre: 'La commande publique responsable dans les intercommunalités (étude INET)',
    resume:
      "Étude à portée opérationnelle de l'INET pour Intercommunalités de France, qui présente et analyse les démarches de commande publique responsable menées par plusieurs intercommunalités : " +
      "fiches pratiques par grandes thématiques, enrichies de nombreux retours d'expériences. Elle fait le pendant du guide juridique de l'association avec le cabinet Landot et associés.",
    datePublication: DATE_INCONNUE,
    thematiques: [T.COMMANDE_PUBLIQUE_RESPONSABLE],
  },

  // ── Ressources des webinaires nationaux du RTES ──────────────────────────────────────────────────
  // Articles and recordings go online after the webinar, on a day the documents do not give: the
  // webinar's own date is used.
  {
    ...base,
    slug: 'webinaire-sieg-2024-compte-rendu',
    type: TypePublication.COMPTE_RENDU,
    titre: "SIEG, quelles opportunités pour les collectivités et les acteurs de l'ESS ? Compte-rendu du webinaire",
    resume:
      "France urbaine et le RTES organisaient le 12 décembre 2024 un webinaire sur les services d'intérêt économique général (SIEG), qui a rassemblé une cinquantaine de participant.e.s : " +
      "éléments de cadrage des SIEG, et expériences de SIEG mis en place par l'Eurométropole de Strasbourg et par la Ville de Marseille en lien avec la Région Sud.",
    datePublication: '2024-12-12',
    thematiques: [T.SIEG],
    rencontre: 'rtes-2024-webinaire-sieg',
    collectivitesCitees: ['EPCI:246700488', 'COMMUNE:13055', 'REGION:93'],
  },
  {
    ...base,
    slug: 'webinaire-aap-2024-compte-rendu',
    type: TypePublication.COMPTE_RENDU,
    titre: "Les appels à projets, intérêts et limites pour les collectivités locales et les acteurs de l'ESS : compte-rendu complet",
    resume:
      'Compte-rendu complet des échanges de la conférence en ligne du 5 avril 2024 (80 participants), à partir des travaux de Charlotte Dudignac sur les appels à projets, ' +
      'introduite par Patricia Andriot, vice-présidente du RTES. Réservé aux collectivités adhérentes.',
    datePublication: '2024-04-05',
    acces: AccesPublication.ADHERENTS,
    thematiques: [T.APPELS_A_PROJETS],
    rencontre: 'rtes-2024-appels-a-projets',
  },
  {
    ...base,
    slug: 'webinaire-aap-2024-replay',
    type: TypePublication.REPLAY,
    titre: "Les appels à projets, intérêts et limites pour les collectivités locales et les acteurs de l'ESS : replay",
    resume: 'Enregistrement de la conférence en ligne du 5 avril 2024. Réservé aux collectivités adhérentes.',
    datePublication: '2024-04-05',
    acces: AccesPublication.ADHERENTS,
    thematiques: [T.APPELS_A_PROJETS],
    rencontre: 'rtes-2024-appels-a-projets',
  },
  {
    ...base,
    slug: 'webinaire-evaluation-impact-2023-compte-rendu',
    type: TypePublication.COMPTE_RENDU,
    titre: "Évaluation de l'impact social/utilité sociale, quel rôle des collectivités ? Compte-rendu détaillé",
    resume:
      "Compte-rendu détaillé des échanges du webinaire du 17 novembre 2023, organisé par le RTES dans le cadre de son chantier sur les pratiques de mesure d'impact accompagnées par des collectivités, " +
      "avec une soixantaine d'élu.e.s, de services de collectivités et d'acteurs de l'accompagnement. Réservé aux collectivités adhérentes.",
    datePublication: '2023-11-17',
    acces: AccesPublication.ADHERENTS,
    thematiques: [T.EVALUATION_IMPACT],
    rencontre: 'rtes-2023-evaluation-impact-social',
  },
  {
    ...base,
    slug: 'webinaire-evaluation-impact-2023-diaporamas',
    type: TypePublication.DIAPORAMA,
    titre: "Évaluation de l'impact social/utilité sociale, quel rôle des collectivités ? Diaporamas",
    resume: 'Les diaporamas présentés lors du webinaire du 17 novembre 2023.',
    datePublication: '2023-11-17',
    thematiques: [T.EVALUATION_IMPACT],
    rencontre: 'rtes-2023-evaluation-impact-social',
  },
  {
    ...base,
    slug: 'webinaire-evaluation-impact-2023-ressources',
    type: TypePublication.RESSOURCES,
    titre: "Évaluation de l'impact social/utilité sociale, quel rôle des collectivités ? Ressources diffusées",
    resume: 'Les ressources diffusées lors du webinaire du 17 novembre 2023.',
    datePublication: '2023-11-17',
    thematiques: [T.EVALUATION_IMPACT],
    rencontre: 'rtes-2023-evaluation-impact-social',
  },
  {
    ...base,
    slug: 'webinaire-evaluation-impact-2023-replay',
    type: TypePublication.REPLAY,
    titre: "Évaluation de l'impact social/utilité sociale, quel rôle des collectivités ? Replay",
    resume: 'Enregistrement du webinaire du 17 novembre 2023.',
    datePublication: '2023-11-17',
    thematiques: [T.EVALUATION_IMPACT],
    rencontre: 'rtes-2023-evaluation-impact-social',
  },
  {
    ...base,
    slug: 'webinaire-plateformcoop-2023-compte-rendu',
    type: TypePublication.COMPTE_RENDU,
    titre: 'Bilan du projet PlateformCoop : compte-rendu du webinaire',
    resume:
      "Le RTES organisait le 19 décembre 2023 un webinaire pour partager le bilan à fin 2023 du projet « PlateformCoop » piloté par l'APES : présentation du parcours par Christine Masse (APES), " +
      "témoignages de Mabrouk Zouareg, 3ème adjoint au Maire d'Hellemmes, et de Jean-Christophe Lipovac, 2ème adjoint au Maire de Lomme, et retour de Bérengère Batiot (SCIC CoopCircuits). " +
      "Le parcours implique la MEL, la Communauté d'agglomération Hénin-Carvin et les communes d'Hellemmes, de Lomme et de Libercourt.",
    datePublication: '2023-12-19',
    thematiques: [T.PLATEFORMES_COOPERATIVES, T.NUMERIQUE, T.SCIC],
    rencontre: 'hdf-2023-plateformcoop',
    collectivitesCitees: ['EPCI:200093201', 'EPCI:246200299', 'COMMUNE:59350', 'COMMUNE:62907'],
  },
  {
    ...base,
    slug: 'webinaire-plateformcoop-2023-replay',
    type: TypePublication.REPLAY,
    titre: 'Bilan du projet PlateformCoop : replay du webinaire',
    resume: "Enregistrement du webinaire d'1h30 du 19 décembre 2023 sur le bilan du projet PlateformCoop.",
    datePublication: '2023-12-19',
    thematiques: [T.PLATEFORMES_COOPERATIVES, T.NUMERIQUE],
    rencontre: 'hdf-2023-plateformcoop',
  },

  // ── Club des collectivités pour l'ESS en Auvergne-Rhône-Alpes ────────────────────────────────────
  // "A l'issue de chaque rencontre, des ressources thématiques et un annuaire des participants sont
  // diffusées à chacun" (document 000). The page does not tie them to one meeting, so no rencontre is
  // set. Its figures are of 2022; day unknown: 1 January 2022.
  {
    ...base,
    slug: 'club-aura-ressources-thematiques',
    type: TypePublication.RESSOURCES,
    editeur: 'CRESS Auvergne-Rhône-Alpes et RTES',
    titre: "Ressources thématiques du Club des collectivités pour l'ESS en Auvergne-Rhône-Alpes",
    resume: 'Ressources thématiques diffusées aux participants à l’issue de chaque rencontre du Club.',
    datePublication: '2022-01-01',
    acces: AccesPublication.ADHERENTS,
    thematiques: [T.POLITIQUES_PUBLIQUES_ESS],
    region: 'ARA',
    club: true,
  },
  {
    ...base,
    slug: 'club-aura-annuaire-participants',
    type: TypePublication.ANNUAIRE_PARTICIPANTS,
    editeur: 'CRESS Auvergne-Rhône-Alpes et RTES',
    titre: "Annuaire des participants du Club des collectivités pour l'ESS en Auvergne-Rhône-Alpes",
    resume: 'Annuaire des élus et agents participants, diffusé à chacun à l’issue de chaque rencontre du Club.',
    datePublication: '2022-01-01',
    acces: AccesPublication.ADHERENTS,
    thematiques: [],
    region: 'ARA',
    club: true,
  },
  {
    ...base,
    slug: 'aura-2018-journee-collectivites-article',
    type: TypePublication.COMPTE_RENDU,
    editeur: 'Le Cactus',
    titre: 'Journée de rencontres des collectivités locales autour de l’ESS',
    resume:
      "Article de Gwendoline Rovai sur les premières rencontres régionales des collectivités autour de l'ESS en Auvergne-Rhône-Alpes, co-organisées par la CRESS, le RTES et Clermont Auvergne Métropole " +
      "avec le soutien de Cap Rural : introduction de l'économiste Danièle Demoustier, SCIC dans lesquelles la métropole est impliquée (Biau Jardin, MassifIX, Socoop, Epicentre).",
    // "Publié le 25 juin", about "ce lundi": Monday 25 June 2018, the day of the journée.
    datePublication: '2018-06-25',
    thematiques: [T.SCIC, T.COOPERATION_TERRITORIALE],
    region: 'ARA',
    rencontre: 'aura-2018-journee-collectivites-ess',
    collectivitesCitees: ['EPCI:246300701'],
  },
];
