// Shared Jest preset. Tests are compiled by SWC (not ts-jest) because type-graphql and TypeORM
// need `emitDecoratorMetadata`, which SWC supports and which TypeScript 7 no longer offers to ts-jest.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Every package keeps its tests under test/ (see CONTRIBUTING.md).
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Workspace packages are consumed from their built `dist/`, exactly as in production.
  testTimeout: 60_000,
};
