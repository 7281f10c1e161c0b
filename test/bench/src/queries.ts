/** The three query scenarios, each with the floor: its owning subgraph's own part, asked of that subgraph alone. */
export interface QueryScenario {
  readonly name: string;
  readonly description: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** The subgraph that owns the root field. */
  readonly floorSubgraph: 'rencontres' | 'clubs' | 'collectivites';
  /** The same root field with only the owning subgraph's own fields (what the gateway's first fetch asks). */
  readonly floorQuery: string;
}

export interface ScenarioIds {
  /** Start of the "upcoming" window (the bench's start, at midnight UTC). */
  readonly depuis: string;
  /** The club of the regional page. */
  readonly clubId: string;
  /** The collectivité of the deep query (a member of a club). */
  readonly collectiviteId: string;
}

export function queryScenarios(ids: ScenarioIds): QueryScenario[] {
  return [
    {
      name: 'agenda',
      description: 'national agenda: 50 upcoming rencontres with region, club, ressources',
      query: `query Agenda($depuis: DateTimeISO!) {
  rencontres(filtre: { depuis: $depuis }, first: 50) {
    totalCount
    edges { node { id titre debut format statut region { code nom } club { nom } ressources { titre type } } }
  }
}`,
      variables: { depuis: ids.depuis },
      floorSubgraph: 'rencontres',
      floorQuery: `query Agenda($depuis: DateTimeISO!) {
  rencontres(filtre: { depuis: $depuis }, first: 50) {
    totalCount
    edges { node { id titre debut format statut region { code } club { id } } }
  }
}`,
    },
    {
      name: 'regional',
      description: 'regional page: one club with its next rencontres and publications',
      query: `query PageRegionale($id: ID!, $depuis: DateTimeISO!) {
  club(id: $id) {
    id nom description frequence
    region { code nom }
    animateurs { nom sigle }
    rencontres(filtre: { depuis: $depuis }, first: 10) { totalCount edges { node { id titre debut format statut } } }
    publications(first: 10) { edges { node { id titre type datePublication } } }
  }
}`,
      variables: { id: ids.clubId, depuis: ids.depuis },
      floorSubgraph: 'clubs',
      floorQuery: `query PageRegionale($id: ID!) {
  club(id: $id) { id nom description frequence region { code } animateurs { nom sigle } }
}`,
    },
    {
      name: 'deep',
      description: 'deep: collectivité → clubs → rencontres → ressources',
      query: `query Profonde($id: ID!) {
  collectivite(id: $id) {
    id nom type population
    clubs { id nom rencontres(first: 20) { edges { node { id titre debut ressources { id titre type } } } } }
  }
}`,
      variables: { id: ids.collectiviteId },
      floorSubgraph: 'collectivites',
      floorQuery: `query Profonde($id: ID!) {
  collectivite(id: $id) { id nom type population }
}`,
    },
  ];
}

/** The floor query's variables: only those it declares. */
export function floorVariables(scenario: QueryScenario): Record<string, unknown> {
  return Object.fromEntries(Object.entries(scenario.variables).filter(([name]) => scenario.floorQuery.includes(`$${name}:`)));
}
