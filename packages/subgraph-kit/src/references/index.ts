export * from './collectivites';
export * from './owner-subgraph';
