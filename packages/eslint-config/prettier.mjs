// Prettier settings of the whole workspace (the root prettier.config.js re-exports them).
/** @type {import('prettier').Config} */
export default {
  printWidth: 140,
  singleQuote: true,
  trailingComma: 'all',
};
