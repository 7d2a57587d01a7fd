import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { UndirectedGraph } from 'graphology';
import { writeCsvTables } from '../../src/export/csv.js';
import { SEED_EDGE_COLUMNS, SEED_NODE_COLUMNS, seedGraph } from './_helpers.js';

describe('writeCsvTables', () => {
  it('rejects a column whose id is one of the fixed headers', () => {
    expect(() => writeCsvTables(new UndirectedGraph(), { nodeColumns: [{ key: 'x', id: 'label', title: 'X', type: 'string' }], edgeColumns: [] })).toThrow(/reserved/);
    expect(() => writeCsvTables(new UndirectedGraph(), { nodeColumns: [], edgeColumns: [{ key: 'x', id: 'Source', title: 'X', type: 'string' }] })).toThrow(/reserved/);
  });

  it('writes Id,Label,… and Source,Target,Type,Weight,… headers', () => {
    const { nodes, edges } = writeCsvTables(seedGraph(), { nodeColumns: SEED_NODE_COLUMNS, edgeColumns: SEED_EDGE_COLUMNS, weightKey: 'weight' });
    expect(nodes.split('\n')[0]).toBe('Id,Label,side,country,degree,share,is_home,ids');
    expect(edges.split('\n')[0]).toBe('Source,Target,Type,Weight,lines');
  });

  it('reads the seed graph back with csv-parse: same ids, labels, values and edges', () => {
    const graph = seedGraph();
    const { nodes, edges } = writeCsvTables(graph, { nodeColumns: SEED_NODE_COLUMNS, edgeColumns: SEED_EDGE_COLUMNS, weightKey: 'weight' });
    const nodeRows = parse(nodes, { columns: true }) as Record<string, string>[];
    expect(nodeRows.map((r) => r.Id)).toEqual(graph.nodes());
    for (const r of nodeRows) {
      const a = graph.getNodeAttributes(r.Id as string);
      expect(r.Label).toBe(a.label);
      expect(Number(r.degree)).toBe(a.degree);
      expect(Number(r.share)).toBe(a.share);
      expect(r.is_home).toBe(String(a.isHome));
      expect(r.ids?.split(';')).toEqual(a.ids);
      expect(r.country).toBe(a.country ?? '');
    }
    const edgeRows = parse(edges, { columns: true }) as Record<string, string>[];
    expect(edgeRows).toHaveLength(graph.size);
    for (const r of edgeRows) {
      const edge = graph.edge(r.Source as string, r.Target as string);
      expect(edge).toBeDefined();
      expect(r.Type).toBe('Undirected');
      expect(Number(r.Weight)).toBe(graph.getEdgeAttribute(edge, 'weight'));
      expect(r.lines).toBe((graph.getEdgeAttribute(edge, 'lines') as number[]).join(';'));
    }
  });

  it('quotes names with commas, quotes and newlines so that they survive a round trip', () => {
    const names = ['Paris, Texas', 'The "Big" Apple', 'line one\nline two', "Xi'an", '西安', 'Модиин', ' padded '];
    const g = new UndirectedGraph();
    names.forEach((label, i) => g.addNode(`k${i}, "${i}"`, { label, note: label }));
    g.addEdge('k0, "0"', 'k2, "2"');
    const { nodes, edges } = writeCsvTables(g, { nodeColumns: [{ key: 'note', id: 'note', title: 'Note', type: 'string' }], edgeColumns: [] });
    expect(nodes).toContain('"Paris, Texas"');
    expect(nodes).toContain('"The ""Big"" Apple"');
    const rows = parse(nodes, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Label)).toEqual(names);
    expect(rows.map((r) => r.note)).toEqual(names);
    expect(rows.map((r) => r.Id)).toEqual(g.nodes());
    expect(parse(edges, { columns: true })).toEqual([{ Source: 'k0, "0"', Target: 'k2, "2"', Type: 'Undirected' }]);
  });

  it('leaves missing values as empty cells', () => {
    const g = new UndirectedGraph();
    g.addNode('a', { label: 'A' }); g.addNode('b', { v: 3 });
    const { nodes } = writeCsvTables(g, { nodeColumns: [{ key: 'v', id: 'v', title: 'V', type: 'integer' }], edgeColumns: [] });
    expect(nodes).toBe('Id,Label,v\na,A,\nb,,3\n');
  });
});
