import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { writeNeo4jTables } from '../../src/export/neo4j.js';
import type { Neo4jOptions } from '../../src/export/neo4j.js';

function pair(): UndirectedGraph {
  const g = new UndirectedGraph();
  g.addNode('cn:a', { label: 'A, the city', degree: 1, side: 'home' });
  g.addNode('p:b', { label: 'B', degree: 1, side: 'partner' });
  g.addEdge('cn:a', 'p:b', { w: 0.25, lines: [3, 7] });
  return g;
}
const OPTIONS: Neo4jOptions = {
  nodeColumns: [{ key: 'degree', id: 'degree', title: 'Degree', type: 'integer' }, { key: 'side', id: 'side', title: 'Side', type: 'string' }],
  edgeColumns: [{ key: 'lines', id: 'lines', title: 'Lines', type: 'liststring' }],
  weightKey: 'w', labels: (_k, a) => ['Place', a['side'] === 'home' ? 'Home' : 'Partner'], relationshipType: 'TWINNED_WITH',
};

describe('writeNeo4jTables', () => {
  it.each<[string, Partial<Neo4jOptions>, string]>([
    ['a relationship type that is not an identifier', { relationshipType: 'TWINNED WITH' }, 'export/neo4j: relationship type "TWINNED WITH" must match'],
    ['a node without a label', { labels: () => [] }, 'export/neo4j: node "cn:a": labels must be one or more identifiers, got []'],
    ['a label with a semicolon', { labels: () => ['A;B'] }, 'export/neo4j: node "cn:a": labels must be one or more identifiers, got ["A;B"]'],
    ['a node column named id', { nodeColumns: [{ key: 'degree', id: 'id', title: 'Id', type: 'integer' }] }, 'column id "id" is reserved here'],
  ])('refuses %s', (_what, override, message) => {
    expect(() => writeNeo4jTables(pair(), { ...OPTIONS, ...override })).toThrow(message);
  });

  it('writes the header files neo4j-admin reads: id:ID, typed properties, :LABEL; :START_ID, :END_ID, :TYPE', () => {
    const t = writeNeo4jTables(pair(), OPTIONS);
    expect(t.nodesHeader).toBe('id:ID,name,degree:int,side:string,:LABEL\n');
    expect(t.relationshipsHeader).toBe(':START_ID,:END_ID,weight:double,lines:string[],:TYPE\n');
  });

  it('writes one row per node and per edge, without a header row, labels and list items joined by ;', () => {
    const t = writeNeo4jTables(pair(), OPTIONS);
    expect(t.nodes).toBe('cn:a,"A, the city",1,home,Place;Home\np:b,B,1,partner,Place;Partner\n');
    expect(t.relationships).toBe('cn:a,p:b,0.25,3;7,TWINNED_WITH\n');
  });
});
