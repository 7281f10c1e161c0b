import type { Connection } from '@federess/server-kit/testing';

/**
 * The rencontres subgraph's types as its tests read them. `Data` is every root field they ask for:
 * the default shape of an operation's data (`dataOf(await t.gql(…)).rencontres`); an operation
 * with aliases names its own shape.
 */

export interface Region {
  readonly code: string;
}

export interface Collectivite {
  readonly id: string;
  readonly participations: Connection<Rencontre>;
}

export interface Club {
  readonly id: string;
  readonly rencontres: Connection<Rencontre>;
  readonly prochaineRencontre: Rencontre | null;
}

export interface Lieu {
  readonly nom: string;
  readonly adresse: string | null;
  readonly commune: { readonly id: string } | null;
}

export interface Session {
  readonly ordre: number;
  readonly debut: string;
  readonly fin: string;
  readonly debutLocal: string;
  readonly lieu: Lieu | null;
  readonly lienEnLigne: string | null;
}

export interface Intervenant {
  readonly nom: string;
  readonly role: string | null;
  readonly organisation: string | null;
  readonly collectivite: { readonly id: string } | null;
}

export interface Inscription {
  readonly id: string;
  readonly statut: string;
  readonly email: string;
  readonly qualite: string;
  readonly personne: { readonly prenom: string; readonly nom: string };
  readonly annuleeLe: string | null;
  readonly collectivite: { readonly id: string } | null;
  readonly rencontre: Rencontre;
}

export interface Rencontre {
  readonly id: string;
  readonly titre: string;
  readonly resume: string | null;
  readonly type: string;
  readonly format: string;
  readonly statut: string;
  readonly thematiques: readonly string[];
  readonly debut: string;
  readonly fin: string;
  readonly debutLocal: string;
  readonly finLocal: string;
  readonly fuseauHoraire: string;
  readonly organisateurs: readonly string[];
  readonly partenaires: readonly string[];
  readonly debutPrecedent: string | null;
  readonly revision: number;
  readonly capacite: number | null;
  readonly nombreInscrits: number;
  readonly placesRestantes: number | null;
  readonly annuairePartage: boolean;
  readonly region: Region | null;
  readonly club: { readonly id: string } | null;
  readonly sessions: readonly Session[];
  readonly intervenants: readonly Intervenant[];
  readonly inscriptions: readonly Inscription[];
}

export interface EvenementRencontre {
  readonly id: string;
  readonly type: string;
  readonly revision: number;
  readonly rencontreId: string;
  readonly rencontre: Rencontre | null;
}

/** Every root field the tests ask for, as they read it. */
export interface Data {
  readonly rencontres: Connection<Rencontre>;
  readonly rencontre: Rencontre;
  readonly creerRencontre: Rencontre;
  readonly modifierRencontre: Rencontre;
  readonly annulerRencontre: Rencontre;
  readonly inscrire: Inscription;
  readonly desinscrire: Inscription;
  readonly rencontresEnDirect: EvenementRencontre;
  readonly _entities: readonly (Rencontre & Club & Collectivite)[];
  readonly _service: { readonly sdl: string };
  readonly jetonsAgenda: readonly JetonAgenda[];
  readonly creerJetonAgenda: JetonAgendaCree;
  readonly revoquerJetonAgenda: JetonAgenda;
}

export interface JetonAgenda {
  readonly id: string;
  readonly libelle: string | null;
  readonly creeLe: string;
  readonly revoqueLe: string | null;
}

export interface JetonAgendaCree {
  readonly jeton: string;
  readonly chemin: string;
  readonly jetonAgenda: JetonAgenda;
}
