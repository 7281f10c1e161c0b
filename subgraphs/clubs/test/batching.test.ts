import { readSubgraphSettings } from '@federess/config';
import { StatementCounter } from '@federess/database';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { clubIdOfRegion, REGIONS, stableUuid } from '@federess/vocabulaire';
import { createServer } from '../src/server';
import { post } from '@federess/auth/testing';
import { dataOf } from '@federess/server-kit/testing';
import type { Club } from './graph';

const NESTED = `query($region: String) { clubs(region: $region) {
  nom region { code }
  animateurs { nom region { code } }
  partenaires { sigle }
  contacts { nom email organisation { sigle } }
  collectivitesMembres { id clubs { nom contacts { nom } } } } }`;

describe('subgraph clubs: DataLoader batching', () => {
  const counter = new StatementCounter();
  let server: SubgraphServer;
  let url: string;

  beforeAll(async () => {
    server = await createServer(
      { ...readSubgraphSettings('clubs', {}), databaseUrl: testDatabaseUrl('clubs_batching') },
      { logger: counter },
    );
    url = await server.listen(0);
    // Give every région a club, with animateurs, a partenaire, contacts and members, so "all clubs" is 18 full rows.
    const rtes = stableUuid('organisation:rtes');
    const cnfpt = stableUuid('organisation:cnfpt');
    for (const region of REGIONS) {
      const id = clubIdOfRegion(region.code);
      await server.dataSource.query(`INSERT INTO club (id, region_code, nom) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
        id,
        region.code,
        `Club ${region.nom}`,
      ]);
      await server.dataSource.query(
        `INSERT INTO club_organisation (club_id, organisation_id, role, position) VALUES ($1, $2, 'ANIMATEUR', 10), ($1, $3, 'PARTENAIRE', 11)
         ON CONFLICT DO NOTHING`,
        [id, rtes, cnfpt],
      );
      await server.dataSource.query(
        `INSERT INTO contact (club_id, position, nom, email, organisation_id) VALUES ($1, 10, $2, 'x@example.org', $3)`,
        [id, `Contact ${region.code}`, rtes],
      );
      await server.dataSource.query(`INSERT INTO club_collectivite (club_id, collectivite_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        id,
        `REGION:${region.codeInsee}`,
      ]);
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('runs as many SQL statements for one club as for all eighteen', async () => {
    const statementsFor = async (region: string | null, expectedClubs: number) => {
      counter.reset();
      const { clubs } = dataOf(await post<{ clubs: Club[] }>(url, NESTED, { region }));
      expect(clubs).toHaveLength(expectedClubs);
      for (const club of clubs) {
        expect(club.animateurs.length).toBeGreaterThan(0);
        expect(club.partenaires.length).toBeGreaterThan(0);
        expect(club.contacts.length).toBeGreaterThan(0);
        expect(club.collectivitesMembres.length).toBeGreaterThan(0);
        for (const membre of club.collectivitesMembres) expect(membre.clubs.length).toBeGreaterThan(0);
      }
      return counter.count;
    };
    const one = await statementsFor('ARA', 1);
    const all = await statementsFor(null, REGIONS.length);
    expect(one).toBeGreaterThan(0);
    expect(all).toBe(one);
  });

  it('reads a club page, the club and its animateurs and partenaires, in one statement', async () => {
    counter.reset();
    const answer = await post(url, 'query($id: ID!) { club(id: $id) { id nom animateurs { nom sigle } partenaires { nom } } }', {
      id: clubIdOfRegion('BRE'),
    });
    expect(answer.errors).toBeUndefined();
    const club = (answer.data as { club: { animateurs: unknown[]; partenaires: unknown[] } }).club;
    expect(club.animateurs.length).toBeGreaterThan(0);
    expect(club.partenaires.length).toBeGreaterThan(0);
    expect(counter.count).toBe(1);
  });

  it('batches the clubs asked for by the gateway into as few statements as one', async () => {
    const statementsFor = async (codes: readonly string[]) => {
      counter.reset();
      const representations = codes.flatMap((code) => [
        { __typename: 'Club', id: clubIdOfRegion(code) },
        { __typename: 'Region', code },
      ]);
      const { _entities } = dataOf(
        await post<{ _entities: unknown[] }>(
          url,
          'query($r: [_Any!]!) { _entities(representations: $r) { ... on Club { nom animateurs { nom } contacts { nom } } ... on Region { club { nom } } } }',
          { r: representations },
        ),
      );
      expect(_entities.every((e) => e !== null)).toBe(true);
      return counter.count;
    };
    expect(await statementsFor(REGIONS.map((r) => r.code))).toBe(await statementsFor(['BRE']));
  });
});
