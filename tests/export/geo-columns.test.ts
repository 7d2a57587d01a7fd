/**
 * The geography columns of the exports: numeric latitude and longitude (Gephi's GeoLayout offers only
 * number-typed columns), the province / region, the coordinate source, and each bipartite edge's
 * great-circle distance — in GEXF (valid against the 1.3 grammar), GraphML and CSV alike.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { writeCsvTables } from '../../src/export/csv.js';
import { writeGraphml } from '../../src/export/graphml.js';
import { gexfFor } from '../../src/export/network-gexf.js';
import { exportNetwork } from '../../src/export/network.js';
import { haversineKm } from '../../src/geo/haversine.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { placesFor } from '../../src/pipeline/geography.js';
import { validateGexf } from './_helpers.js';

const ds = parseSisterCityList(readFileSync('tests/fixtures/german-list.txt', 'utf8'));
const a = analyze(ds, { runs: 1 });
const places = placesFor(ds);

describe('geography columns of the exports', () => {
  it('leaves them out without placements', () => {
    const net = exportNetwork(a, 'bipartite');
    expect(net.nodeColumns.map((c) => c.id)).not.toContain('latitude');
    expect(net.edgeColumns.map((c) => c.id)).not.toContain('distance_km');
  });

  it('writes latitude and longitude as doubles, the region, the source and distance_km on the bipartite edges', () => {
    const net = exportNetwork(a, 'bipartite', 'count', undefined, places);
    const types = Object.fromEntries([...net.nodeColumns, ...net.edgeColumns].map((c) => [c.id, c.type]));
    expect(types).toMatchObject({ latitude: 'double', longitude: 'double', region: 'string', coordinate_source: 'string', distance_km: 'double' });
    const berlin = net.graph.getNodeAttributes('de:berlin');
    expect(berlin).toMatchObject({ latitude: 52.52437, longitude: 13.41053, region: 'State of Berlin', coordinate_source: 'geonames' });
    const paris = net.graph.getNodeAttributes('p:paris-france');
    const km = haversineKm(berlin['latitude'] as number, berlin['longitude'] as number, paris['latitude'] as number, paris['longitude'] as number);
    expect(net.graph.getEdgeAttribute('de:berlin', 'p:paris-france', 'distance_km')).toBeCloseTo(km, 3);
  });

  it('gives the projections the node columns but no distances', () => {
    const net = exportNetwork(a, 'home', 'count', undefined, places);
    expect(net.nodeColumns.map((c) => c.id)).toContain('latitude');
    expect(net.edgeColumns.map((c) => c.id)).not.toContain('distance_km');
  });

  it('writes GEXF valid against the 1.3 grammar, with the columns typed double', async () => {
    const xml = gexfFor(a, 'bipartite', { seed: 42, snapshotDate: null, iterations: 10, places });
    expect(xml).toMatch(/<attribute id="latitude" title="[^"]*" type="double"\/>/);
    expect(xml).toMatch(/<attribute id="distance_km" title="[^"]*" type="double"\/>/);
    expect((await validateGexf(xml)).errors).toEqual([]);
  });

  it('writes the same columns in GraphML and CSV', () => {
    const net = exportNetwork(a, 'bipartite', 'count', undefined, places);
    const graphml = writeGraphml(net.graph, { nodeColumns: net.nodeColumns, edgeColumns: net.edgeColumns, weightKey: net.weightKey });
    expect(graphml).toContain('attr.name="latitude" attr.type="double"');
    expect(graphml).toContain('attr.name="distance_km" attr.type="double"');
    const csv = writeCsvTables(net.graph, { nodeColumns: net.nodeColumns, edgeColumns: net.edgeColumns, weightKey: net.weightKey });
    expect(csv.nodes.split('\n')[0]).toMatch(/,latitude,longitude,region,coordinate_source$/);
    expect(csv.edges.split('\n')[0]).toMatch(/,distance_km$/);
  });
});
