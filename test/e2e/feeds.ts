import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import { clubIdOfRegion } from '@federess/vocabulaire';
import { graphql, type GraphQLResponse } from './hub';
import { ADMIN, authHeaders, type TestCaller } from '@federess/auth/testing';

/** The gateway's origin, from its GraphQL URL. */
export const originOf = (gatewayUrl: string): string => gatewayUrl.replace(/\/graphql$/, '');

/** A GET of a feed or page, as a calendar app, a feed reader or a crawler sends it. */
export async function get(
  gatewayUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${originOf(gatewayUrl)}${path}`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The data of an operation as `qui`, failing loudly on any error. */
export async function dataAs<T = Record<string, unknown>>(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown>,
  qui: TestCaller,
): Promise<T> {
  const { body } = await graphql<T>(gatewayUrl, query, variables, await authHeaders(qui));
  if (body.errors?.length) throw new Error(`Unexpected errors: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

export const errorsOf = async (
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown>,
  qui: TestCaller,
): Promise<GraphQLResponse> => (await graphql(gatewayUrl, query, variables, await authHeaders(qui))).body;

/** What the gateway's /health says of its cache. */
export interface CacheHealth {
  readonly hits: number;
  readonly misses: number;
  readonly responseHits: number;
  readonly responseMisses: number;
  readonly subgraphs: Record<string, { readonly listening: boolean; readonly lastEvent: string }>;
}

export const cacheHealth = async (gatewayUrl: string): Promise<CacheHealth> =>
  ((await (await fetch(`${originOf(gatewayUrl)}/health`)).json()) as { cache: CacheHealth }).cache;

const LAST_CHANGE: Record<string, string> = {
  rencontres: 'dernierChangementRencontres',
  clubs: 'dernierChangementClubs',
  publications: 'dernierChangementPublications',
};

/** Waits until the gateway's cache listens to these subgraphs and has applied their last change (its /health says so). */
export async function cacheApplied(gatewayUrl: string, subgraphs: readonly string[]): Promise<void> {
  const last = await dataAs<Record<string, { id: string } | null>>(
    gatewayUrl,
    `{ ${subgraphs.map((name) => `${name}: ${LAST_CHANGE[name]} { id }`).join(' ')} }`,
    {},
    null,
  );
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { subgraphs: status } = await cacheHealth(gatewayUrl);
    const applied = subgraphs.every(
      (name) => status[name]?.listening === true && BigInt(status[name].lastEvent) >= BigInt(last[name]?.id ?? '0'),
    );
    if (applied) return;
    if (Date.now() > deadline) throw new Error(`the cache did not apply ${JSON.stringify(last)}: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const CREER = `mutation($input: CreerRencontreInput!) { creerRencontre(input: $input) { id revision } }`;
const MODIFIER = `mutation($id: ID!, $input: ModifierRencontreInput!) { modifierRencontre(id: $id, input: $input) { id revision } }`;
const ANNULER = `mutation($id: ID!, $motif: String!) { annulerRencontre(id: $id, motif: $motif) { id revision } }`;

/** A rencontre of the ARA club, created by the national admin through the gateway. */
export async function creerRencontre(gatewayUrl: string, input: Record<string, unknown>): Promise<{ id: string; revision: number }> {
  const data = await dataAs<{ creerRencontre: { id: string; revision: number } }>(
    gatewayUrl,
    CREER,
    {
      input: {
        clubId: clubIdOfRegion('ARA'),
        titre: 'Rencontre des flux',
        thematiques: ['ECONOMIE_CIRCULAIRE'],
        format: 'PRESENTIEL',
        lieu: { nom: 'Hôtel de Région', adresse: '1 esplanade François Mitterrand', communeId: 'COMMUNE:69123' },
        ...input,
      },
    },
    ADMIN,
  );
  return data.creerRencontre;
}

export async function modifierRencontre(gatewayUrl: string, id: string, input: Record<string, unknown>): Promise<{ revision: number }> {
  return (await dataAs<{ modifierRencontre: { revision: number } }>(gatewayUrl, MODIFIER, { id, input }, ADMIN)).modifierRencontre;
}

export async function annulerRencontre(gatewayUrl: string, id: string, motif = 'Intempéries'): Promise<{ revision: number }> {
  return (await dataAs<{ annulerRencontre: { revision: number } }>(gatewayUrl, ANNULER, { id, motif }, ADMIN)).annulerRencontre;
}

/** One VEVENT as ical.js reads it. */
export interface ParsedEvent {
  readonly uid: string;
  readonly sequence: number;
  readonly start: Date;
  readonly end: Date;
  readonly startTzid: string | null;
  readonly status: string | null;
  readonly summary: string;
  readonly description: string;
  readonly location: string;
  readonly url: string | null;
  readonly categories: string[];
  readonly conference: string | null;
  readonly organizer: string | null;
}

export interface ParsedCalendar {
  readonly name: string | null;
  readonly refreshInterval: string | null;
  readonly publishedTtl: string | null;
  readonly timezones: string[];
  readonly events: ParsedEvent[];
}

/**
 * Parses an iCalendar text with ical.js, the parser of Mozilla's calendar (Thunderbird): its
 * VTIMEZONEs are registered first, so that local times convert with the feed's own rules.
 */
export async function parseCalendar(text: string): Promise<ParsedCalendar> {
  // ical.js is an ES module (with a CommonJS build): imported where this CommonJS test file may.
  const { default: ICAL } = await import('ical.js');
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const timezones = calendar.getAllSubcomponents('vtimezone').map((vtz) => {
    const timezone = new ICAL.Timezone(vtz);
    ICAL.TimezoneService.register(timezone, timezone.tzid);
    return timezone.tzid;
  });
  const text_ = (component: ICALModule.Component, name: string): string | null => {
    const value = component.getFirstPropertyValue(name);
    return value === null || value === undefined ? null : String(value as string);
  };
  const events = calendar.getAllSubcomponents('vevent').map((vevent): ParsedEvent => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      startTzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid') as string | null,
      status: text_(vevent, 'status'),
      summary: event.summary,
      description: event.description,
      location: event.location,
      url: text_(vevent, 'url'),
      categories: vevent.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
      conference: text_(vevent, 'conference'),
      organizer: text_(vevent, 'organizer'),
    };
  });
  return {
    name: text_(calendar, 'name'),
    refreshInterval: text_(calendar, 'refresh-interval'),
    publishedTtl: text_(calendar, 'x-published-ttl'),
    timezones,
    events,
  };
}
