import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { barberLouvain } from '../../../src/analysis/communities/barber-louvain.js';
import { barberModularity } from '../../../src/analysis/communities/barber-modularity.js';
import { brim } from '../../../src/analysis/communities/brim.js';
import { buildBipartiteGraph } from '../../../src/graph/build-bipartite.js';
import { buildBipartiteIndex } from '../../../src/graph/bipartite-index.js';
import { parseSisterCityList } from '../../../src/parse/parse-list.js';
import { createRng } from '../../../src/util/rng.js';
import { blocks, indexOf } from './helpers.js';

describe('barberLouvain', () => {
  it('rejects a graph without edges', () => {
    expect(() => barberLouvain(indexOf(['a'], ['x'], []), { rng: createRng(1) })).toThrow(/analysis\/barber-louvain: the graph has no edges \(m = 0/);
  });

  it('finds the two K_{3,3} blocks with Q = 2·(9/18 − 81/324) = 1/2, for every seed from 1 to 20', () => {
    const index = blocks([[3, 3], [3, 3]]);
    for (let seed = 1; seed <= 20; seed++) {
      const r = barberLouvain(index, { rng: createRng(seed) });
      expect(r.modularity).toBe(1 / 2);
      expect([...r.home, ...r.partner]).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1]);
    }
  });

  it('returns identical output for the same seed and reports the Q of its membership', () => {
    const index = blocks([[2, 3], [3, 2], [4, 4], [1, 2]]);
    const a = barberLouvain(index, { rng: createRng(9) });
    expect(barberLouvain(index, { rng: createRng(9) })).toEqual(a);
    expect(a.modularity).toBe(barberModularity(index, a));
    // Four disjoint blocks with m = 6 + 6 + 16 + 2 = 30: Q = Σ (e_c/30 − e_c²/900) = 1 − (36+36+256+4)/900 = 568/900.
    expect(a.modularity).toBe((30 * 30 - 332) / 900);
  });

  it('beats BRIM on the seed data set, and BRIM refining its result never lowers Q', () => {
    const ds = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));
    const index = buildBipartiteIndex(buildBipartiteGraph(ds));
    const louvain = barberLouvain(index, { rng: createRng(1) });
    expect(louvain.modularity).toBe(barberModularity(index, louvain));
    expect(louvain.modularity).toBeGreaterThan(brim(index, { rng: createRng(1) }).modularity);
    const refined = brim(index, { rng: createRng(1), restarts: 0, initial: louvain });
    expect(refined.modularity).toBeGreaterThanOrEqual(louvain.modularity);
  });
});
