// The data source lives in ./subgraph-calls (transport, in-flight sharing, Cache-Control, answers
// and failures, each in its own file); this path stays so server.ts's import does not move.
export { SubgraphDataSource } from './subgraph-calls/subgraph-data-source';
