// The ESLint flat config every package uses: `export default federess(import.meta.dirname)` in its eslint.config.mjs.
// Type-aware rules read each package's own tsconfig.json (which includes its tests), through the
// project service, so a rule sees the same types as `tsc --noEmit`.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Settings are read once, by @federess/config: anywhere else, `process.env` is a hidden input. */
const noProcessEnv = {
  'no-restricted-properties': [
    'error',
    { object: 'process', property: 'env', message: 'Read settings through @federess/config (the only place that reads the environment).' },
  ],
};

/**
 * @param {string} tsconfigRootDir the package's folder (`import.meta.dirname` of its eslint.config.mjs)
 * @param {{ readsEnvironment?: boolean }} [options] `readsEnvironment`: the package may read `process.env` (packages/config only)
 */
export function federess(tsconfigRootDir, options = {}) {
  return tseslint.config(
    // Root `*.d.ts` files are the declarations of entry shims (`testing.d.ts` re-exports the build):
    // outside every tsconfig, and nothing of their own to lint.
    { ignores: ['dist/**', 'coverage/**', '.turbo/**', 'node_modules/**', '*.d.ts'] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      linterOptions: { reportUnusedDisableDirectives: 'error' },
      rules: {
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/no-misused-promises': 'error',
        '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
        '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
        ],
        ...(options.readsEnvironment ? {} : noProcessEnv),
      },
    },
    {
      // Plain JavaScript (Jest presets, entry shims, these configs): no type information to lint with.
      files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
      ...tseslint.configs.disableTypeChecked,
    },
    {
      // CommonJS (Jest presets, entry shims): `require` is how such a file imports.
      files: ['**/*.js', '**/*.cjs'],
      languageOptions: {
        sourceType: 'commonjs',
        globals: { module: 'writable', require: 'readonly', process: 'readonly', __dirname: 'readonly', URL: 'readonly' },
      },
      rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
    {
      files: ['**/*.mjs'],
      languageOptions: { sourceType: 'module' },
    },
    prettier,
  );
}

export default federess;
