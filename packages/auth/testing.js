// The `@federess/auth/testing` entry: test helpers, kept out of the main entry.
module.exports = require('./dist/testing');
