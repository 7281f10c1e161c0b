import { expect } from '@jest/globals';
import { SettingError } from '@federess/config';
import {
  assertWritableRegion,
  belongsToScope,
  parseRegionCode,
  parseRegionSetting,
  readableInScope,
  regionsInScope,
} from '../src/region-scope';

describe('region scope', () => {
  it('accepts region codes in any case and names the valid ones when refusing', () => {
    expect(parseRegionCode('bre')).toBe('BRE');
    expect(() => parseRegionCode('XYZ')).toThrow(/Codes valides : ARA/);
  });

  it('narrows reads to the instance region', () => {
    expect(regionsInScope(undefined, undefined)).toBeUndefined();
    expect(regionsInScope(undefined, ['ara', 'BRE'])).toEqual(['ARA', 'BRE']);
    expect(regionsInScope('ARA', undefined)).toEqual(['ARA']);
    expect(regionsInScope('ARA', ['BRE'])).toEqual([]);
  });

  it('reads national data everywhere, regional data in its région, and the referential in its région only', () => {
    expect([readableInScope(undefined, 'BRE'), readableInScope('ARA', 'ARA'), readableInScope('ARA', null)]).toEqual([true, true, true]);
    expect(readableInScope('ARA', 'BRE')).toBe(false);
    expect([belongsToScope(undefined, null), belongsToScope('ARA', 'ARA')]).toEqual([true, true]);
    expect([belongsToScope('ARA', null), belongsToScope('ARA', 'BRE')]).toEqual([false, false]);
  });

  it('refuses writes elsewhere, national data included, with OUT_OF_REGION', () => {
    expect(() => assertWritableRegion('ARA', 'ARA')).not.toThrow();
    expect(() => assertWritableRegion(undefined, 'BRE')).not.toThrow();
    expect(() => assertWritableRegion(undefined, null)).not.toThrow();
    for (const region of ['BRE', null]) {
      expect(() => assertWritableRegion('ARA', region)).toThrow(
        expect.objectContaining({ extensions: { code: 'OUT_OF_REGION', region, scope: 'ARA' } }),
      );
    }
  });

  it('refuses an unknown FEDERESS_REGION at start-up', () => {
    expect(() => parseRegionSetting('ZZZ')).toThrow(SettingError);
    expect(parseRegionSetting(undefined)).toBeUndefined();
  });
});
