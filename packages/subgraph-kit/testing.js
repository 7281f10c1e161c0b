// The `@federess/subgraph-kit/testing` entry: test helpers, kept out of the main entry (as server-kit's).
module.exports = require('./dist/testing');
