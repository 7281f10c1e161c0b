import { findRegion, REGIONS, regionFromInsee } from '../src/regions';

describe('régions', () => {
  it('lists the 18 régions with unique codes', () => {
    expect(REGIONS).toHaveLength(18);
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(18);
    expect(new Set(REGIONS.map((r) => r.codeInsee)).size).toBe(18);
  });

  it('finds a région by code, whatever the case, and by INSEE code', () => {
    expect(findRegion('ara')?.nom).toBe('Auvergne-Rhône-Alpes');
    expect(regionFromInsee('53')?.code).toBe('BRE');
    expect(findRegion('XYZ')).toBeUndefined();
  });
});
