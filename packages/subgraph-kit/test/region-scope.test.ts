import { SettingError } from '@federess/config';
import { assertWritableRegion, parseRegionCode, parseRegionSetting, regionsInScope } from '../src/region-scope';

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

  it('refuses writes elsewhere with OUT_OF_REGION', () => {
    expect(() => assertWritableRegion('ARA', 'ARA')).not.toThrow();
    expect(() => assertWritableRegion(undefined, 'BRE')).not.toThrow();
    try {
      assertWritableRegion('ARA', 'BRE');
      throw new Error('not refused');
    } catch (error) {
      expect((error as { extensions: { code: string } }).extensions.code).toBe('OUT_OF_REGION');
    }
  });

  it('refuses an unknown FEDERESS_REGION at start-up', () => {
    expect(() => parseRegionSetting('ZZZ')).toThrow(SettingError);
    expect(parseRegionSetting(undefined)).toBeUndefined();
  });
});
