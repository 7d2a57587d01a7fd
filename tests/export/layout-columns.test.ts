import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { LAYOUT_COLUMNS, rgbToHex, withLayoutColumns } from '../../src/export/layout-columns.js';
import { writeCsvTables } from '../../src/export/csv.js';
import { writeGraphml } from '../../src/export/graphml.js';
import type { ExportNetwork } from '../../src/export/network.js';

function net(nodeColumns: ExportNetwork['nodeColumns'] = [{ key: 'degree', id: 'degree', title: 'Degree', type: 'integer' }]): ExportNetwork {
  const graph = new UndirectedGraph();
  graph.addNode('a', { label: 'A', degree: 1 });
  graph.addNode('b', { label: 'B', degree: 1 });
  graph.addEdge('a', 'b');
  return {
    kind: 'bipartite', graph, nodeColumns, edgeColumns: [], weightKey: null, timeformat: null, description: '',
    color: (key) => (key === 'a' ? { r: 243, g: 195, b: 0 } : { r: 0, g: 103, b: 165 }),
    size: (key) => (key === 'a' ? 8 : 4.5),
  };
}
const positions = new Map([['a', { x: 1.5, y: -2 }]]);

describe('withLayoutColumns', () => {
  it('refuses a network that has a column of the same name already', () => {
    expect(() => withLayoutColumns(net([{ key: 'x', id: 'x', title: 'X', type: 'double' }]), positions))
      .toThrow('export/layout-columns: the network already has column(s) x');
  });

  it('writes #rrggbb in lower case, two digits a channel', () => {
    expect(rgbToHex({ r: 243, g: 195, b: 0 })).toBe('#f3c300');
    expect(rgbToHex({ r: 0, g: 10, b: 255 })).toBe('#000aff');
  });

  it('adds position, size and colour to every node of a copy, leaving the network as it was', () => {
    const original = net();
    const drawn = withLayoutColumns(original, positions);
    expect(drawn.graph.getNodeAttributes('a')).toEqual({ label: 'A', degree: 1, x: 1.5, y: -2, size: 8, r: 243, g: 195, b: 0, color: '#f3c300' });
    expect(drawn.graph.getNodeAttributes('b')).toMatchObject({ x: null, y: null, size: 4.5, color: '#0067a5' });
    expect(drawn.nodeColumns.map((c) => c.id)).toEqual(['degree', 'x', 'y', 'size', 'r', 'g', 'b', 'color']);
    expect(original.graph.getNodeAttributes('a')).toEqual({ label: 'A', degree: 1 });
    expect(original.nodeColumns).toHaveLength(1);
  });

  it('gives CSV the columns x, y, size, r, g, b, color, empty where a node has no position', () => {
    const drawn = withLayoutColumns(net(), positions);
    const { nodes } = writeCsvTables(drawn.graph, { nodeColumns: drawn.nodeColumns, edgeColumns: [] });
    expect(nodes).toBe('Id,Label,degree,x,y,size,r,g,b,color\na,A,1,1.5,-2,8,243,195,0,#f3c300\nb,B,1,,,4.5,0,103,165,#0067a5\n');
  });

  it('gives GraphML typed keys x, y (double), r, g, b (int) and color (string)', () => {
    const drawn = withLayoutColumns(net(), positions);
    const xml = writeGraphml(drawn.graph, { nodeColumns: drawn.nodeColumns, edgeColumns: [] });
    for (const c of LAYOUT_COLUMNS) expect(xml).toContain(`<key id="${c.id}" for="node" attr.name="${c.id}" attr.type="${{ double: 'double', integer: 'int', string: 'string' }[c.type as 'double']}">`);
    expect(xml).toContain('<data key="x">1.5</data>');
    expect(xml).toContain('<data key="color">#f3c300</data>');
  });
});
