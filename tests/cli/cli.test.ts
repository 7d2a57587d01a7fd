/** The `twinnet` command as a user meets it: compiled JavaScript, run in a child process. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = 'dist/twinnet.mjs';
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const runEnv = (env: Record<string, string>, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
const tmp = () => mkdtempSync(join(tmpdir(), 'twinnet-cli-'));
const GERMAN = 'tests/fixtures/german-list.txt';

describe('twinnet parse', () => {
  it('prints a one-screen summary of the default list and writes the data set', () => {
    const out = tmp();
    const r = run('parse', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Chinese entries: 164 (15 districts)');
    expect(r.stdout).toContain('links: 1407');
    expect(r.stdout).toContain('countries: 129 as written → 128 sovereign states');
    expect(r.stdout.split('\n').length).toBeLessThan(40);
    expect(readdirSync(out).sort()).toEqual(['countries.csv', 'dataset.json', 'diagnostics.csv', 'links.csv', 'places.csv', 'table.csv']);
    const ds = JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8')) as { links: unknown[] };
    expect(ds.links).toHaveLength(1407);
    expect(readFileSync(join(out, 'links.csv'), 'utf8').trim().split('\n')).toHaveLength(1408);
  });
  it('prints JSON with --json', () => {
    const r = run('parse', '--out', tmp(), '--json');
    expect(JSON.parse(r.stdout).summary.partners).toBe(1204);
  });
  it.each([
    ['a missing file', (d: string) => join(d, 'missing.txt'), /missing\.txt: no such file/],
    ['an empty file', (d: string) => { const f = join(d, 'empty.txt'); writeFileSync(f, ''); return f; }, /empty\.txt: file is empty/],
    ['a binary file', (d: string) => { const f = join(d, 'x.bin'); writeFileSync(f, Buffer.from([1, 2, 0, 3])); return f; }, /x\.bin:1: binary/],
    ['a CSV file', (d: string) => { const f = join(d, 'x.csv'); writeFileSync(f, 'a,b\n1,2\n'); return f; }, /x\.csv:1: not a sister-city list/],
  ])('refuses %s with exit code 2, a message naming the file, and no output', (_w, make, message) => {
    const d = tmp(), out = join(d, 'out');
    const r = run('parse', make(d), '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
  it('refuses to report on a list without links: exit code 2, the file named, no traceback, no output', () => {
    const d = tmp(), out = join(d, 'out'), f = join(d, 'nolinks.txt');
    writeFileSync(f, '==A==\nAnqing\n');
    const r = run('report', f, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nolinks\.txt: no links to analyse/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
  it('parses a CRLF file with a byte-order mark like the original', () => {
    const d = tmp();
    const f = join(d, 'crlf.txt');
    writeFileSync(f, `\uFEFF${readFileSync('data/raw/china-sister-cities.txt', 'utf8').replace(/\n/g, '\r\n')}`);
    const r = run('parse', f, '--out', join(d, 'out'), '--json');
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout).summary;
    expect([s.homes, s.links, s.partners, s.source.bom, s.source.lineEnding]).toEqual([164, 1407, 1204, true, 'CRLF']);
  });
  it('reports a bad option with exit code 1', () => {
    const r = run('report', '--seed', 'abc');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--seed must be an integer/);
  });
  it.each([
    ['an unknown option', ['export', '--bogus'], "error: unknown option '--bogus'", '(twinnet export --help lists its options)'],
    ['a bad option value', ['report', '--seed', 'abc'], 'error: option \'--seed <n>\' argument \'abc\' is invalid. --seed must be an integer from 0 to 4,294,967,295, got "abc"', '(twinnet report --help lists its options)'],
    ['an unknown command', ['frob'], "error: unknown command 'frob'", '(twinnet --help lists the commands)'],
  ])('answers %s with the one-line error and where the help is, not the whole help', (_w, args, error, hint) => {
    const r = run(...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${error}\n${hint}\n`);
  });
  it.each([
    [['report', '--runs', '5000'], '--runs must be an integer from 1 to 1,000, got "5000"'],
    [['report', '--null-samples', '1e12'], '--null-samples must be an integer from 0 to 1,000,000, got "1e12"'],
    [['export', '--layout-iterations', '1000000'], '--layout-iterations must be an integer from 1 to 100,000, got "1000000"'],
    // seed + run − 1 past 2⁵³ was an internal error with a stack trace
    [['report', '--seed', '9007199254740991'], '--seed must be an integer from 0 to 4,294,967,295, got "9007199254740991"'],
    [['generate', '--scale', '1e9', '--out', 'x.txt'], '--scale must be a positive number up to 2,000, got "1e9"'],
    [['report', '--resolution', '1e308'], '--resolution must be a positive number up to 1,000, got "1e308"'],
    // numbers in decimal only: Number() reads '' as 0, '0x10' as 16 and '1e3' as 1000
    [['report', '--seed', ''], '--seed must be an integer from 0 to 4,294,967,295, got ""'],
    [['report', '--seed', '0x10'], '--seed must be an integer from 0 to 4,294,967,295, got "0x10"'],
    [['report', '--runs', '1e1'], '--runs must be an integer from 1 to 1,000, got "1e1"'],
    [['report', '--alpha', '0x0'], '--alpha must be a number between 0 and 1 (exclusive), got "0x0"'],
    [['report', '--resolution', 'Infinity'], '--resolution must be a positive number, got "Infinity"'],
  ])('refuses %j: work beyond any use, or no number, at once (exit 1)', (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
  });
  it('exports one file to standard output with --out -, the bytes of the file, and refuses it for several files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twinnet-stdout-'));
    const toStdout = spawnSync(process.execPath, [BIN, 'export', '--format', 'graphml', '--out', '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(toStdout.status).toBe(0);
    expect(run('export', '--format', 'graphml', '--out', join(dir, 'g.graphml')).status).toBe(0);
    expect(toStdout.stdout).toBe(readFileSync(join(dir, 'g.graphml'), 'utf8'));
    expect(existsSync('-')).toBe(false);
    const csv = run('export', '--format', 'csv', '--out', '-');
    expect(csv.status).toBe(1);
    expect(csv.stderr).toContain('--out - (or /dev/stdout) writes one file to standard output, and csv is several files: give a path');
  });
  it('writes a generated list to standard output with generate --out -, the bytes of the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twinnet-generate-'));
    const toStdout = spawnSync(process.execPath, [BIN, 'generate', '--scale', '0.5', '--seed', '7', '--out', '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(toStdout.status).toBe(0);
    expect(run('generate', '--scale', '0.5', '--seed', '7', '--out', join(dir, 'g.txt')).status).toBe(0);
    expect(toStdout.stdout).toBe(readFileSync(join(dir, 'g.txt'), 'utf8'));
    expect(existsSync('-')).toBe(false);
  });
  it('states the layout default export really uses (100 iterations) in export --help', () => {
    const help = run('export', '--help').stdout.replace(/\s+/g, ' ');
    expect(help).toContain('default 100, fewer above 1,500 nodes');
  });
});

describe('twinnet report', () => {
  it('writes byte-identical files for the same input and seed, with the layout in a worker or not', () => {
    const a = tmp(), b = tmp();
    expect(run('report', '--out', a, '--runs', '2', '--layout-iterations', '20').status).toBe(0);
    expect(runEnv({ TWINNET_WORKERS: '0' }, 'report', '--out', b, '--runs', '2', '--layout-iterations', '20').status).toBe(0);
    const files = readdirSync(a).sort();
    // The geography too: the map and the distance null model (seeded with the run's seed).
    expect(files).toEqual(expect.arrayContaining(['china-sister-cities.md', 'china-sister-cities.json', 'china-sister-cities.gexf', 'china-sister-cities-degree.svg', 'china-sister-cities-map.svg']));
    expect(JSON.parse(readFileSync(join(a, 'china-sister-cities.json'), 'utf8')).geography.nullModel.samples).toBe(1000);
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });
  it('switches the distance null model off with --null-samples 0, and records it', () => {
    const d = tmp();
    expect(run('report', '--out', d, '--runs', '1', '--layout-iterations', '5', '--null-samples', '0', '--quiet').status).toBe(0);
    const r = JSON.parse(readFileSync(join(d, 'china-sister-cities.json'), 'utf8'));
    expect([r.parameters.nullSamples, r.geography.nullModel]).toEqual([0, null]);
    expect(readFileSync(join(d, 'china-sister-cities.md'), 'utf8')).toContain('Not tested: Distance null model switched off (--null-samples 0).');
  });
  it('leaves the previous report intact when the input is bad', () => {
    const d = tmp();
    writeFileSync(join(d, 'china-sister-cities.md'), 'previous');
    const bad = join(d, 'bad.txt');
    writeFileSync(bad, 'not a list\n');
    expect(run('report', bad, '--out', d).status).toBe(2);
    expect(readFileSync(join(d, 'china-sister-cities.md'), 'utf8')).toBe('previous');
    expect(readdirSync(d).sort()).toEqual(['bad.txt', 'china-sister-cities.md']);
  });
});

describe('questions from the command line', () => {
  it('answers shared with the five partners of Bengbu and Huainan', () => {
    const r = run('shared', 'bengbu', 'HUAINAN');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('share 5');
    expect(r.stdout).toContain('Szolnok, Hungary');
    const j = JSON.parse(run('shared', 'Bengbu', 'Huainan', '--json').stdout);
    expect(j.count).toBe(5);
  });
  it('answers similar, listing Huainan first for Bengbu', () => {
    const r = run('similar', 'bengbu', '--top', '3', '--json');
    expect(JSON.parse(r.stdout).similar[0].labelB).toBe('Huainan');
    const byP = run('similar', 'bengbu', '--by', 'pvalue');
    expect(byP.stdout).toMatch(/ranked by the hypergeometric p-value \(smallest first\)/);
    expect(byP.stdout).toMatch(/Huainan/);
  });
  it("answers partners and city with forgiving names (xian → Xi'an)", () => {
    const r = run('partners', 'xian');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Xi'an [Chinese place] at 34.25833, 108.92861 (Shaanxi; geonames) has 35 partner(s)");
    expect(run('city', 'xian').stdout).toContain('betweenness (bipartite)');
  });
  it('shows coordinates, provinces and distances, and sorts partners by distance with --by distance', () => {
    const j = JSON.parse(run('partners', 'bengbu', '--by', 'distance', '--json').stdout) as { place: { region: string }; partners: { distanceKm: number | null }[] };
    expect(j.place.region).toBe('Anhui');
    const km = j.partners.map((p) => p.distanceKm);
    expect(km).toHaveLength(5);
    expect(km.every((d) => d !== null)).toBe(true);
    expect([...km].sort((x, y) => (x as number) - (y as number))).toEqual(km);
    expect(run('city', 'bengbu').stdout).toMatch(/at 32\.\d+, 117\.\d+ \(Anhui; geonames\); partners [\d,]+ km away \(median/);
  });
  it('gives in city the communities the report gives (found by a cross-check: one seed gave others, with other ids)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twinnet-city-'));
    const list = join(dir, 'g.txt');
    expect(run('generate', '--scale', '1', '--seed', '7', '--out', list).status).toBe(0);
    expect(run('report', list, '--out', dir, '--quiet').status).toBe(0);
    const nodes = (JSON.parse(readFileSync(join(dir, 'g.json'), 'utf8')) as { nodes: { key: string; community: number | null; bipartiteCommunity: number | null }[] }).nodes;
    for (const key of ['cn:aiao', 'p:viranus-canada', 'cn:aishuijian']) {
      const city = JSON.parse(run('city', key, '--input', list, '--json').stdout) as { community: number | null; bipartiteCommunity: number | null };
      const node = nodes.find((n) => n.key === key);
      expect([city.community, city.bipartiteCommunity]).toEqual([node?.community, node?.bipartiteCommunity]);
    }
  });
  it('lists candidates and exits non-zero for an unknown or ambiguous name', () => {
    const unknown = run('partners', 'Bengbuu');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no place called "Bengbuu".*\n\s+Bengbu/s);
    const ambiguous = run('partners', 'perth');
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toMatch(/ambiguous/);
  });
});

describe('twinnet export', () => {
  it.each(['gexf', 'graphml', 'json'])('writes %s for the Chinese projection', (format) => {
    const out = join(tmp(), `x.${format}`);
    const r = run('export', '--to', format, '--graph', 'home', '--out', out, '--runs', '1', '--layout-iterations', '10');
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Huainan');
  });
  it('writes the Neo4j import files: typed headers, a row per place (164 + 1,204) and per link (1,407), and the command that loads them', () => {
    const d = tmp();
    const r = run('export', '--format', 'neo4j', '--out', join(d, 'net'), '--runs', '1', '--layout-iterations', '10');
    expect(r.status).toBe(0);
    expect(readdirSync(d).sort()).toEqual(['net-nodes-header.csv', 'net-nodes.csv', 'net-relationships-header.csv', 'net-relationships.csv']);
    const nodesHeader = readFileSync(join(d, 'net-nodes-header.csv'), 'utf8').trim().split(',');
    expect(nodesHeader.slice(0, 3)).toEqual(['id:ID', 'name', 'side:string']);
    expect(nodesHeader).toEqual(expect.arrayContaining(['degree:int', 'pageranks:double', 'modularity_class:int', 'x:double', 'color:string', 'latitude:double', 'longitude:double']));
    expect(nodesHeader.at(-1)).toBe(':LABEL');
    expect(readFileSync(join(d, 'net-relationships-header.csv'), 'utf8')).toBe(':START_ID,:END_ID,lines:string[],distance_km:double,:TYPE\n');
    const rows = (f: string) => readFileSync(join(d, f), 'utf8').trimEnd().split('\n');
    expect(rows('net-nodes.csv')).toHaveLength(164 + 1204);
    expect(rows('net-relationships.csv')).toHaveLength(1407);
    expect(rows('net-nodes.csv').find((l) => l.startsWith('cn:bengbu,Bengbu,home,'))).toMatch(/,Place;Home$/);
    expect(r.stdout).toContain(`neo4j-admin database import full --nodes=${join(d, 'net-nodes-header.csv')},${join(d, 'net-nodes.csv')} --relationships=`);
  });
  it('keeps the layout and colours in GraphML and CSV (x, y, r, g, b, color)', () => {
    const d = tmp();
    expect(run('export', '--to', 'csv', '--out', join(d, 'net.csv'), '--runs', '1', '--layout-iterations', '10').status).toBe(0);
    expect(readFileSync(join(d, 'net-nodes.csv'), 'utf8').split('\n')[0]).toMatch(/,x,y,size,r,g,b,color$/);
    expect(run('export', '--to', 'graphml', '--out', join(d, 'net.graphml'), '--runs', '1', '--layout-iterations', '10').status).toBe(0);
    expect(readFileSync(join(d, 'net.graphml'), 'utf8')).toMatch(/<data key="x">-?\d/);
  });
  it('writes CSV nodes and edges files', () => {
    const d = tmp();
    const r = run('export', '--to', 'csv', '--graph', 'bipartite', '--out', join(d, 'net.csv'), '--runs', '1');
    expect(r.status).toBe(0);
    expect(readdirSync(d).sort()).toEqual(['net-edges.csv', 'net-nodes.csv']);
    expect(readFileSync(join(d, 'net-nodes.csv'), 'utf8').split('\n')[0]).toMatch(/^Id,Label,side,country/);
  });
});

describe('twinnet generate and --version', () => {
  it('writes a synthetic list that parses with every line accounted for', () => {
    const d = tmp(), f = join(d, 'synth.txt');
    const r = run('generate', '--scale', '2', '--seed', '7', '--out', f);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/2814 links \(seed 7\)/);
    const p = JSON.parse(run('parse', f, '--out', join(d, 'out'), '--json').stdout).summary;
    expect(p.links).toBe(2814);
    expect(p.lineKinds.unparsed).toBe(0);
  });
  it('prints the version', () => {
    const r = run('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});

describe('output into a closed pipe', () => {
  it('stops quietly when the reader goes away (twinnet … | head -1)', () => {
    const r = spawnSync('bash', ['-c', `node ${BIN} partners shanghai | head -1`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toContain('Shanghai');
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
  });
});

describe('errors a user meets', () => {
  const bad = () => {
    const d = tmp(), f = join(d, 'bad.txt');
    writeFileSync(f, '==A==\nAnqing\n- JPN Ibaraki, Japan\nThis is prose, not a place: it ends.\n');
    return { d, f };
  };
  it('names the file and line of an unreadable line on stderr, and still writes the data set', () => {
    const { d, f } = bad();
    const r = run('parse', f, '--out', join(d, 'out'));
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/bad\.txt:4: error unparsed-line/);
    expect(existsSync(join(d, 'out', 'dataset.json'))).toBe(true);
  });
  it('refuses such a list with --strict: exit 2, nothing written', () => {
    const { d, f } = bad();
    const r = run('parse', f, '--out', join(d, 'out'), '--strict');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.txt:4: 1 error\(s\) in the list \(--strict\): nothing written/);
    expect(existsSync(join(d, 'out'))).toBe(false);
    // and so does export (it had no --strict)
    const x = run('export', f, '--out', join(d, 'g.gexf'), '--strict');
    expect(x.status).toBe(2);
    expect(x.stderr).toMatch(/bad\.txt:4: 1 error\(s\) in the list \(--strict\): nothing written/);
    expect(existsSync(join(d, 'g.gexf'))).toBe(false);
  });
  it.each([['2'], ['1'], ['0'], ['abc']])('rejects --alpha %s with exit 1 and a plain message', (alpha) => {
    const r = run('report', '--alpha', alpha, '--out', tmp());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--alpha must be a number between 0 and 1/);
    expect(r.stderr).not.toMatch(/internal error/);
  });
  it('takes an output format in export --format, as --to, and the graph name china as home', () => {
    const d = tmp();
    const r = run('export', '--format', 'graphml', '--graph', 'china', '--out', join(d, 'x.graphml'), '--runs', '1');
    expect(r.status).toBe(0);
    const graphml = readFileSync(join(d, 'x.graphml'), 'utf8');
    expect(graphml).toContain('<graphml');
    expect(graphml).toContain('id="cn:bengbu"');
    expect(graphml).not.toContain('id="p:');
  });
  it('refuses two different output formats in --format and --to with exit 1', () => {
    const r = run('export', '--format', 'gexf', '--to', 'csv', '--out', join(tmp(), 'x'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--format gexf and --to csv name two output formats/);
  });
  it('tells a user who ranks similar with --weight to use --by', () => {
    const r = run('similar', 'bengbu', '--weight', 'jaccard');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/similar ranks with --by jaccard\|count\|newman\|cosine\|overlap\|pvalue/);
  });
  it('refuses an unknown input format as a bad request (exit 1), naming the known ones; takes a known one in any case', () => {
    const r = run('parse', GERMAN, '--format', 'excel', '--out', tmp());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--format excel: unknown input format \(known: auto, wikipedia-list, table, sparql-json\)/);
    expect(run('parse', GERMAN, '--format', 'Wikipedia-List', '--out', tmp()).status).toBe(0);
  });
  it.each([['XX'], ['Germany']])('refuses --home %s with exit 1', (home) => {
    const r = run('parse', GERMAN, '--home', home, '--out', tmp());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is not an ISO 3166-1 alpha-2 or alpha-3 code/);
  });
});

describe('input formats and home countries', () => {
  it('reads a German list in the Wikipedia format and speaks of German entries', () => {
    const r = run('parse', GERMAN, '--format', 'wikipedia-list', '--out', tmp());
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('German entries: 9 (1 district)');
    expect(r.stdout).toContain('links: 26');
  });
  it('takes the home country from --home, alpha-3 in lower case', () => {
    const out = tmp();
    const j = JSON.parse(run('parse', GERMAN, '--home', 'aut', '--out', out, '--json').stdout).summary;
    expect(j.home).toBe('AT');
    expect(readFileSync(join(out, 'places.csv'), 'utf8').split('\n')[1]).toMatch(/^at:berlin,home,Berlin,Berlin,,city,,,Austria,Austria,AT,,,Europe,4,6,,,,$/); // no Berlin in Austria: not placed
  });
  it('writes the home country of the list in places.csv', () => {
    const out = tmp();
    run('parse', GERMAN, '--out', out);
    expect(readFileSync(join(out, 'places.csv'), 'utf8').split('\n')[1]).toBe('de:berlin,home,Berlin,Berlin,,city,,,Germany,Germany,DE,,,Europe,4,6,52.52437,13.41053,geonames,State of Berlin');
  });
  it('writes each link\'s great-circle distance in links.csv and the geography in a geo block of dataset.json', () => {
    const out = tmp();
    run('parse', GERMAN, '--out', out);
    const links = readFileSync(join(out, 'links.csv'), 'utf8').split('\n');
    expect(links[0]).toMatch(/,distance_km$/);
    // Berlin (52.52437, 13.41053) – Paris: about 878 km (haversine, R = 6,371.0088 km).
    expect(Number(links[1]?.split(',').at(-1))).toBeCloseTo(878.4, 0);
    const ds = JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8')) as { links: unknown[]; geo: { places: Record<string, { region: string | null }>; linkDistanceKm: (number | null)[] } };
    expect(ds.geo.linkDistanceKm).toHaveLength(ds.links.length);
    expect(ds.geo.places['de:berlin']?.region).toBe('State of Berlin');
  });
  it('uses one projection weight for the communities and the exported edges', () => {
    const out = join(tmp(), 'x.gexf');
    expect(run('export', '--graph', 'home', '--weight', 'jaccard', '--out', out, '--runs', '1', '--layout-iterations', '10').status).toBe(0);
    const gexf = readFileSync(out, 'utf8');
    expect(gexf).toContain('weight = jaccard');
    expect(gexf).toContain('community weight jaccard');
    expect(run('report', '--weight', 'jaccard', '--runs', '1', '--out', tmp(), '--quiet').status).toBe(0);
  });
});

describe('export: the output file name and the printed command (found by the probe)', () => {
  const quick = ['--runs', '1', '--layout-iterations', '5'];
  it('takes the output format from --out\'s extension when none is asked, and refuses a name that says another', () => {
    const d = tmp();
    const r = run('export', GERMAN, '--out', join(d, 'g.graphml'), ...quick);
    expect(r.status).toBe(0);
    expect(readFileSync(join(d, 'g.graphml'), 'utf8')).toContain('<graphml');
    const bad = run('export', GERMAN, '--to', 'gexf', '--out', join(d, 'h.graphml'), ...quick);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('names a graphml file, and the output format asked is gexf');
    expect(existsSync(join(d, 'h.graphml'))).toBe(false);
    expect(run('export', GERMAN, '--to', 'csv', '--out', join(d, 'z.gexf'), ...quick).status).toBe(1);
    expect(run('export', GERMAN, '--to', 'neo4j', '--out', join(d, 'n.csv'), ...quick).status).toBe(0);
  });
  it('prints a Neo4j command a shell reads back as the files written, whatever the path holds', () => {
    const d = join(tmp(), 'my dir');
    mkdirSync(d);
    const r = run('export', GERMAN, '--to', 'neo4j', '--out', join(d, "it's"), ...quick);
    expect(r.status).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('load with: ')) as string;
    const words = spawnSync('sh', ['-c', `set -- ${line.slice('load with: '.length)}; printf '%s\\n' "$@"`], { encoding: 'utf8' }).stdout.trimEnd().split('\n');
    expect(words).toEqual(['neo4j-admin', 'database', 'import', 'full',
      `--nodes=${join(d, "it's-nodes-header.csv")},${join(d, "it's-nodes.csv")}`,
      `--relationships=${join(d, "it's-relationships-header.csv")},${join(d, "it's-relationships.csv")}`, 'neo4j']);
  });
  it('parse names a file whose name holds a line break on one line', () => {
    const d = tmp();
    const file = join(d, 'nl\nname.txt');
    writeFileSync(file, readFileSync(GERMAN));
    const r = run('parse', file, '--out', join(d, 'out'));
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/nl.+name\.txt {2}\(/);
  });
  it('similar with --weight says what --weight is, and offers --by only for a ranking it has', () => {
    expect(run('similar', 'bengbu', '--weight', 'jaccard').stderr).toContain('(did you mean --by jaccard?)');
    const r = run('similar', 'bengbu', '--weight', 'foo');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--weight foo is the projections\' edge weight');
    expect(r.stderr).not.toContain('did you mean');
  });
});
