const fs = require('node:fs');

module.exports = async function stopPostgres() {
  await globalThis.__FEDERESS_TEST_POSTGRES__?.stop();
  if (globalThis.__FEDERESS_TEST_LOGS__) fs.rmSync(globalThis.__FEDERESS_TEST_LOGS__, { recursive: true, force: true });
};
