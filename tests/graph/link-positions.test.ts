/**
 * The bipartite index built from the link positions the parser recorded equals the one built by
 * looking every id up — on the data set as parsed, and after the data set was changed in ways that
 * make the recorded positions wrong (they must then be ignored).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bipartiteNodes } from '../../src/graph/build-bipartite.js';
import { buildBipartiteIndexFromDataset, linkPartnerPositions } from '../../src/graph/bipartite-index.js';
import { parsedLinkPositions } from '../../src/parse/link-positions.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { generateList } from '../../src/synth/generate.js';
import type { Dataset } from '../../src/parse/types.js';

const seedText = readFileSync('data/raw/china-sister-cities.txt', 'utf8');
const parse = () => parseSisterCityList(seedText);
/** The same data set without recorded positions (every id looked up). */
const plain = (ds: Dataset): Dataset => JSON.parse(JSON.stringify(ds)) as Dataset;
const indexOf = (ds: Dataset, districts: 'separate' | 'merge' = 'separate') => buildBipartiteIndexFromDataset(ds, bipartiteNodes(ds, { districts }));

describe('link positions recorded by the parser', () => {
  it('are recorded for a parsed list, and point at each link\'s home entry and partner', () => {
    const ds = parse();
    const at = parsedLinkPositions(ds);
    expect(at).not.toBeNull();
    ds.links.forEach((l, k) => {
      expect(ds.homes[at!.home[k]!]!.id).toBe(l.homeId);
      expect(ds.partners[at!.partner[k]!]!.id).toBe(l.partnerId);
    });
    expect(parsedLinkPositions(plain(ds))).toBeNull();
  });

  it.each(['separate', 'merge'] as const)('give the index of the lookups by id (districts %s)', (districts) => {
    for (const ds of [parse(), parseSisterCityList(generateList({ scale: 3, seed: 9 }).text)]) {
      expect(indexOf(ds, districts)).toEqual(indexOf(plain(ds), districts));
    }
  });

  it('are ignored once the data set no longer matches them', () => {
    const changes: ((ds: Dataset) => void)[] = [
      (ds) => { ds.links[3]!.partnerId = ds.partners[7]!.id; },
      (ds) => { ds.links[5]!.homeId = ds.homes[9]!.id; },
      (ds) => { ds.links.splice(10, 2); },
      (ds) => { ds.links.reverse(); },
      (ds) => { ds.partners.reverse(); },
      (ds) => { ds.partners.push({ ...ds.partners[0]! }); }, // a repeated id: the last one counts
      (ds) => { ds.partners[0]!.id = ds.partners[1]!.id; },
      (ds) => { ds.homes.reverse(); },
    ];
    for (const change of changes) {
      const ds = parse();
      change(ds);
      const outcome = (d: Dataset) => { try { return indexOf(d); } catch (e) { return (e as Error).message; } };
      expect(outcome(ds)).toEqual(outcome(plain(ds)));
    }
  });

  it('a link to an unknown id is still refused', () => {
    const ds = parse();
    ds.links[0]!.partnerId = 'p:nowhere';
    expect(() => indexOf(ds)).toThrow(/unknown ids/);
  });

  it('give each link\'s partner node as a lookup by id does, also once changed, and −1 for no node', () => {
    /** What a Map of every node key gives (the last position of a repeated key). */
    const byLookup = (ds: Dataset, keys: string[]) => {
      const at = new Map(keys.map((k, j) => [k, j]));
      return Int32Array.from(ds.links, (l) => at.get(l.partnerId) ?? -1);
    };
    const changes: ((ds: Dataset) => void)[] = [
      () => {},
      (ds) => { ds.links[3]!.partnerId = ds.partners[7]!.id; },
      (ds) => { ds.links.reverse(); },
      (ds) => { ds.partners.reverse(); },
      (ds) => { ds.partners.push({ ...ds.partners[0]! }); },
      (ds) => { ds.links[0]!.partnerId = 'p:nowhere'; },
    ];
    for (const change of changes) {
      const ds = parse();
      change(ds);
      const keys = ds.partners.map((p) => p.id);
      expect(linkPartnerPositions(ds, keys)).toEqual(byLookup(ds, keys));
      expect(linkPartnerPositions(plain(ds), keys)).toEqual(byLookup(ds, keys));
    }
    const ds = parse();
    expect(linkPartnerPositions(ds, ds.partners.map((p) => p.id))).toEqual(parsedLinkPositions(ds)!.partner);
  });
});
