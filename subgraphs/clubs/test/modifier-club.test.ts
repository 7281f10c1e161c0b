import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { clubIdOfRegion, stableUuid } from '@federess/vocabulaire';
import type { OwnerForTests } from '@federess/subgraph-kit/testing';
import { createServer } from '../src/server';
import { ADMIN, post as send } from '@federess/auth/testing';
import { dataOf } from '@federess/server-kit/testing';
import type { Club } from './graph';
import { demarrerCollectivites, reglages } from './proprietaires';

// Writes need a token since authorisation exists: this file writes as the national admin.
/** As the national admin, who may write every club. */
const post = <TData>(url: string, query: string, variables: Record<string, unknown> = {}) => send<TData>(url, query, variables, ADMIN);

const ARA = clubIdOfRegion('ARA');
const BRE = clubIdOfRegion('BRE');
const org = (slug: string) => stableUuid(`organisation:${slug}`);

const MODIFIER = `mutation($id: ID!, $input: ModifierClubInput!) { modifierClub(id: $id, input: $input) { id nom } }`;
const EVERYTHING = `query($id: ID!) { club(id: $id) {
  nom description frequence modalitesParticipation chiffresParticipation nombreParticipants nombreCollectivites
  anneeChiffres anneeLancement siteWeb exemplesThemes thematiques misAJourLe
  animateurs { id } partenaires { id } contacts { nom role email telephone organisation { id } } collectivitesMembres { id } } }`;

describe('subgraph clubs: modifierClub', () => {
  const databaseUrl = testDatabaseUrl('clubs_modifier');
  let national: SubgraphServer;
  let aura: SubgraphServer;
  let url: string;
  let auraUrl: string;

  const snapshot = async (id: string) => {
    return dataOf(await post<{ club: Club }>(url, EVERYTHING, { id })).club;
  };

  // The collectivites subgraph, which checks the member collectivités a club is given.
  let collectivites: OwnerForTests;
  beforeAll(async () => {
    collectivites = await demarrerCollectivites();
    national = await createServer({ ...reglages(collectivites), databaseUrl });
    url = await national.listen(0);
    aura = await createServer({ ...reglages(collectivites, { FEDERESS_REGION: 'ARA' }), databaseUrl });
    auraUrl = await aura.listen(0);
  });
  afterAll(async () => {
    await aura?.stop();
    await national?.stop();
    await collectivites?.stop();
  });

  it('changes texts, figures and every list of a club in one call', async () => {
    const before = await snapshot(BRE);
    const { data, errors } = await post<{ modifierClub: Club }>(
      url,
      `mutation($id: ID!, $input: ModifierClubInput!) { modifierClub(id: $id, input: $input) {
         nom description nombreParticipants siteWeb thematiques misAJourLe
         animateurs { sigle } partenaires { sigle } contacts { nom email telephone organisation { sigle } } collectivitesMembres { id } } }`,
      {
        id: BRE.toUpperCase(), // ids are case-insensitive
        input: {
          nom: "  Club des collectivités pour l'ESS en Bretagne (2025)  ",
          description: null,
          nombreParticipants: 45,
          siteWeb: 'https://www.ess-bretagne.org/club',
          thematiques: ['ALIMENTATION', 'ALIMENTATION', 'TIERS_LIEUX'],
          animateurIds: [org('cress-bre')],
          partenaireIds: [org('rtes'), org('cnfpt-bretagne')],
          contacts: [
            { nom: 'Floriane Désille', email: 'fdesille@cress-bretagne.org', organisationId: org('cress-bre') },
            { nom: 'Secrétariat', telephone: '+33 2 99 00 00 00', email: '' },
          ],
          collectiviteIds: ['COMMUNE:35238', 'EPCI:243500139', 'COMMUNE:35238'],
        },
      },
    );
    expect(errors).toBeUndefined();
    expect(data?.modifierClub).toMatchObject({
      nom: "Club des collectivités pour l'ESS en Bretagne (2025)",
      description: null,
      nombreParticipants: 45,
      siteWeb: 'https://www.ess-bretagne.org/club',
      thematiques: ['ALIMENTATION', 'TIERS_LIEUX'],
      animateurs: [{ sigle: 'CRESS Bretagne' }],
      partenaires: [{ sigle: 'RTES' }, { sigle: 'CNFPT Bretagne' }],
      contacts: [
        { nom: 'Floriane Désille', email: 'fdesille@cress-bretagne.org', telephone: null, organisation: { sigle: 'CRESS Bretagne' } },
        { nom: 'Secrétariat', email: null, telephone: '+33 2 99 00 00 00', organisation: null },
      ],
      collectivitesMembres: [{ id: 'COMMUNE:35238' }, { id: 'EPCI:243500139' }],
    });
    expect(Date.parse(data?.modifierClub.misAJourLe ?? '')).toBeGreaterThan(Date.parse(before.misAJourLe));
    // What was not in the input is unchanged, and a later read sees the change.
    const after = await snapshot(BRE);
    expect(after.frequence).toBe(before.frequence);
    expect(after.exemplesThemes).toEqual(before.exemplesThemes);
    expect(after.nom).toBe("Club des collectivités pour l'ESS en Bretagne (2025)");
  });

  it('keeps the other list when only animateurs are given', async () => {
    const { errors } = await post(url, MODIFIER, { id: BRE, input: { animateurIds: [org('cress-bre'), org('cnfpt')] } });
    expect(errors).toBeUndefined();
    const after = await snapshot(BRE);
    expect(after.animateurs).toEqual([{ id: org('cress-bre') }, { id: org('cnfpt') }]);
    expect(after.partenaires).toEqual([{ id: org('rtes') }, { id: org('cnfpt-bretagne') }]);
  });

  it.each([
    ['an empty nom', { nom: '   ' }, 'nom'],
    ['a nom too long', { nom: 'x'.repeat(201) }, 'nom'],
    ['a description too long', { description: 'x'.repeat(5001) }, 'description'],
    ['a negative figure', { nombreParticipants: -3 }, 'nombreParticipants'],
    ['a year out of range', { anneeLancement: 1789 }, 'anneeLancement'],
    ['a web address that is none', { siteWeb: 'javascript:alert(1)' }, 'siteWeb'],
    ['a malformed contact email', { contacts: [{ nom: 'Lorène Pastiau', email: 'lpastiau-at-cress-aura.org' }] }, 'contacts[0].email'],
    ['an email with spaces', { contacts: [{ nom: 'A', email: 'a b@c.org' }] }, 'contacts[0].email'],
    ['a malformed phone number', { contacts: [{ nom: 'A', telephone: 'appelez-moi' }] }, 'contacts[0].telephone'],
    ['a contact without a name', { contacts: [{ nom: '' }] }, 'contacts[0].nom'],
    ['too many contacts', { contacts: Array.from({ length: 21 }, (_, i) => ({ nom: `P${i}` })) }, 'contacts'],
    ['a null list', { contacts: null }, 'contacts'],
    ['a malformed organisation id', { animateurIds: ['CRESS AURA'] }, 'animateurIds[0]'],
    ['an organisation both animatrice and partenaire', { animateurIds: [org('rtes')], partenaireIds: [org('rtes')] }, 'partenaireIds'],
    ['a malformed collectivité id', { collectiviteIds: ["COMMUNE:42218'; DROP TABLE club; --"] }, 'collectiviteIds[0]'],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_what, input, champ) => {
    const before = await snapshot(ARA);
    const { data, errors } = await post(url, MODIFIER, { id: ARA, input: { nom: 'Changé', ...input } });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', champ });
    expect(errors?.[0]?.message).toContain(champ);
    expect(await snapshot(ARA)).toEqual(before);
  });

  it('rolls back a change that fails after its first writes', async () => {
    // The CNFPT is a partenaire of the AURA club: making it an animateur too is only detected after
    // the club's columns were updated, inside the transaction.
    const before = await snapshot(ARA);
    const { errors } = await post(url, MODIFIER, { id: ARA, input: { nom: 'Changé', animateurIds: [org('cnfpt')] } });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await snapshot(ARA)).toEqual(before);
  });

  it.each([
    ['a malformed club id', 'ARA', { nom: 'Changé' }, 'BAD_USER_INPUT'],
    ['an id that is no club', '00000000-0000-4000-8000-000000000000', { nom: 'Changé' }, 'NOT_FOUND'],
    ['the club of a région that has none', clubIdOfRegion('IDF'), { nom: 'Changé' }, 'NOT_FOUND'],
    ['an unknown organisation', clubIdOfRegion('ARA'), { partenaireIds: ['00000000-0000-4000-8000-000000000000'] }, 'NOT_FOUND'],
    [
      'an unknown contact organisation',
      clubIdOfRegion('ARA'),
      { contacts: [{ nom: 'A', organisationId: '00000000-0000-4000-8000-000000000001' }] },
      'NOT_FOUND',
    ],
  ])('refuses %s', async (_what, id, input, code) => {
    const before = await snapshot(ARA);
    const { data, errors } = await post(url, MODIFIER, { id, input });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe(code);
    expect(errors?.[0]?.message).not.toMatch(/invalid input|syntax|violates|constraint/i);
    expect(await snapshot(ARA)).toEqual(before);
  });

  it('on a regional instance, writes its own club and refuses the others with OUT_OF_REGION', async () => {
    const own = await post(auraUrl, MODIFIER, { id: ARA, input: { nombreParticipants: 130, anneeChiffres: 2023 } });
    expect(own.errors).toBeUndefined();
    expect((await snapshot(ARA)).nombreParticipants).toBe(130);

    const before = await snapshot(BRE);
    const refused = await post(auraUrl, MODIFIER, { id: BRE, input: { nom: 'Pris par AURA' } });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('OUT_OF_REGION');
    expect(await snapshot(BRE)).toEqual(before);

    // Nor may it give its own club an organisation of another région.
    const foreign = await post(auraUrl, MODIFIER, { id: ARA, input: { partenaireIds: [org('cress-bre')] } });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
