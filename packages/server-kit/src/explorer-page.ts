/**
 * A small, self-contained query page: no CDN, no external script, so it works on an offline machine
 * (the hosted Apollo Sandbox does not). Enough to try an operation with variables and a token.
 */
export function explorerPage(title: string): string {
  const escaped = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escaped}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;display:grid;grid-template-columns:1fr 1fr;grid-template-rows:auto 1fr;height:100vh}
header{grid-column:1/3;padding:.6rem 1rem;background:#0d5c63;color:#fff;display:flex;gap:1rem;align-items:center}
header h1{font-size:1.1rem;margin:0;flex:1} section{display:flex;flex-direction:column;padding:.5rem;gap:.4rem;min-height:0}
textarea,pre,input{font-family:ui-monospace,monospace;font-size:13px;border:1px solid #bbb;border-radius:4px;padding:.4rem}
textarea{flex:1;resize:none} #variables{flex:0 0 6rem} pre{flex:1;overflow:auto;margin:0;background:#f6f8f8}
button{background:#f0a202;border:0;border-radius:4px;padding:.4rem 1rem;font-weight:600;cursor:pointer}
</style></head>
<body>
<header><h1>${escaped}</h1><input id="token" placeholder="Jeton (Authorization: Bearer …)" size="40"><button id="run">Exécuter ▶</button></header>
<section><label for="query">Opération</label><textarea id="query" spellcheck="false">{
  regions { code nom }
}</textarea><label for="variables">Variables (JSON)</label><textarea id="variables" spellcheck="false">{}</textarea></section>
<section><label>Réponse</label><pre id="result"></pre></section>
<script>
const $ = (id) => document.getElementById(id);
async function run() {
  let variables = {};
  try { variables = JSON.parse($('variables').value || '{}'); } catch (e) { $('result').textContent = 'Variables : JSON invalide'; return; }
  const headers = { 'content-type': 'application/json' };
  if ($('token').value.trim()) headers.authorization = 'Bearer ' + $('token').value.trim();
  const started = performance.now();
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: $('query').value, variables }) });
  const text = await response.text();
  let shown = text; try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) {}
  $('result').textContent = '// ' + response.status + ' en ' + Math.round(performance.now() - started) + ' ms\\n' + shown;
}
$('run').onclick = run;
document.addEventListener('keydown', (e) => { if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') run(); });
</script></body></html>`;
}
