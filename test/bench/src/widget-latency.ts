import * as fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { childEnvironment, readLauncherSettings, SUBGRAPH_NAMES } from '@federess/config';
import { freePort } from '@federess/database';
import { startHub } from '@federess/launcher';
import { clubIdOfRegion } from '@federess/vocabulaire';
import { adminToken } from './admin-token';
import { post } from './graphql';
import { percentile, round } from './load';

/**
 * `pnpm bench:widget`: the time from a commit to a partner page showing it. A real Chromium shows
 * `<federess-agenda>` from another origin; 20 rencontres are created one after the other through
 * the gateway, and the page stamps (with the same clock) when each one appears in the widget.
 * "From commit" counts from the mutation's response (the commit is done); "from request" from when
 * it was sent. Not part of `pnpm test`: a measure, not a check.
 */
const CHANGES = 20;

async function main(): Promise<void> {
  const log = (line: string) => console.log(`[widget-latency] ${line}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'federess-widget-latency-'));
  const ports: Record<string, number> = { gateway: await freePort() };
  for (const name of SUBGRAPH_NAMES) ports[name] = await freePort();
  const env = { FEDERESS_DATA_DIR: dataDir, FEDERESS_PG_PORT: String(await freePort()), FEDERESS_SAMPLE_AGENDA: 'true' };
  const settings = readLauncherSettings(env);
  log('starting the hub on a throw-away embedded Postgres');
  const hub = await startHub(
    { ...settings, ports: ports as typeof settings.ports },
    // The services inherit this process's environment, as `pnpm start`'s do.
    { env: childEnvironment(env), log: () => undefined },
  );
  // Puppeteer and @sparticuz/chromium are ES modules only: imported, not required.
  const { default: chromium } = await import('@sparticuz/chromium');
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    executablePath: await chromium.executablePath(),
    args: [
      ...chromium.args.filter((a) => a !== '--disable-web-security'),
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    headless: true,
  });
  const gatewayOrigin = new URL(hub.gatewayUrl).origin;
  const site = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="fr"><title>Partenaire</title><script type="module" src="${gatewayOrigin}/widget/agenda.js"></script><federess-agenda region="BRE" limit="50"></federess-agenda></html>`,
    );
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  try {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${(site.address() as AddressInfo).port}/`);
    // Each title's first appearance in the widget, stamped in the page with Date.now().
    await page.evaluate(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { seen: typeof seen }).seen = seen;
      const observe = () => {
        const root = document.querySelector('federess-agenda')?.shadowRoot;
        if (!root) return void setTimeout(observe, 20);
        new MutationObserver(() => {
          for (const h3 of root.querySelectorAll('h3')) seen[h3.textContent ?? ''] ??= Date.now();
        }).observe(root, { subtree: true, childList: true, characterData: true });
      };
      observe();
    });
    const health = async () => (await (await fetch(hub.gatewayUrl.replace('/graphql', '/health'))).json()) as { eventStreams: number };
    for (let i = 0; i < 200 && (await health()).eventStreams !== 1; i++) await new Promise((r) => setTimeout(r, 50));
    const token = adminToken(log);
    const fromCommit: number[] = [];
    const fromRequest: number[] = [];
    for (let n = 0; n < CHANGES; n++) {
      const titre = `Mesure commit vers page ${n}`;
      const sent = Date.now();
      const result = await post(
        hub.gatewayUrl,
        'mutation($input: CreerRencontreInput!) { creerRencontre(input: $input) { id } }',
        {
          input: {
            clubId: clubIdOfRegion('BRE'),
            titre,
            thematiques: ['SCIC'],
            format: 'DISTANCIEL',
            debut: new Date(Date.now() + (n + 1) * 3_600_000).toISOString(),
            fin: new Date(Date.now() + (n + 2) * 3_600_000).toISOString(),
            lienEnLigne: 'https://visio.example.org/mesure',
          },
        },
        token ? { authorization: `Bearer ${token}` } : {},
      );
      const answered = Date.now();
      if (result.errors) throw new Error(result.errors[0]?.message);
      let shown: number | undefined;
      for (let i = 0; i < 500 && shown === undefined; i++) {
        shown = await page.evaluate((t) => (window as unknown as { seen: Record<string, number> }).seen[t], titre);
        if (shown === undefined) await new Promise((r) => setTimeout(r, 10));
      }
      if (shown === undefined) throw new Error(`${titre} not shown within 5 s`);
      fromCommit.push(shown - answered);
      fromRequest.push(shown - sent);
      await new Promise((r) => setTimeout(r, 100));
    }
    fromCommit.sort((a, b) => a - b);
    fromRequest.sort((a, b) => a - b);
    log(
      `${CHANGES} changes on ${os.cpus().length} cores (load average ${(os.loadavg()[0] ?? NaN).toFixed(2)}): ` +
        `commit → page p50 ${round(percentile(fromCommit, 50), 0)} ms, p99 ${round(percentile(fromCommit, 99), 0)} ms; ` +
        `request → page p50 ${round(percentile(fromRequest, 50), 0)} ms, p99 ${round(percentile(fromRequest, 99), 0)} ms`,
    );
  } finally {
    await browser.close();
    site.close();
    await hub.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
