/**
 * GEXF 1.3 and 1.2draft: the same graph in either version. No npm package ships the official
 * 1.2draft grammar, so a 1.2draft file is checked as far as the 1.3 RELAX NG grammar can: its static
 * subset has the same elements and attributes in 1.2draft and 1.3, so with the namespaces and the
 * version put back to 1.3 it must validate, and it may use only 1.2draft's attribute types and elements.
 */
import { describe, expect, it } from 'vitest';
import { UndirectedGraph } from 'graphology';
import { GEXF_DIALECTS, writeGexf } from '../../src/export/gexf.js';
import type { GexfOptions } from '../../src/export/gexf.js';
import { SEED_EDGE_COLUMNS, SEED_NODE_COLUMNS, seedGraph, validateGexf } from './_helpers.js';

const META = { creator: 'twinnet test', description: 'two places', lastModifiedDate: '2024-05-01' };

function pair(): UndirectedGraph {
  const g = new UndirectedGraph();
  g.addNode('a', { label: 'A', n: 3, partners: ['x', 'y, z'] });
  g.addNode('b', { label: 'B', n: 1, partners: [] });
  g.addEdge('a', 'b', { w: 0.5 });
  return g;
}
const OPTIONS: GexfOptions = {
  nodeColumns: [
    { key: 'n', id: 'degree', title: 'Degree', type: 'integer' },
    { key: 'partners', id: 'partners', title: 'Partners', type: 'liststring' },
  ],
  edgeColumns: [], meta: META, weightKey: 'w',
  viz: { color: () => ({ r: 1, g: 2, b: 3 }), size: () => 4, position: new Map([['a', { x: 1, y: -1 }], ['b', { x: 0, y: 0 }]]) },
};

/** The 1.2draft types (GEXF 1.2 data.rnc: attrtype-type) and the elements of its static, viz-extended grammar. */
const TYPES_12 = new Set(['integer', 'long', 'double', 'float', 'boolean', 'liststring', 'string', 'anyURI']);
const ELEMENTS_12 = new Set(['gexf', 'meta', 'creator', 'keywords', 'description', 'graph', 'attributes', 'attribute', 'default', 'options',
  'nodes', 'node', 'edges', 'edge', 'attvalues', 'attvalue', 'viz:color', 'viz:size', 'viz:position', 'viz:shape', 'viz:thickness']);

/** A 1.2draft document with 1.3's namespaces and version, for the 1.3 grammar. */
function as13(xml: string): string {
  const d12 = GEXF_DIALECTS['1.2draft'], d13 = GEXF_DIALECTS['1.3'];
  return xml.replace(`xmlns="${d12.ns}" xmlns:viz="${d12.vizNs}" version="1.2"`, `xmlns="${d13.ns}" xmlns:viz="${d13.vizNs}" version="1.3"`);
}

describe('writeGexf versions', () => {
  it('refuses a version it does not write, naming the ones it does', () => {
    expect(() => writeGexf(pair(), { ...OPTIONS, version: '1.1draft' as never })).toThrow('export/gexf: version must be one of 1.3, 1.2draft, got "1.1draft"');
  });

  it('writes 1.3 by default, byte for byte as when asked for 1.3', () => {
    const xml = writeGexf(pair(), OPTIONS);
    expect(xml).toBe(writeGexf(pair(), { ...OPTIONS, version: '1.3' }));
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">');
    expect(xml).toContain('<attvalue for="partners" value="[x, &quot;y, z&quot;]"/>');
  });

  it('writes 1.2draft with its namespaces, version 1.2 and lists joined by | (an empty list as an empty value), the rest unchanged', () => {
    const xml12 = writeGexf(pair(), { ...OPTIONS, version: '1.2draft' });
    expect(xml12.split('\n')[1]).toBe('<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">');
    expect(xml12).toContain('<attvalue for="partners" value="x|y, z"/>');
    expect(xml12).toContain('<viz:color r="1" g="2" b="3"/>');
    expect(xml12).toContain('<edge id="0" source="a" target="b" weight="0.5"/>');
    // everything but the root element and the list values is the same as in 1.3 (an empty list: `[]` there, empty here)
    const xml13 = writeGexf(pair(), OPTIONS);
    const differing = xml12.split('\n').filter((line, i) => line !== xml13.split('\n')[i]);
    expect(differing).toEqual([
      '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">',
      '          <attvalue for="partners" value="x|y, z"/>',
      '          <attvalue for="partners" value=""/>',
    ]);
  });

  it('writes the schema location of the version asked for', () => {
    const xml = writeGexf(pair(), { ...OPTIONS, version: '1.2draft', schemaLocation: true });
    expect(xml).toContain('xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd"');
  });

  it('writes the seed graph as 1.2draft that the 1.3 grammar accepts once renamed, with 1.2draft types and elements only', async () => {
    const xml = writeGexf(seedGraph(), { nodeColumns: SEED_NODE_COLUMNS, edgeColumns: SEED_EDGE_COLUMNS, meta: META, weightKey: 'weight', version: '1.2draft' });
    const result = await validateGexf(as13(xml));
    expect(result.valid, result.errors.map((e) => e.message).join('\n')).toBe(true);
    const types = new Set([...xml.matchAll(/<attribute id="[^"]*" title="[^"]*" type="([^"]*)"/g)].map((m) => m[1]));
    expect([...types].filter((t) => !TYPES_12.has(t as string))).toEqual([]);
    const elements = new Set([...xml.matchAll(/<([a-z:]+)[\s/>]/g)].map((m) => m[1] as string));
    expect([...elements].filter((e) => !ELEMENTS_12.has(e))).toEqual([]);
  });
});
