/** The report's GEXF written from an analysis posted as plain data (what the worker gets) is the main thread's, byte for byte. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysisData, analyze } from '../../src/analysis/analyze.js';
import { gexfJobData, runGexfJob } from '../../src/pipeline/gexf-job.js';
import { layoutForceAtlas2 } from '../../src/layout/layout.js';
import { gexfFor } from '../../src/export/network-gexf.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';

describe('GEXF job (the worker side of the report)', () => {
  const text = readFileSync('data/raw/china-sister-cities.txt', 'utf8') + '\n==Z==\nZibo\n- FRA A & B <c> "d", France\n';
  const a = analyze(parseSisterCityList(text), { runs: 2 });
  const options = { seed: 42, snapshotDate: '2026-11-29' };

  it('equals gexfFor on the main thread, through a structured clone and without laying out again', () => {
    const positions = layoutForceAtlas2(a.graph, { seed: 42, iterations: 15 });
    const data = structuredClone(gexfJobData(a)); // what postMessage does
    // Left out: the GEXF does not read them.
    expect(data.dataset.partners).toEqual([]);
    expect(data.sides.partner.projection.u.length).toBe(0);
    expect(data.sides.partner.significance.p.length).toBe(0);
    // Positions moved by a known offset: the job must use the ones it is given, not lay out itself.
    const layout = { positions: new Map([...positions].map(([k, p]) => [k, { x: p.x + 1000, y: p.y }])), iterations: 15 };
    const { bytes } = runGexfJob({ task: 'gexf', data, kind: 'bipartite', layout, gexf: options });
    expect(Buffer.from(bytes).equals(Buffer.from(gexfFor(a, 'bipartite', { ...options, layout }), 'utf8'))).toBe(true);
    expect(Buffer.from(bytes).toString('utf8')).toContain('A &amp; B &lt;c&gt; &quot;d&quot;');
  });

  it('analysisData leaves a graph not yet built unbuilt', () => {
    const fresh = analyze(parseSisterCityList(text), { runs: 1 });
    let built = false;
    const spy = Object.create(fresh) as typeof fresh;
    Object.defineProperty(spy, 'graph', { get: () => { built = true; return fresh.graph; } });
    analysisData(Object.assign(spy, analysisData(fresh)));
    expect(built).toBe(false);
  });
});
