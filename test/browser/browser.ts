import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execFileSync } from 'node:child_process';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/**
 * Where `@sparticuz/chromium` unpacked its browser, and the flags it needs. The package is an ES
 * module only, which Jest's CommonJS runtime cannot load on Node 20: a child Node process asks it.
 */
function sparticuzChromium(): { executablePath: string; args: string[] } {
  const script =
    "import('@sparticuz/chromium').then(async ({ default: c }) => console.log(JSON.stringify({ executablePath: await c.executablePath(), args: c.args })))";
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: __dirname, encoding: 'utf8', timeout: 60_000 })) as {
    executablePath: string;
    args: string[];
  };
}

/**
 * Headless Chromium from the `@sparticuz/chromium` npm package (no download at install or at run),
 * with the background services off: this machine has no network, and Chromium would otherwise
 * keep trying to reach Google's hosts.
 */
const WEB_SECURITY_OFF = new Set(['--disable-web-security', '--allow-running-insecure-content']);

export async function launchBrowser(): Promise<Browser> {
  const chromium = sparticuzChromium();
  return puppeteer.launch({
    executablePath: chromium.executablePath,
    args: [
      // Its serverless defaults turn the same-origin policy off: a CORS test needs it on.
      ...chromium.args.filter((arg) => !WEB_SECURITY_OFF.has(arg)),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    headless: true,
    defaultViewport: { width: 900, height: 900 },
  });
}

/** A partner's site on another origin (`http://localhost:<port>`, where the hub is `http://127.0.0.1:<port>`). */
export interface PartnerSite {
  readonly origin: string;
  /** Serves `html` at `path`. */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

export async function partnerSite(): Promise<PartnerSite> {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://localhost').pathname);
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'introuvable');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(path, html) {
      pages.set(path, html);
      return `${origin}${path}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Requests the page made to hosts other than the allowed ones (a page that works offline makes none). */
export function outsideRequests(page: Page, allowedOrigins: string[]): string[] {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!allowedOrigins.some((origin) => url.startsWith(origin))) outside.push(url);
  });
  return outside;
}

/** Polls `check` in the page's terms until it holds, within `ms`. */
export async function until<T>(what: string, check: () => Promise<T | undefined | false>, ms = 2000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
