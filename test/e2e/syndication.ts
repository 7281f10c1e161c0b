import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractFromJson } from '@extractus/feed-extractor';
import FeedParser from 'feedparser';
import { HtmlValidate } from 'html-validate';
import { structuredDataTest } from 'structured-data-testing-tool';
import { firstOf } from '@federess/server-kit/testing';
import { validateXML } from 'xmllint-wasm';

/** An Atom or RSS feed as feedparser (a sax-based parser of Atom, RSS and RDF) reads it, in strict mode. */
export interface ParsedFeed {
  readonly type: string;
  readonly title: string;
  readonly items: { guid: string; link: string; title: string; description: string; date: Date | null; categories: string[] }[];
}

export function parseXmlFeed(xml: string): Promise<ParsedFeed> {
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({ strict: true, normalize: true, addmeta: false });
    const items: ParsedFeed['items'] = [];
    parser.on('error', reject);
    parser.on('readable', () => {
      let item: FeedParser.Item | null;
      while ((item = parser.read())) {
        items.push({
          guid: item.guid,
          link: item.link,
          title: item.title,
          description: item.description ?? '',
          date: item.date,
          categories: item.categories,
        });
      }
    });
    parser.on('end', () => resolve({ type: `${parser.meta['#type']}`, title: parser.meta.title, items }));
    parser.end(xml);
  });
}

/** A JSON Feed as @extractus/feed-extractor reads it. */
export function parseJsonFeed(text: string) {
  return extractFromJson(JSON.parse(text) as Record<string, unknown>, { normalization: true, useISODateFormat: true });
}

const validator = new HtmlValidate({ extends: ['html-validate:recommended', 'html-validate:a11y'] });

/** html-validate's findings (its recommended and accessibility rules) on a page: none expected. */
export async function htmlFindings(page: string): Promise<string[]> {
  const report = await validator.validateString(page);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
}

export interface StructuredDataTest {
  readonly test: string;
  readonly expect?: unknown;
  readonly type?: 'jsonld' | 'metatag';
  readonly description?: string;
}

export interface StructuredDataResult {
  readonly failed: { test: string; description?: string; error?: { message: string } }[];
  readonly passed: { test: string }[];
  readonly schemas: string[];
  readonly structuredData: { jsonld: Record<string, Record<string, unknown>[]> };
}

/**
 * structured-data-testing-tool on a page: it extracts the JSON-LD and meta tags (web-auto-extractor)
 * and runs the given presets and tests (JMESPath), resolving with passes and failures alike.
 */
export async function structuredData(
  page: string,
  options: { presets?: unknown[]; tests?: StructuredDataTest[] },
): Promise<StructuredDataResult> {
  try {
    return (await structuredDataTest(page, options)) as StructuredDataResult;
  } catch (error) {
    const res = (error as { res?: StructuredDataResult }).res;
    if (res) return res;
    throw error;
  }
}

/** The first JSON-LD item of `type` a page carries; none fails the test. */
export function jsonLdOf(result: StructuredDataResult, type: string): Record<string, unknown> {
  return firstOf(result.structuredData.jsonld[type] ?? [], `JSON-LD ${type}`);
}

const SITEMAP_XSD = fs.readFileSync(path.join(path.dirname(require.resolve('sitemap/package.json')), 'schema', 'sitemap.xsd'), 'utf8');

/** A sitemap validated by libxml2 (xmllint-wasm) against the sitemaps.org 0.9 XML schema. */
export async function sitemapErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'sitemap.xml', contents: xml }],
    schema: [{ fileName: 'sitemap.xsd', contents: SITEMAP_XSD }],
  });
  return result.errors.map((e) => e.message);
}
