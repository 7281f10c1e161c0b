// Stylesheets imported for esbuild, which bundles them into dist/browser/graphiql.css.
declare module '*.css';
