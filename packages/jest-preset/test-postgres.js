// For tests: the URL of a database of the run's throwaway Postgres (see postgres-setup.js).

/** @param {string} name @returns {string} */
function testDatabaseUrl(name) {
  const server = process.env.FEDERESS_TEST_POSTGRES_URL;
  if (!server) throw new Error("No test Postgres: add the postgres-setup global setup to this package's Jest config.");
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

module.exports = { testDatabaseUrl };
