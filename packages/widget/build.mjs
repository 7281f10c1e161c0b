// Bundles the custom element and Lit into one ES module with no import left: a partner page loads
// it with one <script type="module"> and it requests nothing else but the hub's GraphQL endpoint.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/browser/agenda.ts'],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2021',
  outfile: 'dist/agenda.js',
  legalComments: 'none',
  logLevel: 'warning',
});
