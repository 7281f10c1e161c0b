// For tests: the URL of a database of the run's throwaway Postgres (see postgres-setup.js).

/** @param {string} name @returns {string} */
function testDatabaseUrl(name) {
  const server = process.env.FEDERESS_TEST_POSTGRES_URL;
  if (!server) throw new Error("No test Postgres: add the postgres-setup global setup to this package's Jest config.");
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The run's directory for the output of the services tests start (see postgres-setup.js). @returns {string} */
function testLogDirectory() {
  const directory = process.env.FEDERESS_TEST_LOG_DIR;
  if (!directory) throw new Error("No test log directory: add the postgres-setup global setup to this package's Jest config.");
  return directory;
}

module.exports = { testDatabaseUrl, testLogDirectory };
