import { Thematique } from '@federess/vocabulaire';

export interface ContactSeed {
  readonly nom: string;
  readonly role: string | null;
  readonly email: string | null;
  readonly telephone: string | null;
  /** Slug of the person's organisation (see organisations.ts). */
  readonly organisation: string | null;
}

export interface ClubSeed {
  readonly regionCode: string;
  readonly nom: string;
  readonly description: string;
  readonly frequence: string | null;
  readonly modalitesParticipation: string | null;
  readonly chiffresParticipation: string | null;
  readonly nombreParticipants: number | null;
  readonly nombreCollectivites: number | null;
  readonly anneeChiffres: number | null;
  readonly anneeLancement: number | null;
  readonly exemplesThemes: readonly string[];
  readonly thematiques: readonly Thematique[];
  readonly animateurs: readonly string[];
  readonly partenaires: readonly string[];
  readonly contacts: readonly ContactSeed[];
  readonly collectivites: readonly string[];
}

const base = {
  frequence: null,
  modalitesParticipation: null,
  chiffresParticipation: null,
  nombreParticipants: null,
  nombreCollectivites: null,
  anneeChiffres: null,
  anneeLancement: null,
  exemplesThemes: [],
  thematiques: [],
  partenaires: [],
  contacts: [],
  collectivites: [],
} as const;

/**
 * The regional clubs as the seed documents (../shared/seeds) describe them. Only what the documents
 * say is written; what they do not say (web sites, launch years of older clubs, …) stays null.
 */
export const CLUBS: readonly ClubSeed[] = [
  {
    // 000: the club's page on the CRESS AURA site.
    ...base,
    regionCode: 'ARA',
    nom: "Club des collectivités pour l'ESS en Auvergne-Rhône-Alpes",
    description:
      "Un espace privilégié de partage d'expérience et d'échanges entre les élus et agents des collectivités. Chaque trimestre, une rencontre est organisée par la CRESS, le RTES en partenariat avec le CNFPT (e-communautés) autour d'un enjeu de l'ESS. L'objectif : échanger, mutualiser les bonnes pratiques, s'inspirer des apports d'experts et s'appuyer sur les structures de l'ESS, afin de permettre aux collectivités de trouver des solutions à leurs problématiques.",
    frequence:
      "Chaque trimestre, une rencontre thématique en présentiel ou en distanciel, avec des témoignages de collectivités et d'acteurs de l'ESS implantés en région, en France et en Europe.",
    modalitesParticipation:
      "La participation est libre et ouverte à chaque élu ou agent d'une collectivité de la région intéressé par l'économie sociale et solidaire. À l'issue de chaque rencontre, des ressources thématiques et un annuaire des participants sont diffusés à chacun.",
    chiffresParticipation:
      "Près de 120 élus et agents locaux participants issus de 80 collectivités territoriales (communes, communautés de communes, d'agglomération, métropoles, départements…)",
    nombreParticipants: 120,
    nombreCollectivites: 80,
    anneeChiffres: 2022,
    exemplesThemes: [
      "Pourquoi et comment soutenir l'ESS sur mon territoire ?",
      "Comment intégrer l'économie circulaire dans les politiques publiques, en s'appuyant sur les acteurs de l'ESS ?",
      "Dynamiser les centres villes et centres bourg avec l'ESS",
      "La commande publique responsable & l'ESS",
    ],
    thematiques: [
      Thematique.POLITIQUES_PUBLIQUES_ESS,
      Thematique.ECONOMIE_CIRCULAIRE,
      Thematique.REVITALISATION_CENTRES_BOURGS,
      Thematique.COMMANDE_PUBLIQUE_RESPONSABLE,
    ],
    animateurs: ['cress-ara', 'rtes'],
    partenaires: ['cnfpt'],
    contacts: [
      {
        nom: 'Lorène Pastiau',
        role: "Chargée de mission Observatoire régional de l'ESS",
        email: 'lpastiau@cress-aura.org',
        telephone: '04 78 09 11 97',
        organisation: 'cress-ara',
      },
    ],
    // 004: Clermont Auvergne Métropole co-organised the first regional day with the CRESS and the RTES.
    collectivites: ['EPCI:246300701'],
  },
  {
    // 003: the 2024 webinar cycle of the CRESS Bretagne, the RTES and the CNFPT Bretagne.
    ...base,
    regionCode: 'BRE',
    nom: "Club des collectivités pour l'ESS en Bretagne",
    description:
      "La Chambre Régionale de l'ESS (CRESS) Bretagne, le Réseau des Collectivités Territoriales pour une Économie Solidaire (RTES) et le Centre National de la Fonction Publique Territoriale (CNFPT) Bretagne s'associent pour proposer aux collectivités un cycle de webinaires : à partir de témoignages ou d'initiatives inspirantes, repérer les rôles des collectivités et les outils pour favoriser le développement des initiatives locales et des coopérations sur le territoire.",
    frequence: 'En 2024, un cycle de 5 webinaires de 9h30 à 11h30.',
    modalitesParticipation:
      'Webinaires à destination des agent·e·s de collectivités ; le webinaire n°1 est aussi ouvert aux élu·e·s et aux député·e·s breton·ne·s.',
    exemplesThemes: [
      "10 ans après la loi ESS, comprendre ses fondements et l'organisation en Bretagne",
      "Soutenir le développement économique et solidaire des territoires en favorisant les coopérations locales avec les structures de l'ESS",
      "Dynamiques territoriales agricoles et alimentaires : acteurs et ressources d'économie sociale et solidaire",
    ],
    thematiques: [
      Thematique.POLITIQUES_PUBLIQUES_ESS,
      Thematique.COOPERATION_TERRITORIALE,
      Thematique.DEVELOPPEMENT_ECONOMIQUE,
      Thematique.ALIMENTATION,
    ],
    animateurs: ['cress-bre', 'rtes'],
    partenaires: ['cnfpt-bretagne'],
    contacts: [
      {
        nom: 'Floriane Désille',
        role: 'Chargée de mission Sensibilisation Acteurs publics et ESS',
        email: 'fdesille@cress-bretagne.org',
        telephone: null,
        organisation: 'cress-bre',
      },
    ],
  },
  {
    // 002: the CRESS Nouvelle-Aquitaine's page for collectivités.
    ...base,
    regionCode: 'NAQ',
    nom: "Club des collectivités pour l'ESS en Nouvelle-Aquitaine",
    description:
      "La CRESS Nouvelle-Aquitaine accompagne les collectivités pour inscrire l'économie sociale et solidaire au cœur des politiques publiques communales et intercommunales : ce qu'est l'ESS pour les collectivités, pourquoi la soutenir, et les leviers à actionner (élu·e désigné·e à l'ESS, appui sur les réseaux, commande publique responsable et SPASER, diagnostic territorial partagé, événements de sensibilisation).",
    thematiques: [Thematique.POLITIQUES_PUBLIQUES_ESS, Thematique.COMMANDE_PUBLIQUE_RESPONSABLE, Thematique.SPASER],
    animateurs: ['cress-naq'],
    contacts: [{ nom: 'CRESS Nouvelle-Aquitaine', role: null, email: 'contact@cress-na.org', telephone: null, organisation: 'cress-naq' }],
  },
  {
    // 003: the RTES activity report 2023 — two new clubs launched with the CRESS in 2023.
    ...base,
    regionCode: 'OCC',
    nom: "Club des collectivités pour l'ESS en Occitanie",
    description: "Club régional des collectivités pour l'ESS lancé en 2023 par le RTES en lien avec la CRESS Occitanie.",
    anneeLancement: 2023,
    animateurs: ['cress-occ', 'rtes'],
  },
  {
    ...base,
    regionCode: 'PAC',
    nom: "Club des collectivités pour l'ESS en Provence-Alpes-Côte d'Azur/Corse",
    description:
      "Club régional des collectivités pour l'ESS de Provence-Alpes-Côte d'Azur et de Corse, lancé en 2023 par le RTES en lien avec les CRESS.",
    anneeLancement: 2023,
    animateurs: ['cress-pac', 'rtes'],
  },
  {
    // 003: the RTES activity report 2023 (PTCE déclinaison) and the PlateformCoop webinar.
    ...base,
    regionCode: 'HDF',
    nom: "Club des collectivités pour l'ESS en Hauts-de-France",
    description:
      "Club régional des collectivités pour l'ESS développé par le RTES en lien avec la CRESS Hauts-de-France. En 2023, le Points de RepèrESS « PTCE & collectivités » a été décliné en Hauts-de-France. Y sont rattachées les collectivités du parcours PlateformCoop animé par l'Apes, que le RTES a suivi : la MEL, la Communauté d'agglomération Hénin-Carvin, les communes d'Hellemmes et de Lomme (Lille) et de Libercourt.",
    thematiques: [Thematique.PTCE, Thematique.PLATEFORMES_COOPERATIVES],
    animateurs: ['cress-hdf', 'rtes'],
    collectivites: ['EPCI:200093201', 'EPCI:246200299', 'COMMUNE:59350', 'COMMUNE:62907'],
  },
  {
    ...base,
    regionCode: 'PDL',
    nom: "Club des collectivités pour l'ESS en Pays de la Loire",
    description:
      "Club régional des collectivités pour l'ESS développé par le RTES en lien avec la CRESS Pays de la Loire. En 2023, le Points de RepèrESS « PTCE & collectivités » a été décliné en Pays de la Loire.",
    thematiques: [Thematique.PTCE],
    animateurs: ['cress-pdl', 'rtes'],
  },
];
