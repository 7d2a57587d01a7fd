/**
 * The notebooks in notebooks/ run headlessly (scripts/run-notebooks.sh: Deno's Jupyter kernel for the
 * TypeScript ones, Debian's python3 for the Python one, executed by Debian's python3-nbclient) and show
 * what they claim; the runner fails, naming the notebook and the cell, when a cell throws.
 *
 * They are committed executed, so that a reader on the web sees the results, and CI checks they are
 * current as it does for the reports: each is executed afresh and its outputs must equal the committed
 * ones (`npm run notebooks` re-executes them in place). The runner writes outputs in a stable form
 * (scripts/run-notebooks.py `stable`), so the comparison normalises only notebook-level metadata (kernel
 * and language versions) and how nbformat splits text into lines.
 *
 * Needs `npm run setup:system` (Jupyter, pandas, NetworkX) and `npm run build` (dist/) — missing either
 * is a failure with that message, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNNER = join(ROOT, 'scripts', 'run-notebooks.sh');
const NOTEBOOKS = ['01-tour.ipynb', '02-shared-partners.ipynb', '03-communities-gephi.ipynb', '04-python-networkx.ipynb'];
const PYTHON = new Set(['04-python-networkx.ipynb']);
const REGENERATE = 'run `npm run notebooks` and commit';
/** Every notebook in notebooks/ (the runner executes them all). */
const COMMITTED = readdirSync(join(ROOT, 'notebooks')).filter((f) => f.endsWith('.ipynb')).sort();

interface Output { output_type: string; text?: string | string[]; data?: Record<string, string | string[]>; ename?: string; evalue?: string }
interface Cell { cell_type: string; id?: string; source: string | string[]; outputs?: Output[]; execution_count?: number | null; metadata?: Record<string, unknown> }
interface Notebook { cells: Cell[]; metadata: { kernelspec?: { name: string; language: string } } }

const joinText = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join('') : (t ?? ''));
const readNotebook = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Notebook;
/** Everything a reader sees of a cell's outputs: streams, plain text and Markdown. */
const outputText = (cell: Cell) => (cell.outputs ?? []).map((o) =>
  o.output_type === 'stream' ? joinText(o.text)
    : o.output_type === 'error' ? `${o.ename}: ${o.evalue}`
      : `${joinText(o.data?.['text/plain'])}\n${joinText(o.data?.['text/markdown'])}`).join('\n');
const allOutput = (nb: Notebook) => nb.cells.map(outputText).join('\n');
const FIGURE_TYPES = ['image/svg+xml', 'image/png'];
const figures = (nb: Notebook) => nb.cells.flatMap((c) => (c.outputs ?? []).filter((o) => FIGURE_TYPES.some((t) => o.data?.[t])));

/** A cell as a reader sees it: source, execution count and outputs, with text joined (nbformat splits it into lines as it likes). */
function comparable(cell: Cell) {
  const join = (v: unknown) => (Array.isArray(v) ? v.join('') : v);
  const { execution: _, ...metadata } = cell.metadata ?? {};
  return {
    cell_type: cell.cell_type, id: cell.id, source: join(cell.source), metadata,
    execution_count: cell.execution_count ?? null,
    outputs: (cell.outputs ?? []).map((o) => ({
      ...o, ...(o.text !== undefined && { text: join(o.text) }),
      ...(o.data && { data: Object.fromEntries(Object.entries(o.data).map(([k, v]) => [k, join(v)])) }),
    })),
  };
}

/** How `fresh` differs from `committed`, one line per cell ('' when they are the same). */
export function staleness(name: string, committed: Notebook, fresh: Notebook): string {
  const a = committed.cells.map(comparable), b = fresh.cells.map(comparable);
  const lines: string[] = [];
  if (a.length !== b.length) lines.push(`${name}: ${a.length} cells committed, ${b.length} executed`);
  a.forEach((cell, i) => {
    const other = b[i];
    if (other && JSON.stringify(cell) !== JSON.stringify(other)) {
      const what = cell.source !== other.source ? 'source' : cell.execution_count !== other.execution_count ? 'execution count' : 'outputs';
      lines.push(`${name}: cell ${i + 1} (id ${cell.id}): ${what} differ`);
    }
  });
  return lines.join('\n');
}

function runNotebooks(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('bash', [RUNNER, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 600_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

const tmp = mkdtempSync(join(tmpdir(), 'twinnet-notebooks-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('prerequisites', () => {
  it('has Jupyter (nbclient), pandas and NetworkX for /usr/bin/python3 — else run `npm run setup:system`', () => {
    const r = spawnSync('/usr/bin/python3', ['-c', 'import nbclient, nbformat, jupyter_client, ipykernel, pandas, networkx'], { encoding: 'utf8' });
    expect(r.status, `Jupyter or a Python package is missing: run \`npm run setup:system\` (installs jupyter-nbconvert python3-nbclient python3-ipykernel python3-pandas python3-networkx)\n${r.error?.message ?? r.stderr}`).toBe(0);
  });
  it('has the compiled library — else run `npm run build`', () => {
    expect(existsSync(join(ROOT, 'dist', 'src', 'index.js')), 'dist/src/index.js is missing: run `npm run build` (npm test does)').toBe(true);
  });
});

describe('committed notebooks', () => {
  it('include the four notebooks, the TypeScript ones on the Deno kernel and the Python one on python3', () => {
    expect(COMMITTED).toEqual(expect.arrayContaining(NOTEBOOKS));
    for (const name of COMMITTED) {
      const nb = readNotebook(join(ROOT, 'notebooks', name));
      expect(nb.metadata.kernelspec, name).toMatchObject(PYTHON.has(name) ? { name: 'python3', language: 'python' } : { name: 'deno', language: 'typescript' });
      expect(nb.cells.filter((c) => c.cell_type === 'markdown').length, `${name}: prose`).toBeGreaterThanOrEqual(5);
    }
  });

  it.each(COMMITTED)('%s is committed executed, every code cell in order, without an error', (name) => {
    const nb = readNotebook(join(ROOT, 'notebooks', name));
    const code = nb.cells.filter((c) => c.cell_type === 'code');
    expect(code.map((c) => c.execution_count ?? null), `${name} is not executed in order: ${REGENERATE}`).toEqual(code.map((_, i) => i + 1));
    expect(code.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === 'error'), name).toEqual([]);
  });

  it.each(COMMITTED)('%s shows at least one figure (SVG or PNG)', (name) => {
    expect(figures(readNotebook(join(ROOT, 'notebooks', name))).length, `${name} has no figure`).toBeGreaterThanOrEqual(1);
  });

  it.each(COMMITTED)('%s has no temporary path, timing or date in its outputs', (name) => {
    const nb = readNotebook(join(ROOT, 'notebooks', name));
    const text = nb.cells.flatMap((c) => (c.outputs ?? []).map((o) => JSON.stringify(o))).join('\n');
    for (const dir of new Set([tmpdir(), '/tmp/', ROOT])) expect(text, `${name} shows a path under ${dir}`).not.toContain(dir);
    expect(text, `${name} shows a date`).not.toMatch(/\b20\d\d-[01]\d-[0-3]\d/);
    expect(text, `${name} shows a timing`).not.toMatch(/\b\d+(\.\d+)? ?ms\b|\b\d+\.\d+ ?s\b/);
    expect(nb.cells.filter((c) => c.metadata?.['execution']), `${name} carries execution timings: ${REGENERATE}`).toEqual([]);
  });

  it('a changed output or source is reported with the notebook and the cell', () => {
    const nb = readNotebook(join(ROOT, 'notebooks', NOTEBOOKS[0] as string));
    const i = nb.cells.findIndex((c) => (c.outputs ?? []).length > 0);
    const changed = structuredClone(nb);
    (changed.cells[i]?.outputs as Output[]).push({ output_type: 'stream', text: 'one more line\n' });
    expect(staleness('x.ipynb', nb, structuredClone(nb))).toBe('');
    expect(staleness('x.ipynb', nb, changed)).toBe(`x.ipynb: cell ${i + 1} (id ${nb.cells[i]?.id}): outputs differ`);
  });
});

describe('executed notebooks', () => {
  const out = join(tmp, 'executed');
  const gephi = join(tmp, 'gephi');
  let run: ReturnType<typeof runNotebooks>;
  const executed = (name: string) => readNotebook(join(out, name));

  beforeAll(() => {
    run = runNotebooks(['--out', out], { TWINNET_GEPHI_DIR: gephi });
  }, 600_000);

  it('are current: executed afresh, every cell and output is the committed one', () => {
    const stale = COMMITTED.map((name) => staleness(`notebooks/${name}`, readNotebook(join(ROOT, 'notebooks', name)), executed(name))).filter(Boolean);
    expect(stale.join('\n'), `the committed notebooks are not what the code gives now: ${REGENERATE}`).toBe('');
  });

  it('all run without error', () => {
    expect(run.status, `run-notebooks failed (status ${run.status}):\n${run.stderr}\n${run.stdout}`).toBe(0);
    for (const name of COMMITTED) {
      const nb = executed(name);
      for (const [i, cell] of nb.cells.entries()) {
        if (cell.cell_type !== 'code') continue;
        expect(cell.execution_count, `${name} cell ${i + 1} did not run`).toEqual(expect.any(Number));
        expect(cell.outputs?.filter((o) => o.output_type === 'error'), `${name} cell ${i + 1}`).toEqual([]);
        // every code cell but the imports shows something (a lost output would be silent otherwise)
        if (i > 1) expect(outputText(cell).trim(), `${name} cell ${i + 1} has no output`).not.toBe('');
      }
    }
  });

  it('01-tour shows the counts, the diagnostics and the centralities', () => {
    const text = allOutput(executed('01-tour.ipynb'));
    expect(text).toContain('164 Chinese entries, 1407 links, 1204 distinct foreign partners');
    expect(text).toContain('129 country names as written, 128 sovereign states');
    expect(text).toMatch(/unparsed\s+0/);
    expect(text).toContain('"Bengbu" and "Huainan" have identical partner lists (5 partners each)');
    expect(text).toContain('missing-code');
    expect(text).toMatch(/largest component \(nodes\)\s+1062/);
    expect(text).toMatch(/home: mean 8\.58, median 5, max 66/);
    expect(text).toMatch(/\|\s*1\s*\|\s*Chengdu\s*\|/); // betweenness rank 1 (Markdown table)
    expect(text).toMatch(/Shanghai\s+66/);
  });

  it('02-shared-partners finds Bengbu / Huainan and checks the p-value and the corrections by hand', () => {
    const text = allOutput(executed('02-shared-partners.ipynb'));
    expect(text).toContain('Bengbu and Huainan share 5 partners: Barra Mansa, Brazil; Bergamo, Italy; Settsu, Japan; Szolnok, Hungary; Tameside, England, United Kingdom');
    expect(text).toContain('C(1204, 5) = 20909304600240');
    const rel = Number(/relative difference: (\S+)/.exec(text)?.[1]);
    expect(rel).toBeLessThan(1e-9);
    const diff = Number(/largest difference hand vs library over all 241 linked pairs: (\S+)/.exec(text)?.[1]);
    expect(diff).toBeLessThan(1e-12);
    expect(text).toContain('home side, holm: 1 pair(s) in the backbone');
    expect(text).toContain('partner side, holm: 0 pair(s) in the backbone');
    expect(text).toMatch(/Bengbu – Huainan\s+5\s+5, 5\s+1\s+4\.78e-14/);
  });

  it('03-communities-gephi reports communities and stability and writes GEXF files Gephi can read', () => {
    const text = allOutput(executed('03-communities-gephi.ipynb'));
    expect(text).toMatch(/best of 10 runs: seed \d+, Q = 0\.\d{4}, \d+ communities/);
    expect(text).toContain('mean ARI');
    expect(text).toMatch(/best seed \d+, Q = 0\.\d{4}, \d+ communities/);
    expect(text).toContain('modularity_class');
    for (const kind of ['bipartite', 'home']) {
      const file = join(gephi, `china-sister-cities-${kind}.gexf`);
      expect(text).toContain(`china-sister-cities-${kind}.gexf`);
      const xml = readFileSync(file, 'utf8');
      expect(xml.startsWith('<?xml')).toBe(true);
      expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3"');
      expect(xml).toContain('id="modularity_class"');
    }
  });

  it('04-python-networkx reads the CSVs, the GraphML and the report JSON, and NetworkX agrees with twinnet', () => {
    const text = allOutput(executed('04-python-networkx.ipynb'));
    expect(text).toContain('164 Chinese entries, 1407 links, 1204 foreign partners');
    expect(text).toMatch(/1368 nodes \(164 home\), 1407 edges, bipartite: True/);
    const diff = Number(/degree centrality, NetworkX vs twinnet, 1368 nodes: largest difference (\S+)/.exec(text)?.[1]);
    expect(diff).toBeLessThan(1e-9);
    expect(text).toMatch(/\d+ linked pairs of Chinese cities, the same in NetworkX and twinnet, with the same shared counts/);
    expect(text).toContain('Bengbu – Huainan');
  });
});

describe('the runner', () => {
  it('fails on a failing cell, naming the notebook and the cell, and skips the rest', () => {
    const dir = join(tmp, 'failing');
    const path = join(tmp, 'broken-example.ipynb');
    const code = (id: string, source: string) => ({ cell_type: 'code', id, metadata: {}, execution_count: null, outputs: [], source });
    writeFileSync(path, JSON.stringify({
      nbformat: 4, nbformat_minor: 5,
      metadata: { kernelspec: { name: 'deno', display_name: 'Deno', language: 'typescript' } },
      cells: [
        { cell_type: 'markdown', id: 'intro', metadata: {}, source: 'A notebook whose second code cell throws.' },
        code('fine', "console.log('first cell ran')"),
        code('bad', "const x: number = 1;\nthrow new Error('deliberate failure ' + x)"),
        code('never', "console.log('must not run')"),
      ],
    }));
    const r = runNotebooks(['--out', dir, path]);
    expect(r.status, r.stderr + r.stdout).toBe(1);
    expect(r.stderr).toContain('broken-example.ipynb: cell 3 (code cell 2, id bad) failed: Error: deliberate failure 1');
    const nb = readNotebook(join(dir, 'broken-example.ipynb'));
    expect(outputText(nb.cells[1] as Cell)).toContain('first cell ran');
    expect(outputText(nb.cells[3] as Cell)).not.toContain('must not run');
  }, 300_000);

  it('keeps every output, also what Deno publishes after reporting the cell idle', () => {
    const path = join(tmp, 'many-outputs.ipynb');
    const cells = Array.from({ length: 12 }, (_, i) => ({
      cell_type: 'code', id: `c${i}`, metadata: {}, execution_count: null, outputs: [],
      source: `console.log('log ${i}');\n${i} * 1000 + 7`,
    }));
    writeFileSync(path, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'deno', display_name: 'Deno', language: 'typescript' } }, cells }));
    const dir = join(tmp, 'many');
    const r = runNotebooks(['--out', dir, path]);
    expect(r.status, r.stderr).toBe(0);
    const nb = readNotebook(join(dir, 'many-outputs.ipynb'));
    nb.cells.forEach((cell, i) => {
      expect(outputText(cell), `cell ${i + 1}`).toContain(`log ${i}`);
      expect(outputText(cell), `cell ${i + 1}`).toContain(String(i * 1000 + 7));
    });
  }, 300_000);

  it('refuses a notebook that does not exist', () => {
    const r = runNotebooks(['--out', join(tmp, 'none'), join(tmp, 'missing.ipynb')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no such notebook');
  });
});
