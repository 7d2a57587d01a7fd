/**
 * Placement with the parts of a location a name gives (found by a probe on other countries' lists:
 * Kansas City, Kansas was placed in Missouri, Frankfurt (Oder) at Frankfurt am Main), and the
 * first-level divisions of countries that renumbered them (Vietnam, 2025: Ho Chi Minh City was in
 * "Lạng Sơn Province"). Expected places and coordinates from GeoNames (the ids named below).
 */
import { describe, expect, it } from 'vitest';
import { geocodeDataset } from '../../src/geo/geocode.js';
import { loadGazetteer } from '../../src/geo/load-gazetteer.js';
import { loadPlaceReferences } from '../../src/geo/place-references.js';
import { readList } from '../../src/parse/read-list.js';

const gazetteer = loadGazetteer();
const refs = loadPlaceReferences();
const placed = (text: string, source: string) => {
  const ds = readList(text, { source });
  const r = geocodeDataset(ds, gazetteer, refs);
  return (label: string) => {
    const p = ds.partners.find((x) => `${x.label}, ${x.location.join(', ')}` === label) ?? ds.homes.find((h) => h.name === label);
    if (!p) throw new Error(`no place ${label}`);
    const pl = (r.partners[p.id] ?? r.homes[p.id])!;
    return { id: pl.geonameId, region: pl.admin1?.name ?? null, lat: pl.lat, lon: pl.lon };
  };
};

describe('a partner placed within the division its location names', () => {
  const at = placed([
    '= List of twin towns and sister cities in Japan =', '', '==T==', 'Tokyo', '',
    '- USA Kansas City, Kansas, United States', '- USA Kansas City, Missouri, United States', '- USA Kansas City, KS, United States',
    '- USA Portland, Maine, United States', '- USA Portland, United States', '- USA Springfield, Illinois, United States',
    '- USA Washington, D.C., United States', '- USA Washington, District of Columbia, United States',
    '- GER Frankfurt (Oder), Germany', '- GER Frankfurt, Germany', '- VIE Ho Chi Minh City, Vietnam', '- VIE Hanoi, Vietnam', '',
  ].join('\n'), 'japan.txt');

  it.each([
    ['Kansas City, Kansas, United States', 4273837, 'Kansas'],
    ['Kansas City, Missouri, United States', 4393217, 'Missouri'],
    ['Kansas City, KS, United States', 4273837, 'Kansas'], // a state's postal code is its GeoNames code
    ['Portland, Maine, United States', 4975802, 'Maine'],
    ['Portland, United States', 5746545, 'Oregon'], // no state: the most populous
    ['Springfield, Illinois, United States', 4250542, 'Illinois'],
    ['Frankfurt (Oder), Germany', 2925535, 'Brandenburg'], // the label GeoNames names, before the alias of `Frankfurt`
    ['Frankfurt, Germany', 2925533, 'Hesse'],
    ['Ho Chi Minh City, Vietnam', 1566083, 'Ho Chi Minh City (HCMC)'],
    ['Hanoi, Vietnam', 1581130, 'Hanoi'],
  ])('%s → GeoNames %i in %s', (label, id, region) => {
    expect(at(label)).toMatchObject({ id, region });
  });
  it('places Washington, D.C. (written either way) in the District of Columbia, not at the Washington of Utah', () => {
    for (const label of ['Washington, D.C., United States', 'Washington, District of Columbia, United States']) {
      const p = at(label);
      expect(p.region).toBe('District of Columbia');
      expect(p.lat).toBeCloseTo(38.895, 2); // the White House stands at 38.8977° N, 77.0365° W
      expect(p.lon).toBeCloseTo(-77.036, 2);
    }
  });
  it('reads a table\'s region column the same way', () => {
    const t = placed('city,country,partner,partner_region,partner_country\nBonn,Germany,Portland,Maine,United States\nBonn,Germany,Kansas City,KS,United States\n', 'bonn.csv');
    expect(t('Portland, Maine, United States')).toMatchObject({ id: 4975802, region: 'Maine' });
    expect(t('Kansas City, KS, United States')).toMatchObject({ id: 4273837, region: 'Kansas' });
  });
  it('places a table\'s home in the territory its country cell names, apart from its namesake at home', () => {
    const ds = readList('city,country,partner,partner_country\nSaint-Denis,Réunion,Tianjin,China\nSaint-Denis,France,Bonn,Germany\n', { source: 'fr.csv' });
    expect(ds.homes.map((h) => [h.id, h.territory])).toEqual([['fr:saint-denis-re', 'RE'], ['fr:saint-denis', undefined]]);
    const r = geocodeDataset(ds, gazetteer, refs);
    // Saint-Denis, Réunion lies at 20.9° S 55.5° E (GeoNames 935264); Saint-Denis near Paris at 48.9° N 2.4° E
    expect(r.homes['fr:saint-denis-re']).toMatchObject({ country: 'RE', admin1: { name: 'Réunion' } });
    expect(r.homes['fr:saint-denis-re']?.lat).toBeCloseTo(-20.88, 1);
    expect(r.homes['fr:saint-denis']?.lat).toBeCloseTo(48.94, 1);
  });
  it('places a home header qualified by a state code: Washington, D.C. in a US list', () => {
    const us = placed('= List of twin towns and sister cities in the United States =\n\n==W==\nWashington, D.C.\n\n- FRA Paris, France\n', 'us.txt');
    expect(us('Washington, D.C.')).toMatchObject({ region: 'District of Columbia' });
  });
});
