module.exports = async function stopPostgres() {
  await globalThis.__FEDERESS_TEST_POSTGRES__?.stop();
};
