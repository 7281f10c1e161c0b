import { postWith } from '@federess/auth/testing';
import type { Connection } from '@federess/server-kit/testing';

/**
 * The publications subgraph's types as its tests read them. `Data` is every root field they ask
 * for: the default shape of an operation's data; an operation with aliases names its own shape.
 */

export interface Publication {
  readonly id: string;
  readonly titre: string;
  readonly type: string;
  readonly collection: string | null;
  readonly numero: number | null;
  readonly datePublication: string;
  readonly editeur: string;
  readonly thematiques: readonly string[];
  readonly acces: string;
  readonly fichier: string | null;
  readonly lien: string | null;
  readonly region: Entity | null;
  readonly club: Entity | null;
  readonly rencontre: Entity | null;
  readonly collectivitesCitees: readonly { readonly id: string }[];
  readonly misAJourLe: string;
  readonly revision: number;
}

/**
 * An entity as `_entities` answers it: a Club, Region or Rencontre key with what this subgraph adds
 * to it (`publications`, `ressources`), or a Publication.
 */
export interface Entity {
  readonly id: string;
  readonly code: string;
  readonly publications: Connection<Publication>;
  readonly ressources: readonly Publication[];
  readonly fichier: string | null;
  readonly lien: string | null;
}

/** A change of a publication, as the delta sync gives it. */
export interface EvenementPublication {
  readonly id: string;
  readonly type: string;
  readonly revision: number;
  readonly publicationId: string;
  readonly publication: Publication | null;
}

/** A page of the delta sync: `edges` carry their cursor, not a Connection's total. */
export interface EvenementPublicationConnection {
  readonly edges: readonly { readonly cursor: string; readonly node: EvenementPublication }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly dernierEvenement: { readonly id: string } | null;
}

export interface Data {
  readonly publications: Connection<Publication>;
  readonly publication: Publication;
  readonly creerPublication: Publication;
  readonly modifierPublication: Publication;
  readonly evenementsPublications: EvenementPublicationConnection;
  readonly dernierChangementPublications: { readonly id: string; readonly survenuA: string } | null;
  readonly _entities: readonly Entity[];
}

/** The shared `post`, with `Data` as the default shape of the answers. */
export const post = postWith<Data>();
