// Bundles GraphiQL, React and the two subscription clients into one script and one stylesheet, at
// build time: the page at / then loads nothing from any other host (no CDN), and works offline.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/browser/graphiql.tsx'],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2021',
  outdir: 'dist/browser',
  entryNames: 'graphiql',
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl' },
  define: { 'process.env.NODE_ENV': '"production"' },
  jsx: 'automatic',
  legalComments: 'none',
  logLevel: 'warning',
});
