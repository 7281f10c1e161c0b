/**
 * The README's example operations for the gateway, opened as GraphiQL tabs. A test checks that each
 * one is in the README word for word, so that the page and the documentation say the same.
 */
export const EXAMPLES: readonly { readonly query: string; readonly variables?: string }[] = [
  {
    query: `{
  rencontres(filtre: { depuis: "2024-01-01T00:00:00Z" }, first: 50) {
    totalCount
    edges {
      node {
        id titre debut format statut
        region { code nom }
        club { nom }
        ressources { titre }
      }
    }
  }
}`,
  },
  {
    query: `{
  collectivites(recherche: "saint etienne", first: 5) {
    totalCount
    edges { node { id nom type population region { nom } epci { nom } clubs { nom } } }
  }
}`,
  },
  {
    query: `subscription Agenda($apres: ID) {
  rencontresEnDirect(filtre: { regions: ["BRE"] }, apres: $apres) {
    id            # keep the last one received: it is where you resume
    type          # CREEE, MODIFIEE, REPORTEE, DEPLACEE_EN_LIGNE, ANNULEE, COMPLETE, INSCRIPTIONS_FERMEES, INSCRIPTIONS_ROUVERTES, …
    survenuA
    revision      # the revision this change gave the rencontre
    rencontre { revision titre debut format statut region { nom } club { nom } ressources { titre } }
  }
}`,
  },
];
