/**
 * What the feeds and pages read of a rencontre, through the gateway (one fragment for all of them,
 * so that a calendar, a feed and a page never disagree). The private parts — the online link and
 * the registrations — are asked only for a private feed (`$prive`), and the subgraph still gives
 * them only to a reader entitled to them.
 */
export const RENCONTRE_FRAGMENT = `fragment RencontreDuFlux on Rencontre {
  id titre resume description type thematiques format statut revision
  debut fin debutPrecedent motifAnnulation creeLe modifieLe organisateurs partenaires
  capacite placesRestantes
  region { code nom }
  club { id nom siteWeb contacts { email } }
  intervenants { nom role organisation collectivite { nom } }
  sessions {
    ordre debut fin
    lieu { nom adresse commune { nom } }
    lienEnLigne @include(if: $prive)
  }
  inscriptions @include(if: $prive) { statut qualite personne { prenom nom } }
}`;

export type Statut = 'PROGRAMMEE' | 'REPORTEE' | 'DEPLACEE_EN_LIGNE' | 'COMPLETE' | 'ANNULEE' | 'PASSEE';
export type Format = 'PRESENTIEL' | 'DISTANCIEL' | 'HYBRIDE';

export interface SessionDuFlux {
  readonly ordre: number;
  readonly debut: string;
  readonly fin: string;
  readonly lieu: { readonly nom: string; readonly adresse: string | null; readonly commune: { readonly nom: string } | null } | null;
  /** Present in private feeds only, and null unless the reader may see it. */
  readonly lienEnLigne?: string | null;
}

export interface RencontreDuFlux {
  readonly id: string;
  readonly titre: string;
  readonly resume: string | null;
  readonly description: string | null;
  readonly type: string;
  readonly thematiques: readonly string[];
  readonly format: Format;
  readonly statut: Statut;
  readonly revision: number;
  readonly debut: string;
  readonly fin: string;
  readonly debutPrecedent: string | null;
  readonly motifAnnulation: string | null;
  readonly creeLe: string;
  readonly modifieLe: string;
  readonly organisateurs: readonly string[];
  readonly partenaires: readonly string[];
  readonly capacite: number | null;
  readonly placesRestantes: number | null;
  readonly region: { readonly code: string; readonly nom: string } | null;
  readonly club: {
    readonly id: string;
    readonly nom: string;
    readonly siteWeb: string | null;
    readonly contacts: readonly { readonly email: string | null }[];
  } | null;
  readonly intervenants: readonly {
    readonly nom: string;
    readonly role: string | null;
    readonly organisation: string | null;
    readonly collectivite: { readonly nom: string } | null;
  }[];
  readonly sessions: readonly SessionDuFlux[];
  /** Private feeds only: the registrations this reader may see. */
  readonly inscriptions?: readonly {
    readonly statut: string;
    readonly qualite: string;
    readonly personne: { readonly prenom: string; readonly nom: string };
  }[];
}

/** Where a rencontre's page is: its URL, its link in every feed, and the base of its calendar UIDs. */
export const rencontrePath = (id: string): string => `/rencontres/${id}`;
