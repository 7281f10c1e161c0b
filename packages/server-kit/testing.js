// The `@federess/server-kit/testing` entry: test helpers, kept out of the main entry.
module.exports = require('./dist/testing');
