/**
 * The clubs subgraph's types as its tests read them: each operation's data is typed with the part
 * of these it selects (`post<{ club: Club }>(…)`), so a test reads fields the compiler knows.
 */

export interface Region {
  readonly code: string;
  readonly club: Club | null;
}

export interface Organisation {
  readonly id: string;
  readonly nom: string;
  readonly sigle: string | null;
  readonly type: string;
  readonly region: Region | null;
}

export interface Contact {
  readonly nom: string;
  readonly role: string | null;
  readonly email: string | null;
  readonly telephone: string | null;
  readonly organisation: Organisation | null;
}

export interface CollectiviteMembre {
  readonly id: string;
  readonly clubs: readonly Club[];
}

export interface Club {
  readonly id: string;
  readonly nom: string;
  readonly description: string | null;
  readonly frequence: string | null;
  readonly chiffresParticipation: string | null;
  readonly nombreParticipants: number | null;
  readonly anneeLancement: number | null;
  readonly siteWeb: string | null;
  readonly exemplesThemes: readonly string[];
  readonly thematiques: readonly string[];
  readonly misAJourLe: string;
  readonly region: Region;
  readonly animateurs: readonly Organisation[];
  readonly partenaires: readonly Organisation[];
  readonly contacts: readonly Contact[];
  readonly collectivitesMembres: readonly CollectiviteMembre[];
}
