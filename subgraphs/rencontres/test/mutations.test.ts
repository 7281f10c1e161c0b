import { stableUuid } from '@federess/vocabulaire';
import {
  CLUB_ARA,
  CLUB_BRE,
  CREER,
  INSCRIRE,
  codeOf,
  creer,
  dataOf,
  inDays,
  personne,
  rencontreInput,
  startTestServer,
  type TestServer,
} from './helpers';

const MODIFIER = `mutation($id: ID!, $input: ModifierRencontreInput!) {
  modifierRencontre(id: $id, input: $input) { id titre statut revision debut fin debutPrecedent format capacite nombreParticipants
    sessions { ordre debut fin lienEnLigne lieu { nom } } intervenants { nom } }
}`;
const ANNULER = `mutation($id: ID!, $motif: String!) { annulerRencontre(id: $id, motif: $motif) { id statut motifAnnulation revision } }`;
const DESINSCRIRE = `mutation($id: ID!) { desinscrire(inscriptionId: $id) { id statut annuleeLe rencontre { statut nombreInscrits placesRestantes revision } } }`;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('mutations', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('rencontres_mutations', { seed: false });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const counts = async () =>
    (
      await t.server.dataSource.query<Record<'r' | 's' | 'i' | 'n', number>[]>(
        `SELECT (SELECT count(*) FROM rencontre)::int r, (SELECT count(*) FROM session_rencontre)::int s,
                (SELECT count(*) FROM intervenant)::int i, (SELECT count(*) FROM inscription)::int n`,
      )
    )[0]!;

  describe('creerRencontre', () => {
    it('creates a one-session rencontre in the club’s région', async () => {
      const created = await creer(t, {
        intervenants: [{ nom: 'Marion Canales', role: 'Adjointe au maire', collectiviteId: 'COMMUNE:63113' }],
        capacite: 30,
      });
      expect(created).toMatchObject({
        titre: 'Rencontre de test',
        statut: 'PROGRAMMEE',
        revision: 1,
        format: 'PRESENTIEL',
        capacite: 30,
        region: { code: 'ARA' },
        club: { id: CLUB_ARA },
        intervenants: [{ nom: 'Marion Canales', role: 'Adjointe au maire', collectivite: { id: 'COMMUNE:63113' } }],
      });
      expect(created.sessions).toEqual([
        {
          ordre: 1,
          debut: created.debut,
          fin: created.fin,
          lienEnLigne: null,
          lieu: { nom: 'Hôtel de ville', commune: { id: 'COMMUNE:69123' } },
        },
      ]);
    });

    it('creates a cycle from sessions, sorted, spanning its first start to its last end', async () => {
      const created = await creer(t, {
        debut: null,
        fin: null,
        format: 'HYBRIDE',
        lienEnLigne: 'https://example.org/visio/cycle',
        sessions: [
          { debut: inDays(60, 8), fin: inDays(60, 10) },
          { debut: inDays(40, 8), fin: inDays(40, 10), lieu: { nom: 'Maison de l’ESS' } },
        ],
      });
      expect(created.sessions.map((s) => s.ordre)).toEqual([1, 2]);
      expect(created.sessions[0]?.lieu?.nom).toBe('Maison de l’ESS');
      expect(created.sessions[1]?.lieu?.nom).toBe('Hôtel de ville');
      expect(created.sessions.every((s) => s.lienEnLigne === 'https://example.org/visio/cycle')).toBe(true);
      expect(Date.parse(created.debut)).toBe(Date.parse(inDays(40, 8)));
      expect(Date.parse(created.fin)).toBe(Date.parse(inDays(60, 10)));
    });

    it.each([
      ['both debut/fin and sessions', { sessions: [{ debut: inDays(5), fin: inDays(5, 10) }] }],
      ['neither debut/fin nor sessions', { debut: null, fin: null }],
      ['fin before debut', { debut: inDays(10, 12), fin: inDays(10, 9) }],
      ['a distanciel one without link', { format: 'DISTANCIEL', lieu: null }],
      ['a présentiel one without place', { lieu: null }],
      ['a hybride one without link', { format: 'HYBRIDE' }],
      ['capacite 0', { capacite: 0 }],
      ['an unknown club', { clubId: UNKNOWN }],
      ['a malformed club id', { clubId: 'ARA' }],
      ['no thématique', { thematiques: [] }],
      ['an empty title', { titre: '   ' }],
      ['a link that is no URL', { format: 'DISTANCIEL', lienEnLigne: 'visio' }],
      ['a malformed commune', { lieu: { nom: 'Salle', communeId: '63113' } }],
      ['a deadline after the end', { dateLimiteInscription: inDays(31) }],
      [
        'an invalid session among valid ones',
        {
          debut: null,
          fin: null,
          sessions: [
            { debut: inDays(5), fin: inDays(5, 10) },
            { debut: inDays(6, 10), fin: inDays(6, 9) },
          ],
        },
      ],
    ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, overrides) => {
      const before = await counts();
      const body = await t.gql(CREER, { input: rencontreInput(overrides) });
      expect(codeOf(body)).toBe('BAD_USER_INPUT');
      expect(body.errors![0]!.message).toEqual(expect.any(String));
      expect(await counts()).toEqual(before);
    });

    it('rolls the whole creation back when a late statement fails (no partial write)', async () => {
      // A trigger makes the last insert of the transaction (the intervenants) fail.
      await t.server.dataSource.query(`
        CREATE OR REPLACE FUNCTION echec_intervenant() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN IF NEW.nom = 'Échec provoqué' THEN RAISE EXCEPTION 'échec provoqué'; END IF; RETURN NEW; END $$`);
      await t.server.dataSource.query(
        'CREATE TRIGGER echec_intervenant BEFORE INSERT ON intervenant FOR EACH ROW EXECUTE FUNCTION echec_intervenant()',
      );
      // The server logs the internal error; keep the test output quiet.
      const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const before = await counts();
        const body = await t.gql(CREER, { input: rencontreInput({ titre: 'Jamais écrite', intervenants: [{ nom: 'Échec provoqué' }] }) });
        expect(codeOf(body)).toBe('INTERNAL_SERVER_ERROR');
        expect(await counts()).toEqual(before);
        const [{ n }] = await t.server.dataSource.query<[{ n: number }]>(
          "SELECT count(*)::int n FROM rencontre WHERE titre = 'Jamais écrite'",
        );
        expect(n).toBe(0);
      } finally {
        quiet.mockRestore();
        await t.server.dataSource.query('DROP TRIGGER echec_intervenant ON intervenant');
      }
    });
  });

  describe('modifierRencontre', () => {
    it('changes descriptive fields without bumping the revision', async () => {
      const r = await creer(t);
      const updated = dataOf(
        await t.gql(MODIFIER, { id: r.id, input: { titre: 'Nouveau titre', nombreParticipants: 12 } }),
      ).modifierRencontre;
      expect(updated).toMatchObject({ titre: 'Nouveau titre', statut: 'PROGRAMMEE', revision: 1, nombreParticipants: 12 });
    });

    it('moving the dates makes it REPORTEE with the former start, and bumps the revision', async () => {
      const r = await creer(t);
      const updated = dataOf(await t.gql(MODIFIER, { id: r.id, input: { debut: inDays(45, 8), fin: inDays(45, 11) } })).modifierRencontre;
      expect(updated).toMatchObject({ statut: 'REPORTEE', revision: 2, debutPrecedent: r.debut });
      expect(Date.parse(updated.debut)).toBe(Date.parse(inDays(45, 8)));
      expect(Date.parse(updated.sessions[0]?.debut ?? '')).toBe(Date.parse(inDays(45, 8)));
    });

    it('switching a présentiel one to distanciel makes it DEPLACEE_EN_LIGNE', async () => {
      const r = await creer(t);
      const updated = dataOf(
        await t.gql(MODIFIER, { id: r.id, input: { format: 'DISTANCIEL', lienEnLigne: 'https://example.org/visio/x', lieu: null } }),
      ).modifierRencontre;
      expect(updated).toMatchObject({ statut: 'DEPLACEE_EN_LIGNE', format: 'DISTANCIEL', revision: 2 });
      expect(updated.sessions[0]).toMatchObject({ lienEnLigne: 'https://example.org/visio/x', lieu: null });
    });

    it('a new place bumps the revision; replacing intervenants does not', async () => {
      const r = await creer(t);
      const moved = dataOf(
        await t.gql(MODIFIER, { id: r.id, input: { lieu: { nom: 'Autre salle', communeId: 'COMMUNE:69123' } } }),
      ).modifierRencontre;
      expect(moved).toMatchObject({
        revision: 2,
        statut: 'PROGRAMMEE',
        sessions: [expect.objectContaining({ lieu: { nom: 'Autre salle' } })],
      });
      const speakers = dataOf(await t.gql(MODIFIER, { id: r.id, input: { intervenants: [{ nom: 'A' }, { nom: 'B' }] } })).modifierRencontre;
      expect(speakers).toMatchObject({ revision: 2, intervenants: [{ nom: 'A' }, { nom: 'B' }] });
    });

    it('replaces the sessions of a cycle: a later added session bumps the revision, a moved start reports it', async () => {
      const cycle = await creer(t, {
        debut: null,
        fin: null,
        sessions: [
          { debut: inDays(20), fin: inDays(20, 11) },
          { debut: inDays(27), fin: inDays(27, 11) },
        ],
      });
      const longer = dataOf(
        await t.gql(MODIFIER, {
          id: cycle.id,
          input: {
            sessions: [
              { debut: inDays(20), fin: inDays(20, 11) },
              { debut: inDays(27), fin: inDays(27, 11) },
              { debut: inDays(34), fin: inDays(34, 11) },
            ],
          },
        }),
      ).modifierRencontre;
      expect(longer).toMatchObject({ statut: 'PROGRAMMEE', revision: 2, debutPrecedent: null });
      expect(longer.sessions).toHaveLength(3);
      expect(longer.sessions[2]?.lieu).toEqual({ nom: 'Hôtel de ville' });
      expect(Date.parse(longer.fin)).toBe(Date.parse(inDays(34, 11)));
      const moved = dataOf(
        await t.gql(MODIFIER, {
          id: cycle.id,
          input: {
            sessions: [
              { debut: inDays(21), fin: inDays(21, 11) },
              { debut: inDays(28), fin: inDays(28, 11) },
            ],
          },
        }),
      ).modifierRencontre;
      expect(moved).toMatchObject({ statut: 'REPORTEE', revision: 3, debutPrecedent: cycle.debut });
      expect(moved.sessions).toHaveLength(2);
    });

    it('refuses a distanciel switch without a link, and debut/fin on a several-session rencontre', async () => {
      const r = await creer(t);
      expect(codeOf(await t.gql(MODIFIER, { id: r.id, input: { format: 'DISTANCIEL' } }))).toBe('BAD_USER_INPUT');
      const cycle = await creer(t, {
        debut: null,
        fin: null,
        sessions: [
          { debut: inDays(20), fin: inDays(20, 11) },
          { debut: inDays(21), fin: inDays(21, 11) },
        ],
      });
      expect(codeOf(await t.gql(MODIFIER, { id: cycle.id, input: { debut: inDays(22) } }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(MODIFIER, { id: r.id, input: { titre: null } }))).toBe('BAD_USER_INPUT');
    });

    it('keeps the capacity above the registrations, and fills or reopens the rencontre', async () => {
      const r = await creer(t, { capacite: 10 });
      for (const n of [1, 2]) dataOf(await t.gql(INSCRIRE, { id: r.id, input: personne(n) }));
      const before = await counts();
      const refused = await t.gql(MODIFIER, { id: r.id, input: { capacite: 1, titre: 'Pas écrit' } });
      expect(codeOf(refused)).toBe('CONFLICT');
      expect(await counts()).toEqual(before);
      const unchanged = dataOf(await t.gql('query($id: ID!) { rencontre(id: $id) { titre capacite } }', { id: r.id })).rencontre;
      expect(unchanged).toEqual({ titre: 'Rencontre de test', capacite: 10 });

      const full = dataOf(await t.gql(MODIFIER, { id: r.id, input: { capacite: 2 } })).modifierRencontre;
      expect(full).toMatchObject({ statut: 'COMPLETE', revision: 2 });
      const reopened = dataOf(await t.gql(MODIFIER, { id: r.id, input: { capacite: null } })).modifierRencontre;
      expect(reopened).toMatchObject({ statut: 'PROGRAMMEE', capacite: null, revision: 3 });
    });

    it('answers NOT_FOUND, BAD_USER_INPUT and CONFLICT (cancelled)', async () => {
      expect(codeOf(await t.gql(MODIFIER, { id: UNKNOWN, input: { titre: 'x' } }))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(MODIFIER, { id: 'nope', input: { titre: 'x' } }))).toBe('BAD_USER_INPUT');
      const r = await creer(t);
      dataOf(await t.gql(ANNULER, { id: r.id, motif: 'Intempéries' }));
      const body = await t.gql(MODIFIER, { id: r.id, input: { titre: 'x' } });
      expect(codeOf(body)).toBe('CONFLICT');
      expect(body.errors![0]!.message).toMatch(/annulée/);
    });
  });

  describe('annulerRencontre', () => {
    it('cancels with its reason, bumps the revision, and refuses a second time', async () => {
      const r = await creer(t);
      const cancelled = dataOf(await t.gql(ANNULER, { id: r.id, motif: '  Salle indisponible ' })).annulerRencontre;
      expect(cancelled).toEqual({ id: r.id, statut: 'ANNULEE', motifAnnulation: 'Salle indisponible', revision: 2 });
      expect(codeOf(await t.gql(ANNULER, { id: r.id, motif: 'encore' }))).toBe('CONFLICT');
      expect(codeOf(await t.gql(ANNULER, { id: UNKNOWN, motif: 'x' }))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(ANNULER, { id: r.id, motif: ' ' }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('inscrire and desinscrire', () => {
    it('registers, fills the last place (COMPLETE), refuses the next one, and reopens on a cancellation', async () => {
      const r = await creer(t, { capacite: 2 });
      const first = dataOf(await t.gql(INSCRIRE, { id: r.id, input: personne(1) })).inscrire;
      expect(first).toMatchObject({
        statut: 'CONFIRMEE',
        email: 'personne1@example.org',
        personne: { prenom: 'Prénom1', nom: 'Nom1' },
        collectivite: { id: 'COMMUNE:69123' },
        rencontre: { id: r.id, statut: 'PROGRAMMEE', nombreInscrits: 1, placesRestantes: 1 },
      });
      const duplicate = await t.gql(INSCRIRE, { id: r.id, input: personne(1, { email: 'PERSONNE1@example.org' }) });
      expect(codeOf(duplicate)).toBe('CONFLICT');

      const second = dataOf(await t.gql(INSCRIRE, { id: r.id, input: personne(2) })).inscrire;
      expect(second.rencontre).toMatchObject({ statut: 'COMPLETE', nombreInscrits: 2, placesRestantes: 0 });
      const revision = dataOf(await t.gql('query($id: ID!) { rencontre(id: $id) { revision } }', { id: r.id })).rencontre.revision;
      expect(revision).toBe(2);

      const third = await t.gql(INSCRIRE, { id: r.id, input: personne(3) });
      expect(codeOf(third)).toBe('CAPACITY_REACHED');
      expect(third.errors![0]!.message).toMatch(/complète/);

      const freed = dataOf(await t.gql(DESINSCRIRE, { id: first.id })).desinscrire;
      expect(freed).toMatchObject({
        statut: 'ANNULEE',
        rencontre: { statut: 'PROGRAMMEE', nombreInscrits: 1, placesRestantes: 1, revision: 3 },
      });
      expect(freed.annuleeLe).toEqual(expect.any(String));
      expect(codeOf(await t.gql(DESINSCRIRE, { id: first.id }))).toBe('CONFLICT');

      // The same person may register again once their registration is cancelled.
      const again = dataOf(await t.gql(INSCRIRE, { id: r.id, input: personne(1) })).inscrire;
      expect(again.rencontre).toMatchObject({ statut: 'COMPLETE', nombreInscrits: 2 });

      const list = dataOf(await t.gql('query($id: ID!) { rencontre(id: $id) { inscriptions { email statut } } }', { id: r.id })).rencontre
        .inscriptions;
      expect(list).toEqual([
        { email: 'personne1@example.org', statut: 'ANNULEE' },
        { email: 'personne2@example.org', statut: 'CONFIRMEE' },
        { email: 'personne1@example.org', statut: 'CONFIRMEE' },
      ]);
    });

    it('refuses a cancelled rencontre, a past one and a closed registration with CONFLICT', async () => {
      const cancelled = await creer(t);
      dataOf(await t.gql(ANNULER, { id: cancelled.id, motif: 'x' }));
      expect(codeOf(await t.gql(INSCRIRE, { id: cancelled.id, input: personne(1) }))).toBe('CONFLICT');

      const past = await creer(t, { debut: inDays(-10, 8), fin: inDays(-10, 10) });
      const pastState = dataOf(await t.gql('query($id: ID!) { rencontre(id: $id) { statut } }', { id: past.id })).rencontre;
      expect(pastState.statut).toBe('PASSEE');
      const pastBody = await t.gql(INSCRIRE, { id: past.id, input: personne(1) });
      expect(codeOf(pastBody)).toBe('CONFLICT');
      expect(pastBody.errors![0]!.message).toMatch(/passée/);

      const closed = await creer(t, { dateLimiteInscription: inDays(-1) });
      const closedBody = await t.gql(INSCRIRE, { id: closed.id, input: personne(1) });
      expect(codeOf(closedBody)).toBe('CONFLICT');
      expect(closedBody.errors![0]!.message).toMatch(/closes/);
    });

    it('validates the person and the ids', async () => {
      const r = await creer(t);
      expect(codeOf(await t.gql(INSCRIRE, { id: r.id, input: personne(1, { email: 'pas-un-email' }) }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(INSCRIRE, { id: r.id, input: personne(1, { prenom: '' }) }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(INSCRIRE, { id: r.id, input: personne(1, { collectiviteId: 'Lyon' }) }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(INSCRIRE, { id: r.id, input: personne(1, { qualite: 'MAIRE' }) }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(INSCRIRE, { id: 'x', input: personne(1) }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(INSCRIRE, { id: UNKNOWN, input: personne(1) }))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(DESINSCRIRE, { id: UNKNOWN }))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(DESINSCRIRE, { id: '42' }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('on a regional instance', () => {
    let bre: TestServer;
    beforeAll(async () => {
      bre = await startTestServer('rencontres_mutations', { region: 'BRE', seed: false });
    });
    afterAll(async () => {
      await bre?.stop();
    });

    it('writes its own région and refuses the others with OUT_OF_REGION', async () => {
      const own = dataOf(await bre.gql(CREER, { input: rencontreInput({ clubId: CLUB_BRE }) })).creerRencontre;
      expect(own.region).toEqual({ code: 'BRE' });

      const before = await counts();
      expect(codeOf(await bre.gql(CREER, { input: rencontreInput() }))).toBe('OUT_OF_REGION');
      const ara = await creer(t);
      expect(codeOf(await bre.gql(MODIFIER, { id: ara.id, input: { titre: 'x' } }))).toBe('OUT_OF_REGION');
      expect(codeOf(await bre.gql(ANNULER, { id: ara.id, motif: 'x' }))).toBe('OUT_OF_REGION');
      expect(codeOf(await bre.gql(INSCRIRE, { id: ara.id, input: personne(1) }))).toBe('OUT_OF_REGION');
      expect((await counts()).r).toBe(before.r + 1); // only the ARA one created through the national instance

      const national = stableUuid('rencontre:test-nationale');
      await t.server.dataSource.query(
        `INSERT INTO rencontre (id, titre, type, format, debut, fin) VALUES ($1, 'Webinaire national', 'WEBINAIRE', 'DISTANCIEL', $2, $3)`,
        [national, inDays(20, 9), inDays(20, 10)],
      );
      expect(dataOf(await bre.gql('query($id: ID!) { rencontre(id: $id) { titre region { code } } }', { id: national })).rencontre).toEqual(
        {
          titre: 'Webinaire national',
          region: null,
        },
      );
      expect(codeOf(await bre.gql(ANNULER, { id: national, motif: 'x' }))).toBe('OUT_OF_REGION');
    });
  });
});
