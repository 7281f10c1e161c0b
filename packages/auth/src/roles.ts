/** The three kinds of token holders; anyone without a token is anonymous (public data only). */
export enum Role {
  /** National admin (RTES): everything. */
  ADMIN = 'ADMIN',
  /** Regional editor (a CRESS): writes the clubs, rencontres and publications of its régions. */
  EDITEUR = 'EDITEUR',
  /** A user of a member collectivité: members-only resources, registering its own people. */
  ADHERENT = 'ADHERENT',
}

export const ROLES: readonly Role[] = [Role.ADMIN, Role.EDITEUR, Role.ADHERENT];

/** Who writes clubs, rencontres and publications at all; which région each may write is checked on the data. */
export const EDITOR_ROLES: readonly Role[] = [Role.ADMIN, Role.EDITEUR];

/** How a collectivité is named across the hub (the collectivites subgraph's ids). */
export const COLLECTIVITE_ID = /^(COMMUNE|EPCI|DEPARTEMENT|REGION|PETR):[A-Za-z0-9-]{1,60}$/;
