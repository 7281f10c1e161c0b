// Helpers for the tests of the servers built on this kit; not used by any server. Imported as
// `@federess/server-kit/testing` (see testing.js at the package root).
export * from './limit-cases';
export * from './document-limit-cases';
export * from './small-limits';
export * from './graphql-client';
export * from './event-stream-reader';
