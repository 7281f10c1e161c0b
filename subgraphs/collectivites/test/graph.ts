import { postWith } from '@federess/auth/testing';
import type { Connection } from '@federess/server-kit/testing';

/**
 * The collectivites subgraph's types as its tests read them. `Data` is every root field (and alias)
 * they ask for: the default shape of an operation's data.
 */

export interface Region {
  readonly code: string;
  readonly nom: string;
}

export interface Collectivite {
  readonly id: string;
  readonly nom: string;
  readonly type: string;
  readonly population: number | null;
  readonly nature: string | null;
  readonly adherente: boolean;
  readonly region: Region | null;
  readonly departement: { readonly code: string; readonly nom: string } | null;
  readonly epci: Collectivite | null;
  readonly communesMembres: readonly Collectivite[];
}

export interface Data {
  readonly collectivites: Connection<Collectivite>;
  readonly collectivite: Collectivite;
  readonly regions: readonly Region[];
  readonly marquerAdherente: Collectivite;
  readonly _entities: readonly unknown[];
  readonly _service: { readonly sdl: string };
  /** Aliases of the tests. */
  readonly all: Connection<Collectivite>;
  readonly communes: Connection<Collectivite>;
  readonly epci: Connection<Collectivite>;
  readonly departements: Connection<Collectivite>;
  readonly ara: Connection<Collectivite>;
  readonly rennes: Collectivite | null;
  readonly schema: { readonly sdl: string };
}

/** The shared `post`, with `Data` as the default shape of the answers. */
export const post = postWith<Data>();
