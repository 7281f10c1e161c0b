import { Thematique } from '@federess/vocabulaire';
import { FormatRencontre, PublicCible, QualiteInscrit, TypeRencontre } from '../entities/enums';
import type { SeedInscription, SeedRencontre } from './model';

/*
 * SAMPLE QUARTERLY AGENDA — these dates are the clubs' sample quarterly agenda, NOT taken from the documents.
 *
 * What the documents do say: the AURA club meets every quarter ("Chaque trimestre, une rencontre
 * thématique est proposée en présentiel ou en distanciel") on themes such as the four below; new
 * clubs started in 2023 in Occitanie and Provence-Alpes-Côte d'Azur/Corse, and clubs exist in
 * Nouvelle-Aquitaine and Pays de la Loire. The dates, places, capacities and links below are a
 * plausible programme built on that, so the hub shows upcoming rencontres in several régions.
 * Online links are example.org placeholders.
 */

interface Theme {
  readonly cle: string;
  readonly titre: string;
  readonly thematiques: readonly Thematique[];
}

/** The themes the AURA club page lists as examples of its quarterly meetings. */
const THEMES: readonly Theme[] = [
  {
    cle: 'soutenir-ess',
    titre: "Pourquoi et comment soutenir l'ESS sur mon territoire ?",
    thematiques: [Thematique.POLITIQUES_PUBLIQUES_ESS, Thematique.DEVELOPPEMENT_ECONOMIQUE],
  },
  {
    cle: 'economie-circulaire',
    titre: "Comment intégrer l'économie circulaire dans les politiques publiques, en s'appuyant sur les acteurs de l'ESS ?",
    thematiques: [Thematique.ECONOMIE_CIRCULAIRE],
  },
  {
    cle: 'centres-bourgs',
    titre: "Dynamiser les centres villes et centres bourgs avec l'ESS",
    thematiques: [Thematique.REVITALISATION_CENTRES_BOURGS],
  },
  {
    cle: 'commande-publique',
    titre: "La commande publique responsable & l'ESS",
    thematiques: [Thematique.COMMANDE_PUBLIQUE_RESPONSABLE, Thematique.SPASER],
  },
];

interface ClubAgenda {
  readonly region: string;
  readonly nomRegion: string;
  readonly cress: string;
  readonly partenaires: readonly string[];
  readonly ville: { readonly nom: string; readonly communeId: string };
  /** One date per quarter, Dec 2026 to autumn 2027. */
  readonly dates: readonly [string, string, string, string];
}

const CLUBS: readonly ClubAgenda[] = [
  {
    // The documents hold Bretagne's past meetings only: its sample quarters show a regional site's upcoming agenda.
    region: 'BRE',
    nomRegion: 'Bretagne',
    cress: 'CRESS Bretagne',
    partenaires: [],
    ville: { nom: 'Rennes', communeId: 'COMMUNE:35238' },
    dates: ['2026-12-14', '2027-03-15', '2027-06-14', '2027-09-27'],
  },
  {
    region: 'ARA',
    nomRegion: 'Auvergne-Rhône-Alpes',
    cress: 'CRESS Auvergne-Rhône-Alpes',
    partenaires: ['CNFPT (communautés e-thématiques)'],
    ville: { nom: 'Lyon', communeId: 'COMMUNE:69123' },
    dates: ['2026-12-08', '2027-03-09', '2027-06-08', '2027-09-21'],
  },
  {
    region: 'NAQ',
    nomRegion: 'Nouvelle-Aquitaine',
    cress: 'CRESS Nouvelle-Aquitaine',
    partenaires: [],
    ville: { nom: 'Bordeaux', communeId: 'COMMUNE:33063' },
    dates: ['2026-12-10', '2027-03-11', '2027-06-10', '2027-09-23'],
  },
  {
    region: 'OCC',
    nomRegion: 'Occitanie',
    cress: 'CRESS Occitanie',
    partenaires: [],
    ville: { nom: 'Toulouse', communeId: 'COMMUNE:31555' },
    dates: ['2026-12-15', '2027-03-16', '2027-06-15', '2027-09-28'],
  },
  {
    region: 'PAC',
    nomRegion: "Provence-Alpes-Côte d'Azur et Corse",
    cress: "CRESS Provence-Alpes-Côte d'Azur",
    partenaires: [],
    ville: { nom: 'Marseille', communeId: 'COMMUNE:13055' },
    dates: ['2026-12-17', '2027-03-18', '2027-06-17', '2027-09-30'],
  },
  {
    region: 'PDL',
    nomRegion: 'Pays de la Loire',
    cress: 'CRESS Pays de la Loire',
    partenaires: [],
    ville: { nom: 'Nantes', communeId: 'COMMUNE:44109' },
    dates: ['2026-12-11', '2027-03-23', '2027-06-22', '2027-10-05'],
  },
];

export const agendaSlug = (region: string, trimestre: number): string => `club-${region.toLowerCase()}-agenda-t${trimestre + 1}`;

/** Each club takes the four themes in turn, starting at a different one; odd quarters meet online. */
export const AGENDA_CLUBS: readonly SeedRencontre[] = CLUBS.flatMap((club, c) =>
  club.dates.map((jour, t): SeedRencontre => {
    const theme = THEMES[(c + t) % THEMES.length]!;
    const presentiel = t % 2 === 0;
    const slug = agendaSlug(club.region, t);
    return {
      slug,
      titre: theme.titre,
      resume:
        `Rencontre trimestrielle du Club des collectivités pour l'ESS en ${club.nomRegion} : témoignages de collectivités et d'acteurs ` +
        "de l'ESS, échanges entre élus et agents. Ressources et annuaire des participants diffusés à l'issue de la rencontre.",
      type: TypeRencontre.RENCONTRE_CLUB,
      thematiques: theme.thematiques,
      format: presentiel ? FormatRencontre.PRESENTIEL : FormatRencontre.DISTANCIEL,
      sessions: [
        presentiel
          ? { jour, de: '09:30', a: '12:30', lieu: { nom: club.ville.nom, communeId: club.ville.communeId } }
          : { jour, de: '10:00', a: '11:30', lienEnLigne: `https://example.org/visio/${slug}` },
      ],
      public: [PublicCible.ELUS, PublicCible.AGENTS],
      organisateurs: [club.cress, 'RTES'],
      partenaires: club.partenaires,
      regionCode: club.region,
      capacite: presentiel ? 40 : undefined,
      inscriptionsCloseJoursAvant: presentiel ? 7 : undefined,
    };
  }),
);

/** Fictional registrations to the sample agenda only (example.org addresses), from real collectivités. */
export const INSCRIPTIONS_EXEMPLE: readonly SeedInscription[] = [
  {
    rencontre: agendaSlug('ARA', 0),
    prenom: 'Claire',
    nom: 'Exemple',
    email: 'claire.exemple@example.org',
    qualite: QualiteInscrit.ELU,
    fonction: "Adjointe au maire chargée de l'ESS",
    collectiviteId: 'COMMUNE:69123',
  },
  {
    rencontre: agendaSlug('ARA', 0),
    prenom: 'Julien',
    nom: 'Exemple',
    email: 'julien.exemple@example.org',
    qualite: QualiteInscrit.AGENT,
    fonction: 'Chargé de mission ESS',
    collectiviteId: 'EPCI:246300701',
  },
  {
    rencontre: agendaSlug('ARA', 0),
    prenom: 'Sophie',
    nom: 'Exemple',
    email: 'sophie.exemple@example.org',
    qualite: QualiteInscrit.AGENT,
    fonction: 'Développement économique',
    collectiviteId: 'COMMUNE:63113',
  },
  {
    rencontre: agendaSlug('ARA', 1),
    prenom: 'Claire',
    nom: 'Exemple',
    email: 'claire.exemple@example.org',
    qualite: QualiteInscrit.ELU,
    fonction: "Adjointe au maire chargée de l'ESS",
    collectiviteId: 'COMMUNE:69123',
  },
  {
    rencontre: agendaSlug('NAQ', 0),
    prenom: 'Marc',
    nom: 'Exemple',
    email: 'marc.exemple@example.org',
    qualite: QualiteInscrit.AGENT,
    fonction: 'Responsable achats responsables',
    collectiviteId: 'EPCI:243300316',
  },
  {
    rencontre: agendaSlug('OCC', 0),
    prenom: 'Léa',
    nom: 'Exemple',
    email: 'lea.exemple@example.org',
    qualite: QualiteInscrit.ELU,
    fonction: "Conseillère municipale déléguée à l'ESS",
    collectiviteId: 'COMMUNE:31555',
  },
  {
    rencontre: agendaSlug('PAC', 0),
    prenom: 'Karim',
    nom: 'Exemple',
    email: 'karim.exemple@example.org',
    qualite: QualiteInscrit.AGENT,
    fonction: 'Chargé de mission ESS',
    collectiviteId: 'COMMUNE:13055',
  },
  {
    rencontre: agendaSlug('PDL', 0),
    prenom: 'Anne',
    nom: 'Exemple',
    email: 'anne.exemple@example.org',
    qualite: QualiteInscrit.ACTEUR_ESS,
    fonction: "Chargée d'accompagnement",
  },
];
