import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunningHub } from '@federess/launcher';
import type { Browser, Page } from 'puppeteer-core';
import { clubOf } from '../e2e/clubs';
import { graphql, startTestHub } from '../e2e/hub';
import { ADMIN, authHeaders } from '@federess/auth/testing';
import { launchBrowser, outsideRequests, type PartnerSite, partnerSite, until } from './browser';

/** Where the README's "Sur votre site" screenshot is written by this test. */
const SCREENSHOT = path.resolve(__dirname, '..', '..', 'docs', 'widget-agenda.png');

interface Shown {
  id: string;
  titre: string;
  texte: string;
  annulee: boolean;
  precedent: string | null;
}

/** The rencontres the widget shows, read from its shadow DOM as a person would read them. */
const shown = (page: Page): Promise<Shown[]> =>
  page.evaluate(() =>
    [...(document.querySelector('federess-agenda')?.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => ({
      id: li.dataset.id ?? '',
      titre: li.querySelector('h3')?.textContent ?? '',
      texte: li.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      annulee: li.classList.contains('annulee'),
      precedent: li.querySelector('del')?.textContent ?? null,
    })),
  );

describe('the agenda widget on a partner site, in a real browser', () => {
  let hub: RunningHub;
  let browser: Browser;
  let site: PartnerSite;
  let gatewayOrigin: string;
  let pageUrl: string;
  let clubAra: string;

  const health = async () => (await (await fetch(hub.gatewayUrl.replace('/graphql', '/health'))).json()) as Record<string, number>;
  /** The widget's EventSource is open on the gateway. */
  const streaming = () => until('the widget subscribed', async () => (await health()).eventStreams === 1, 10_000);
  const muter = async <TData>(query: string, variables: Record<string, unknown>) => {
    const { body } = await graphql<TData>(hub.gatewayUrl, query, variables, await authHeaders(ADMIN));
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const creer = async (titre: string, jours: number) => {
    const debut = new Date(Date.now() + jours * 86_400_000);
    debut.setUTCHours(8, 0, 0, 0);
    const data = await muter<{ creerRencontre: { id: string } }>(
      'mutation($input: CreerRencontreInput!) { creerRencontre(input: $input) { id } }',
      {
        input: {
          clubId: clubAra,
          titre,
          thematiques: ['TIERS_LIEUX'],
          format: 'DISTANCIEL',
          debut: debut.toISOString(),
          fin: new Date(debut.getTime() + 2 * 3_600_000).toISOString(),
          lienEnLigne: 'https://visio.example.org/widget',
        },
      },
    );
    return data.creerRencontre.id;
  };
  const ouvrir = async (): Promise<Page> => {
    const page = await browser.newPage();
    await page.goto(pageUrl);
    await until('the agenda shown', async () => (await shown(page)).length > 0, 10_000);
    return page;
  };

  beforeAll(async () => {
    [hub, browser, site] = await Promise.all([startTestHub('widget'), launchBrowser(), partnerSite()]);
    gatewayOrigin = new URL(hub.gatewayUrl).origin;
    clubAra = await clubOf(hub.gatewayUrl, 'ARA');
    // The two lines a site adds (see the README's "Sur votre site").
    pageUrl = site.page(
      '/agenda.html',
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Une collectivité partenaire</title></head>
<body><main style="max-width:640px;margin:auto"><h1>Agenda du club ESS</h1>
<script type="module" src="${gatewayOrigin}/widget/agenda.js"></script>
<federess-agenda region="ARA" limit="4"></federess-agenda>
</main></body></html>`,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await hub?.stop();
  });

  it('renders the upcoming agenda from the hub, requesting nothing from any other host', async () => {
    const page = await browser.newPage();
    const outside = outsideRequests(page, [site.origin, gatewayOrigin]);
    await page.goto(pageUrl);
    // The first load (module, fonts, query) is not one of the changes timed at 2 s: as long as ouvrir() gives it.
    const items = await until(
      'the agenda shown',
      async () => {
        const list = await shown(page);
        return list.length > 0 && list;
      },
      10_000,
    );
    const { body } = await graphql<{ rencontres: { edges: { node: { titre: string } }[] } }>(
      hub.gatewayUrl,
      'query($depuis: DateTimeISO) { rencontres(filtre: { regions: ["ARA"], depuis: $depuis }, first: 4) { edges { node { titre } } } }',
      { depuis: new Date().toISOString() },
    );
    expect(items.map((i) => i.titre)).toEqual(body.data!.rencontres.edges.map((e) => e.node.titre));
    // A date in Europe/Paris, in French, with the club, the format and the status.
    expect(items[0]?.texte).toMatch(/(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} \p{L}+ \d{4}/u);
    expect(items[0]?.texte).toMatch(/Club/);
    expect(items[0]?.texte).toMatch(/Programmée|Complète|Reportée/);
    const lien = await page.evaluate(() => document.querySelector('federess-agenda')?.shadowRoot?.querySelector('a')?.href);
    expect(lien).toBe(`${gatewayOrigin}/agenda.ics?region=ARA`);
    // The feeds' calendar, with the widget's filters.
    const ics = await fetch(lien!);
    expect([ics.status, ics.headers.get('content-type')]).toEqual([200, expect.stringMatching(/^text\/calendar/)]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('shows a creation, a move and a cancellation within 2 s each', async () => {
    const page = await ouvrir();
    await streaming();
    const id = await creer('Atelier tiers-lieux en direct', 1);
    await until('the creation shown', async () => (await shown(page)).find((i) => i.id === id));

    const nouveau = new Date(Date.now() + 2 * 86_400_000);
    nouveau.setUTCHours(12, 0, 0, 0);
    await muter('mutation($id: ID!, $input: ModifierRencontreInput!) { modifierRencontre(id: $id, input: $input) { id } }', {
      id,
      input: { debut: nouveau.toISOString(), fin: new Date(nouveau.getTime() + 3_600_000).toISOString() },
    });
    const deplacee = await until('the move shown', async () => (await shown(page)).find((i) => i.id === id && i.precedent));
    expect(deplacee.texte).toMatch(/Reportée/);

    await muter('mutation($id: ID!) { annulerRencontre(id: $id, motif: "Intervenant indisponible") { id } }', { id });
    await until('the cancellation shown', async () => (await shown(page)).find((i) => i.id === id && i.annulee));
    await page.close();
  });

  it('after the page is closed, two changes made and the page reopened, shows both, once each', async () => {
    const first = await ouvrir();
    await streaming();
    const avant = await creer('Rencontre vue avant la fermeture', 1);
    await until('the first change shown', async () => (await shown(first)).find((i) => i.id === avant));
    const resumePoint = await first.evaluate(() => Object.keys(localStorage).find((key) => key.startsWith('federess-agenda')));
    expect(resumePoint).toBeDefined();
    const stored = await first.evaluate((key) => localStorage.getItem(key), resumePoint!);
    expect(stored).toMatch(/^\d+$/);
    await first.close();
    await until('the widget unsubscribed', async () => (await health()).eventStreams === 0, 5000);

    const cree = await creer('Rencontre créée pendant la fermeture', 1);
    await muter('mutation($id: ID!) { modifierRencontre(id: $id, input: { titre: "Rencontre renommée pendant la fermeture" }) { id } }', {
      id: avant,
    });
    const again = await ouvrir();
    await until('both changes shown', async () => {
      const list = await shown(again);
      return list.some((i) => i.id === cree) && list.some((i) => i.titre === 'Rencontre renommée pendant la fermeture');
    });
    // The replayed events (from the id kept in localStorage) change nothing twice.
    await new Promise((r) => setTimeout(r, 500));
    const ids = (await shown(again)).map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    await again.close();
  });

  it('has no serious or critical accessibility violation (axe-core), and makes the README screenshot', async () => {
    const page = await ouvrir();
    await page.addScriptTag({ path: require.resolve('axe-core') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<{ violations: { id: string; impact: string }[] }> } })
        .axe;
      const result = await axe.run({ include: [['federess-agenda']] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    const element = await page.$('federess-agenda');
    fs.writeFileSync(SCREENSHOT, await element!.screenshot({ type: 'png' }));
    // Keyboard: every rencontre and the subscribe link are reached with Tab.
    const reached: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.querySelector('federess-agenda')?.shadowRoot?.activeElement?.tagName ?? ''));
    }
    expect(reached.filter((tag) => tag === 'LI').length).toBeGreaterThanOrEqual(1);
    expect(reached).toContain('A');
    await page.close();
  });

  it('serves GraphiQL with its bundle alone (no request to any other host), the docs, and runs the README agenda query', async () => {
    const page = await browser.newPage();
    const outside = outsideRequests(page, [gatewayOrigin]);
    await page.goto(`${gatewayOrigin}/`);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 15_000 });
    // The first tab is the README's national agenda.
    const query = await page.evaluate(() => document.querySelector('.graphiql-query-editor')?.textContent ?? '');
    expect(query).toMatch(/rencontres\(filtre: \{ depuis: "2024-01-01T00:00:00Z" \}, first: 50\)/);
    await page.click('.graphiql-execute-button');
    const answer = await until(
      'the answer shown',
      async () => {
        const text = await page.evaluate(() => document.querySelector('.graphiql-response')?.textContent ?? '');
        return /"totalCount": \d+/.test(text) && text;
      },
      10_000,
    );
    expect(answer).toMatch(/"titre"/);
    expect(answer).not.toMatch(/"errors"/);
    // The schema docs, from introspection.
    await page.click('[aria-label="Show Documentation Explorer"]');
    await until('the docs shown', async () =>
      page.evaluate(() => document.querySelector('.graphiql-doc-explorer')?.textContent?.includes('Query')),
    );
    expect(outside).toEqual([]);
    await page.close();
  });
});
