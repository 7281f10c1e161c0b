import * as path from 'node:path';
import { EXAMPLES } from './examples';

export { EXAMPLES };

/** The bundle built by `build.mjs`, served by the gateway beside the page. */
export const GRAPHIQL_ASSETS = {
  script: path.join(__dirname, 'browser', 'graphiql.js'),
  stylesheet: path.join(__dirname, 'browser', 'graphiql.css'),
} as const;

const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page at `/`: GraphiQL with the schema docs, a token field (sent as `Authorization: Bearer …`,
 * or in graphql-ws `connectionParams`), the choice of transport for subscriptions, and the README's
 * examples as tabs. Everything it loads comes from `assetsPath` on the same server.
 */
export function graphiqlPage(title: string, assetsPath = '/graphiql'): string {
  // `<` escaped so that no example can close the script element.
  const config = JSON.stringify({ examples: EXAMPLES }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${assetsPath}/graphiql.css">
<style>
html,body{height:100%;margin:0;font-family:system-ui,sans-serif}
body{display:flex;flex-direction:column}
header{display:flex;gap:1rem;align-items:center;padding:.4rem 1rem;background:#0b5259;color:#fff}
header h1{font-size:1rem;margin:0;flex:1}
header input{width:28rem;max-width:40vw}
#graphiql{flex:1;min-height:0}
</style></head>
<body>
<header><h1>${escapeHtml(title)}</h1>
<label>Jeton <input id="federess-token" placeholder="Authorization: Bearer …" autocomplete="off"></label>
<label>Abonnements <select id="federess-transport"><option value="sse">Server-Sent Events</option><option value="ws">graphql-ws</option></select></label>
</header>
<div id="graphiql"></div>
<script id="federess-config" type="application/json">${config}</script>
<script type="module" src="${assetsPath}/graphiql.js"></script>
</body></html>`;
}
