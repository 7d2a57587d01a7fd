import { describe, expect, it } from 'vitest';
import Graph, { UndirectedGraph, DirectedGraph } from 'graphology';
import gexf from 'graphology-gexf';
import { writeGexf } from '../../src/export/gexf.js';
import type { GexfOptions } from '../../src/export/gexf.js';
import { communityPalette } from '../../src/export/palette.js';
import { layoutForceAtlas2 } from '../../src/layout/layout.js';
import type { ColumnSpec } from '../../src/export/columns.js';
import {
  NASTY_COLUMNS, NASTY_LABELS, SEED_EDGE_COLUMNS, SEED_NODE_COLUMNS, nastyGraph, seedGraph, validateGexf,
} from './_helpers.js';

const META = { creator: 'twinnet test', description: 'Sister cities & "twins" <test>', lastModifiedDate: '2024-05-01', keywords: ['sister cities', 'China'] };

function tinyGraph(): UndirectedGraph {
  const g = new UndirectedGraph();
  g.addNode('a', { label: 'A', community: 0 });
  g.addNode('b', { label: 'B', community: 1 });
  g.addEdge('a', 'b');
  return g;
}
const TINY_COLUMNS: ColumnSpec[] = [{ key: 'community', id: 'modularity_class', title: 'Modularity Class', type: 'integer' }];

describe('writeGexf', () => {
  it.each<[string, Partial<GexfOptions>, RegExp]>([
    ['a date that is not YYYY-MM-DD', { meta: { ...META, lastModifiedDate: '2024-02-30' } }, /lastModifiedDate/],
    ['an unknown column type', { nodeColumns: [{ key: 'x', id: 'x', title: 'X', type: 'number' as never }] }, /unknown type/],
    ['a column id that is not an identifier', { nodeColumns: [{ key: 'x', id: 'has space', title: 'X', type: 'string' }] }, /id "has space"/],
    ['two columns with the same id', { nodeColumns: [...TINY_COLUMNS, ...TINY_COLUMNS] }, /duplicate column id/],
    ['a value that does not fit its column type', { nodeColumns: [{ key: 'label', id: 'n', title: 'N', type: 'integer' }] }, /node "a", column "n" \(integer\): expected a 32-bit integer, got "A"/],
    ['a colour channel out of range', { viz: { color: () => ({ r: 256, g: 0, b: 0 }) } }, /channel r/],
  ])('rejects %s', (_name, override, message) => {
    expect(() => writeGexf(tinyGraph(), { nodeColumns: TINY_COLUMNS, edgeColumns: [], meta: META, ...override })).toThrow(message);
  });

  it('declares the given column ids, titles and types in <attributes>, as Gephi names them', () => {
    const xml = writeGexf(tinyGraph(), { nodeColumns: TINY_COLUMNS, edgeColumns: [], meta: META });
    expect(xml).toContain([
      '    <attributes class="node" mode="static">',
      '      <attribute id="modularity_class" title="Modularity Class" type="integer"/>',
      '    </attributes>',
    ].join('\n'));
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">');
    expect(xml).toContain('<graph defaultedgetype="undirected" mode="static">');
    expect(xml).toContain('<meta lastmodifieddate="2024-05-01">');
    expect(xml).toContain('<attvalue for="modularity_class" value="1"/>');
  });

  it('writes the seed graph as valid GEXF 1.3, with a liststring, colours, sizes and positions', async () => {
    const graph = seedGraph();
    const palette = communityPalette(2);
    const position = layoutForceAtlas2(graph, { seed: 7, iterations: 50 });
    const xml = writeGexf(graph, {
      nodeColumns: SEED_NODE_COLUMNS, edgeColumns: SEED_EDGE_COLUMNS, meta: META, weightKey: 'weight',
      viz: {
        color: (_k, a) => palette[a.side === 'home' ? 0 : 1],
        size: (_k, a) => 2 + Math.sqrt(a.degree as number),
        position,
      },
    });
    const result = await validateGexf(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toMatch(/<viz:color r="\d+" g="\d+" b="\d+"\/>/);
    expect(xml).toMatch(/<viz:size value="[\d.]+"\/>/);
    expect(xml).toMatch(/<viz:position x="-?[\d.]+" y="-?[\d.]+" z="0"\/>/);
    expect(xml).toContain('<attribute id="ids" title="Data set ids" type="liststring"/>');
  });

  it('reads the seed graph back with graphology-gexf: same nodes, edges, labels, values and viz', () => {
    const graph = seedGraph();
    const position = layoutForceAtlas2(graph, { seed: 7, iterations: 20 });
    const xml = writeGexf(graph, {
      nodeColumns: SEED_NODE_COLUMNS, edgeColumns: SEED_EDGE_COLUMNS, meta: META, weightKey: 'weight',
      viz: { color: () => ({ r: 1, g: 2, b: 3 }), size: (_k, a) => a.degree as number, position },
    });
    const back = gexf.parse(UndirectedGraph, xml);
    expect(back.nodes()).toEqual(graph.nodes());
    expect(back.size).toBe(graph.size);
    graph.forEachEdge((_e, a, s, t) => {
      const edge = back.edge(s, t);
      expect(edge).toBeDefined();
      expect(back.getEdgeAttribute(edge, 'weight')).toBe(a.weight);
      expect(back.getEdgeAttribute(edge, 'lines')).toEqual((a.lines as number[]).map(String));
    });
    graph.forEachNode((key, a) => {
      const b = back.getNodeAttributes(key);
      expect(b.label).toBe(a.label);
      expect(b.side).toBe(a.side);
      expect(b.degree).toBe(a.degree);
      expect(b.share).toBe(a.share);
      expect(b.is_home).toBe(a.isHome);
      expect(b.ids).toEqual(a.ids);
      if (a.country === null) expect(b).not.toHaveProperty('country');
      else expect(b.country).toBe(a.country);
      expect(b.color).toBe('rgb(1,2,3)');
      expect(b.size).toBe(a.degree);
      expect({ x: b.x ?? 0, y: b.y ?? 0 }).toEqual(position.get(key));
    });
    expect(back.getAttribute('lastModifiedDate')).toBe('2024-05-01');
    expect(back.getAttribute('description')).toBe(META.description);
  });

  it('escapes &, <, >, quotes, apostrophes and keeps Cyrillic and Chinese names, valid and readable back', async () => {
    const graph = nastyGraph();
    const xml = writeGexf(graph, { nodeColumns: NASTY_COLUMNS, edgeColumns: [], meta: META, weightKey: 'weight' });
    const result = await validateGexf(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain('label="A &amp; B &lt;c&gt; &quot;d&quot; \'e\'"');
    expect(xml).toContain('label="西安"');
    const back = gexf.parse(UndirectedGraph, xml);
    graph.forEachNode((key, a) => {
      const b = back.getNodeAttributes(key);
      expect(b.label).toBe(NASTY_LABELS[key]);
      expect(b.aliases).toEqual(a.aliases);
      expect(b.note).toBe(a.note);
      expect(b.rank).toBe(a.rank);
    });
    expect(back.getEdgeAttribute(back.edge('amp', 'xian'), 'weight')).toBe(0.5);
  });

  it('writes list items with separators in GEXF 1.3 list syntax, quoting only where needed', () => {
    const g = new UndirectedGraph();
    g.addNode('n', { tags: ["Xi'an", 'A, B', 'say "hi"', 'line\nbreak', 'plain'] });
    const xml = writeGexf(g, { nodeColumns: [{ key: 'tags', id: 'tags', title: 'Tags', type: 'liststring' }], edgeColumns: [], meta: META });
    expect(xml).toContain('value="[&quot;Xi\'an&quot;, &quot;A, B&quot;, &quot;say \\&quot;hi\\&quot;&quot;, &quot;line\\nbreak&quot;, plain]"');
    // graphology-gexf guesses the graph type from the first edge and ignores defaultedgetype when there is none
    expect(gexf.parse(Graph, xml).getNodeAttribute('n', 'tags')).toEqual(["Xi'an", 'A, B', 'say "hi"', 'line\nbreak', 'plain']);
  });

  it('omits attributes whose value is null, undefined or NaN', () => {
    const g = new UndirectedGraph();
    g.addNode('a', { v: null }); g.addNode('b', { v: Number.NaN }); g.addNode('c', {}); g.addNode('d', { v: 2.5 });
    const xml = writeGexf(g, { nodeColumns: [{ key: 'v', id: 'v', title: 'V', type: 'double' }], edgeColumns: [], meta: META });
    expect(xml.match(/<attvalue /g)).toHaveLength(1);
    expect(xml).toContain('<attvalue for="v" value="2.5"/>');
  });

  it('writes a directed graph with defaultedgetype="directed"', async () => {
    const g = new DirectedGraph();
    g.addNode('a'); g.addNode('b'); g.addEdge('a', 'b');
    const xml = writeGexf(g, { nodeColumns: [], edgeColumns: [], meta: META });
    expect(xml).toContain('defaultedgetype="directed"');
    expect((await validateGexf(xml)).valid).toBe(true);
  });

  it('gives byte-identical output for the same graph and options', () => {
    const options = { nodeColumns: SEED_NODE_COLUMNS, edgeColumns: SEED_EDGE_COLUMNS, meta: META };
    expect(writeGexf(seedGraph(), options)).toBe(writeGexf(seedGraph(), options));
  });
});

describe('the GEXF 1.3 validation itself', () => {
  const valid = writeGexf(tinyGraph(), { nodeColumns: TINY_COLUMNS, edgeColumns: [], meta: META, viz: { size: () => 1 } });

  it.each<[string, (xml: string) => string]>([
    ['a node without its required id', (xml) => xml.replace('<node id="a"', '<node')],
    ['<edges> before <nodes>', (xml) => {
      const edges = /\s*<edges[\s\S]*<\/edges>/.exec(xml)?.[0] ?? '';
      return xml.replace(edges, '').replace(/(\s*)<nodes /, `${edges}$1<nodes `);
    }],
    ['an attribute type GEXF does not know', (xml) => xml.replace('type="integer"', 'type="int"')],
    ['a viz size with a negative value', (xml) => xml.replace('<viz:size value="1"/>', '<viz:size value="-1"/>')],
    ['the GEXF 1.2 namespace', (xml) => xml.replace('xmlns="http://gexf.net/1.3"', 'xmlns="http://www.gexf.net/1.2draft"')],
  ])('fails a file with %s', async (_name, breakIt) => {
    expect((await validateGexf(valid)).valid).toBe(true);
    const broken = breakIt(valid);
    expect(broken).not.toBe(valid);
    const result = await validateGexf(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it('fails xsi:schemaLocation, which the 1.3 RELAX NG grammar does not allow on <gexf>', async () => {
    const xml = writeGexf(tinyGraph(), { nodeColumns: TINY_COLUMNS, edgeColumns: [], meta: META, schemaLocation: true });
    expect(xml).toContain('xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"');
    const result = await validateGexf(xml);
    expect(result.valid).toBe(false);
    expect(result.rawOutput).toMatch(/Invalid attribute schemaLocation/);
  });
});
