// Helpers for the tests of the subgraphs; not used by any server. Imported as
// `@federess/subgraph-kit/testing` (see testing.js at the package root).
export * from './owner-subgraphs';
