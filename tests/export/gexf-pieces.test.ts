/**
 * The GEXF in pieces (`gexfPieces`, `gexfPiecesFor`): the same text as the whole document, made as it
 * is consumed, and written to a file through the atomic writer: the same bytes, or on any failure
 * (an unwritable place, a value the format refuses halfway through) no file and no leftovers.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { gexfPieces, writeGexf } from '../../src/export/gexf.js';
import type { GexfOptions } from '../../src/export/gexf.js';
import { gexfFor, gexfPiecesFor } from '../../src/export/network-gexf.js';
import { writeFilesAtomically } from '../../src/io/atomic-write.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { OutputError } from '../../src/util/errors.js';
import { SEED_EDGE_COLUMNS, SEED_NODE_COLUMNS, seedGraph } from './_helpers.js';

const seed = analyze(parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8')), { runs: 2 });
const OPTIONS = { seed: 42, snapshotDate: '2026-11-29', iterations: 10 };
const META = { creator: 'twinnet', description: 'test', lastModifiedDate: null };

/** The seed graph as writeGexf takes it, with edge weights. */
function seedOptions(): GexfOptions {
  return { nodeColumns: SEED_NODE_COLUMNS, edgeColumns: SEED_EDGE_COLUMNS, meta: META, weightKey: 'weight' };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'twinnet-gexf-pieces-'));

describe('gexfPieces', () => {
  it('checks its options at once, before any piece is asked for', () => {
    expect(() => gexfPieces(seedGraph(), { ...seedOptions(), meta: { ...META, lastModifiedDate: '2026-02-30' } })).toThrow(/lastModifiedDate/);
    expect(() => gexfPieces(seedGraph(), { ...seedOptions(), version: '1.1' as '1.3' })).toThrow(/version must be one of/);
  });

  it('joins to writeGexf\'s document, in several pieces none of which is the whole', () => {
    const graph = seedGraph();
    const pieces = [...gexfPieces(graph, seedOptions())];
    const whole = writeGexf(graph, seedOptions());
    expect(pieces.join('')).toBe(whole);
    expect(pieces.length).toBeGreaterThan(2);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(whole.length / 2);
    expect(whole.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<gexf ')).toBe(true);
    expect(whole.endsWith('</gexf>\n')).toBe(true);
  });

  it('makes the text as it is consumed: a bad value on the last edge throws only when its piece is made', () => {
    const graph = seedGraph();
    graph.setEdgeAttribute(graph.edges().at(-1) as string, 'weight', Number.NaN);
    const pieces = gexfPieces(graph, seedOptions())[Symbol.iterator]();
    expect(pieces.next().value).toMatch(/^<\?xml/);
    expect(() => { while (!pieces.next().done); }).toThrow(/weight "weight" must be a finite number, got NaN/);
  });
});

describe('gexfPiecesFor', () => {
  it.each(['bipartite', 'home', 'partners'] as const)('joins to gexfFor\'s document (%s), for 1.3 and 1.2draft', (kind) => {
    for (const version of ['1.3', '1.2draft'] as const) {
      expect([...gexfPiecesFor(seed, kind, { ...OPTIONS, version })].join('')).toBe(gexfFor(seed, kind, { ...OPTIONS, version }));
    }
  });

  it('written through the atomic writer, gives a file equal to gexfFor\'s document', () => {
    const path = join(tmp(), 'seed.gexf');
    writeFilesAtomically([{ path, content: gexfPiecesFor(seed, 'bipartite', OPTIONS) }]);
    expect(readFileSync(path, 'utf8')).toBe(gexfFor(seed, 'bipartite', OPTIONS));
  });
});

describe('a GEXF written in pieces that fails', () => {
  it('at an unwritable place: a clean OutputError naming the path, and no file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'file'), 'a file, not a folder');
    const path = join(dir, 'file', 'seed.gexf');
    const write = () => writeFilesAtomically([{ path, content: gexfPiecesFor(seed, 'bipartite', OPTIONS) }]);
    expect(write).toThrow(OutputError);
    expect(write).toThrow(/file\/seed\.gexf: cannot write: a file is in the way \(EEXIST\); nothing written/);
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('halfway through (a value the format refuses): no file, no temporary left, the previous file as it was', () => {
    const dir = tmp();
    const path = join(dir, 'seed.gexf');
    writeFileSync(path, 'the previous export');
    const graph = seedGraph();
    graph.setEdgeAttribute(graph.edges().at(-1) as string, 'weight', Number.POSITIVE_INFINITY);
    // Several pieces reach the temporary file before the last edge's throws.
    expect([...gexfPieces(seedGraph(), seedOptions())].length).toBeGreaterThan(2);
    expect(() => writeFilesAtomically([{ path, content: gexfPieces(graph, seedOptions()) }])).toThrow(/must be a finite number, got Infinity/);
    expect(readdirSync(dir)).toEqual(['seed.gexf']);
    expect(readFileSync(path, 'utf8')).toBe('the previous export');
  });
});
