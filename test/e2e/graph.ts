import type { Connection } from '@federess/server-kit/testing';

/**
 * The national graph's types as the end-to-end tests read them through the gateway. `Data` is every
 * root field (and alias) they ask for: the default shape of an operation's data.
 */

export interface Region {
  readonly code: string;
  readonly nom: string;
  readonly club: Club | null;
  readonly publications: Connection<Publication>;
}

export interface Club {
  readonly id: string;
  readonly nom: string;
  readonly region: Region;
  readonly rencontres: Connection<Rencontre>;
}

export interface Collectivite {
  readonly id: string;
  readonly nom: string;
  readonly type: string;
  readonly adherente: boolean;
  readonly region: Region | null;
}

export interface Publication {
  readonly id: string;
  readonly titre: string;
  readonly fichier: string | null;
  readonly lien: string | null;
  readonly rencontre: Rencontre | null;
}

export interface Inscription {
  readonly id: string;
  readonly email: string;
  readonly collectivite: { readonly id: string } | null;
}

export interface Rencontre {
  readonly id: string;
  readonly titre: string;
  readonly statut: string;
  readonly debut: string;
  readonly region: Region | null;
  readonly club: Club | null;
  readonly ressources: readonly Publication[];
  readonly inscriptions: readonly Inscription[];
  readonly sessions: readonly { readonly lienEnLigne: string | null }[];
}

export interface Data {
  readonly rencontres: Connection<Rencontre>;
  readonly rencontre: Rencontre;
  readonly creerRencontre: Rencontre;
  readonly modifierRencontre: Rencontre;
  readonly annulerRencontre: Rencontre;
  readonly inscrire: Inscription;
  readonly clubs: readonly Club[];
  readonly club: Club;
  readonly region: Region;
  readonly regions: readonly Region[];
  readonly collectivites: Connection<Collectivite>;
  readonly collectivite: Collectivite;
  readonly publications: Connection<Publication>;
  readonly publication: Publication;
  readonly creerPublication: Publication;
  readonly marquerAdherente: Collectivite;
  /** Aliases of the tests. */
  readonly all: Connection<Collectivite>;
  readonly found: Connection<Collectivite>;
}
