// Helpers for the tests of the servers that verify FédérESS tokens; not used by any server.
// Imported as `@federess/auth/testing` (see testing.js at the package root).
export * from './test-tokens';
export * from './post';
