import type { Thematique } from '@federess/vocabulaire';
import type { FormatRencontre, PublicCible, QualiteInscrit, TypeRencontre } from '../entities/enums';

/** A session as the documents announce it: a Paris date and wall-clock times. */
export interface SeedSession {
  readonly jour: string; // YYYY-MM-DD
  readonly de: string; // HH:MM, Europe/Paris
  readonly a: string;
  readonly lieu?: { readonly nom: string; readonly adresse?: string; readonly communeId?: string };
  readonly lienEnLigne?: string;
}

export interface SeedIntervenant {
  readonly nom: string;
  readonly role?: string;
  readonly organisation?: string;
  readonly collectiviteId?: string;
}

/** A seeded rencontre; its id is stableUuid(`rencontre:${slug}`). */
export interface SeedRencontre {
  readonly slug: string;
  readonly titre: string;
  readonly resume?: string;
  readonly description?: string;
  readonly type: TypeRencontre;
  readonly thematiques: readonly Thematique[];
  readonly format: FormatRencontre;
  readonly sessions: readonly SeedSession[];
  readonly public: readonly PublicCible[];
  readonly intervenants?: readonly SeedIntervenant[];
  readonly organisateurs: readonly string[];
  readonly partenaires?: readonly string[];
  /** null: a national RTES rencontre, in no région and no club. */
  readonly regionCode: string | null;
  readonly capacite?: number;
  /** Days before the start when registrations close. */
  readonly inscriptionsCloseJoursAvant?: number;
  readonly nombreParticipants?: number;
}

export interface SeedInscription {
  readonly rencontre: string; // slug
  readonly prenom: string;
  readonly nom: string;
  readonly email: string;
  readonly qualite: QualiteInscrit;
  readonly fonction?: string;
  readonly collectiviteId?: string;
}
