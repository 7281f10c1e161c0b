// The `@federess/subgraph-kit/testing` entry: test helpers, kept out of the main entry (as server-kit's).
// eslint-disable-next-line @typescript-eslint/no-require-imports
module.exports = require('./dist/testing');
