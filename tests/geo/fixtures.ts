/** A hand-made gazetteer for the geo tests: a few real GeoNames records, rounded. */
import { buildGazetteerIndex, memoryReader, openGazetteer, type Gazetteer, type GazetteerPlace } from '../../src/geo/gazetteer.js';
import type { Dataset, HomeEntry, Partner } from '../../src/parse/types.js';

const P = (geonameId: number, name: string, country: string, admin1: string, admin2: string, featureCode: string, population: number, lat: number, lon: number): GazetteerPlace =>
  ({ geonameId, name, country, admin1, admin2, featureCode, population, lat, lon });

export const PLACES: GazetteerPlace[] = [
  P(2063523, 'Perth', 'AU', '08', '', 'PPLA', 1896548, -31.95, 115.86),
  P(2153391, 'Perth', 'AU', '06', '', 'PPL', 2907, -41.57, 147.17),
  P(2640358, 'Perth', 'GB', 'SCT', '', 'PPLA2', 47180, 56.40, -3.43),
  P(2643743, 'London', 'GB', 'ENG', '', 'PPLC', 7556900, 51.51, -0.13),
  P(6058560, 'London', 'CA', '08', '', 'PPL', 346765, 42.98, -81.23),
  P(935264, 'Saint-Denis', 'RE', 'RE', '', 'PPLC', 137195, -20.88, 55.45),
  P(2980916, 'Saint-Denis', 'FR', '11', '', 'PPLA3', 96128, 48.94, 2.35),
  P(1835848, 'Seoul', 'KR', '11', '', 'PPLC', 10349312, 37.57, 126.98),
  P(1842485, 'Goyang-si', 'KR', '13', '', 'PPL', 1073069, 37.66, 126.84),
  P(2803138, 'Antwerpen', 'BE', 'VLG', 'VAN', 'PPL', 459805, 51.22, 4.40),
  P(2796153, 'Mechelen', 'BE', 'VLG', 'VAN', 'PPLA3', 86000, 51.03, 4.48),
  P(1886760, 'Suzhou', 'CN', '04', '3205', 'PPLA2', 5345961, 31.30, 120.60),
  P(1793743, 'Suzhou', 'CN', '01', '3413', 'PPL', 205130, 33.64, 116.98),
  P(2886242, 'Köln', 'DE', '07', '053', 'PPLA2', 963395, 50.93, 6.95),
  // Alternate names as GeoNames lists them (a few of Munich's; `Munich` itself is among them).
  { ...P(2867714, 'Munich', 'DE', '02', '091', 'PPLA', 1260391, 48.14, 11.58), alternateNames: ['München', 'Monaco di Baviera', 'Munich'] },
];

export const AREAS = [
  { code: 'AU.08', name: 'Western Australia' },
  { code: 'GB.SCT', name: 'Scotland' },
  { code: 'GB.ENG', name: 'England' },
  { code: 'KR.11', name: 'Seoul' },
  { code: 'BE.VLG', name: 'Flanders' },
  { code: 'BE.VLG.VAN', name: 'Provincie Antwerpen' },
  { code: 'CN.04', name: 'Jiangsu' },
  { code: 'CN.01', name: 'Anhui' },
  { code: 'FR.11', name: 'Île-de-France' },
];

export function tinyGazetteer(): Gazetteer {
  return openGazetteer(memoryReader(buildGazetteerIndex({ source: 'test fixture (GeoNames, CC BY 4.0)', places: PLACES, areas: AREAS })));
}

export function partner(id: string, name: string, country: string | null, more: Partial<Partner> = {}): Partner {
  return {
    id, label: name, name, qualifier: null, location: [], countryWritten: country ?? '?', country, territory: null, subdivision: null,
    homeIds: [], lines: [], ...more,
  };
}

export function homeEntry(id: string, city: string, more: Partial<HomeEntry> = {}): HomeEntry {
  return { id, name: city, city, qualifier: null, kind: 'city', district: null, parentId: null, section: null, line: 1, partnerIds: [], ...more };
}

export function dataset(home: string, homes: HomeEntry[], partners: Partner[]): Dataset {
  return {
    format: 'twinnet-dataset', version: 1,
    source: { path: '<text>', sha256: '', bytes: 0, lines: 0, lineEnding: 'LF', bom: false },
    title: null, intro: [],
    lineKinds: { title: 0, intro: 0, section: 0, 'home-header': 0, partner: 0, blank: 0, unparsed: 0 },
    home, homes, partners, links: [], countries: [], diagnostics: [],
  };
}
