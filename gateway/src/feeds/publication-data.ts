/** What the feeds and pages read of a publication, through the gateway, as an anonymous reader. */
export const PUBLICATION_FIELDS = `id titre resume type collection numero datePublication editeur thematiques acces fichier lien misAJourLe
  region { code nom } club { nom } rencontre { id titre }`;

export interface PublicationDuFlux {
  readonly id: string;
  readonly titre: string;
  readonly resume: string | null;
  readonly type: string;
  readonly collection: string | null;
  readonly numero: number | null;
  /** A calendar date, YYYY-MM-DD. */
  readonly datePublication: string;
  readonly editeur: string;
  readonly thematiques: readonly string[];
  readonly acces: 'PUBLIC' | 'ADHERENTS';
  /** Null for a members-only publication: the graph gives its file to members only. */
  readonly fichier: string | null;
  readonly lien: string | null;
  readonly misAJourLe: string;
  readonly region: { readonly code: string; readonly nom: string } | null;
  readonly club: { readonly nom: string } | null;
  readonly rencontre: { readonly id: string; readonly titre: string } | null;
}

export const publicationPath = (id: string): string => `/publications/${id}`;

/** « Points de RepèrESS n°12 ». */
export const collectionEnClair = (p: PublicationDuFlux): string | null =>
  p.collection ? `${p.collection}${p.numero !== null ? ` n°${p.numero}` : ''}` : null;
