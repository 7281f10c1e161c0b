import { expect } from '@jest/globals';
import { clubIdOfRegion } from '@federess/vocabulaire';
import { boundedInt, boundedList, email, httpUrl, optionalText, requiredText } from '../src/input-checks';
import { isUuid, parseClubId, parseCollectiviteId, parseKnownClubId, parseUuid } from '../src/ids';

/** The refusal every check gives: BAD_USER_INPUT naming the field, first in the message and in `extensions.champ`. */
const refusedFor = (champ: string) =>
  expect.objectContaining({
    message: expect.stringMatching(new RegExp(`^${champ.replace(/[[\]]/g, '\\$&')} : `)),
    extensions: { code: 'BAD_USER_INPUT', champ },
  });

describe('ids from clients', () => {
  it('reads UUIDs in any case, trimmed, and names the field of a malformed one', () => {
    const id = clubIdOfRegion('ARA');
    expect(isUuid(id.toUpperCase())).toBe(true);
    expect(parseUuid(` ${id.toUpperCase()} `, 'id')).toBe(id);
    expect(() => parseUuid('pas-un-uuid', 'filtre.rencontres[0]', 'de rencontre')).toThrow(refusedFor('filtre.rencontres[0]'));
  });

  it("reads a club id with its région, and refuses one that is no région's club when a club must be known", () => {
    expect(parseClubId(clubIdOfRegion('BRE'), 'clubId')).toEqual({ id: clubIdOfRegion('BRE'), regionCode: 'BRE' });
    const stranger = '00000000-0000-4000-8000-000000000000';
    expect(parseClubId(stranger, 'clubId').regionCode).toBeUndefined();
    expect(() => parseKnownClubId(stranger, 'clubId')).toThrow(refusedFor('clubId'));
  });

  it('reads collectivité keys of every kind', () => {
    expect(parseCollectiviteId(' COMMUNE:63113 ', 'collectiviteId')).toBe('COMMUNE:63113');
    expect(parseCollectiviteId('EPCI:200046977', 'x')).toBe('EPCI:200046977');
    expect(() => parseCollectiviteId('VILLE:1', 'collectivitesCitees[2]')).toThrow(refusedFor('collectivitesCitees[2]'));
  });
});

describe('the checks of written values', () => {
  it('trims texts, bounds them, and tells required from optional', () => {
    expect(requiredText('  Titre ', 'titre', 10)).toBe('Titre');
    expect(() => requiredText('   ', 'titre', 10)).toThrow(refusedFor('titre'));
    expect(() => requiredText('x'.repeat(11), 'titre', 10)).toThrow(refusedFor('titre'));
    expect([optionalText(null, 'resume', 10), optionalText(undefined, 'resume', 10), optionalText(' ', 'resume', 10)]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('accepts http(s) addresses only', () => {
    expect(httpUrl(' https://example.org/a ', 'lien', 100)).toBe('https://example.org/a');
    expect(httpUrl('', 'lien', 100)).toBeNull();
    expect(() => httpUrl('javascript:alert(1)', 'lien', 100)).toThrow(refusedFor('lien'));
    expect(() => httpUrl('pas une adresse', 'siteWeb', 100)).toThrow(refusedFor('siteWeb'));
  });

  it('checks e-mail addresses with one pattern', () => {
    expect(email(' Anne@Example.org ', 'email')).toBe('Anne@Example.org');
    for (const bad of ['anne', 'anne@example', 'anne@@example.org', 'anne@example..org', 'an ne@example.org']) {
      expect(() => email(bad, 'contacts[0].email')).toThrow(refusedFor('contacts[0].email'));
    }
  });

  it('bounds integers and lists, lists without repeats', () => {
    expect(boundedInt(null, 'capacite', 1, 10)).toBeNull();
    expect(boundedInt(10, 'capacite', 1, 10)).toBe(10);
    for (const bad of [0, 11, 1.5]) expect(() => boundedInt(bad, 'capacite', 1, 10)).toThrow(refusedFor('capacite'));
    expect(boundedList(['a', 'b', 'a'], 'regions', 3)).toEqual(['a', 'b']);
    expect(() => boundedList(['a', 'b', 'c', 'd'], 'regions', 3)).toThrow(refusedFor('regions'));
  });
});
