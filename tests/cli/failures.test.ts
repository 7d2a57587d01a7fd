/** Failures on the output side end cleanly: one line naming the path and the cause, no stack, nothing half-written. */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = 'dist/twinnet.mjs';
const tmp = () => mkdtempSync(join(tmpdir(), 'twinnet-fail-'));

describe('output failures', () => {
  it('reports a full standard output in one line with exit code 1', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'partners', 'Bengbu'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^twinnet: <stdout>: cannot write: no space left on the device \(ENOSPC\)\n$/);
    } finally {
      closeSync(full);
    }
  });

  it('leaves every previous output and no temporary file when a directory stands where one output goes', () => {
    const out = tmp();
    writeFileSync(join(out, 'links.csv'), 'previous');
    mkdirSync(join(out, 'places.csv'));
    const r = spawnSync(process.execPath, [BIN, 'parse', '--out', out], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(out, 'places.csv')}: cannot write: a directory is in the way`);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(readdirSync(out).sort()).toEqual(['links.csv', 'places.csv']);
    expect(existsSync(join(out, 'dataset.json'))).toBe(false);
  });

  it('refuses --out naming a file before any work, with exit code 1', () => {
    const d = tmp(), file = join(d, 'file');
    writeFileSync(file, 'x');
    const r = spawnSync(process.execPath, [BIN, 'report', '--out', file, '--quiet'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`twinnet: ${file}: is a file; --out names the folder the outputs go to\n`);
  });

  it('refuses export --out naming a folder, leaving no temporary file in it or its parent', () => {
    const d = tmp(), folder = join(d, 'out');
    mkdirSync(folder);
    const r = spawnSync(process.execPath, [BIN, 'export', '--out', folder, '--runs', '1'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`twinnet: ${folder}: is a folder; --out names the output file\n`);
    expect(readdirSync(d)).toEqual(['out']);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('--out that names nothing, or a folder where a file goes', () => {
  it('refuses an empty --out with exit code 1, writing nothing', () => {
    const d = tmp();
    for (const args of [['report', '--quiet', '--runs', '1'], ['parse'], ['export', '--format', 'gexf', '--runs', '1'], ['export', '--format', 'csv', '--runs', '1']]) {
      const r = spawnSync(process.execPath, [join(process.cwd(), BIN), ...args, '--out', ''], { cwd: d, encoding: 'utf8' });
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(/^twinnet: --out is empty: give the (folder the outputs go to|output file)/);
    }
    expect(readdirSync(d)).toEqual([]);
  });
  it('refuses a file output whose name ends with a slash, creating no file or folder of that name', () => {
    const d = tmp();
    for (const to of ['gexf', 'csv']) {
      const out = join(d, `new-${to}`) + '/';
      const r = spawnSync(process.execPath, [BIN, 'export', '--format', to, '--out', out, '--runs', '1'], { encoding: 'utf8' });
      expect(r.status, to).toBe(1);
      expect(r.stderr, to).toBe(`twinnet: ${out}: ends with a slash, as a folder's name does; --out names the output file (folder/name.ext)\n`);
    }
    expect(readdirSync(d)).toEqual([]);
  });
});

describe('file names that are not UTF-8 on the command line', () => {
  it('says so for an input (exit 2) and refuses such an --out (exit 1), making no folder of another name', () => {
    const d = tmp();
    // bash passes the Latin-1 byte é (0xE9) as it is; Node reads the arguments as UTF-8 and sees U+FFFD
    const sh = (args: string) => spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(join(process.cwd(), BIN))} ${args}`], { cwd: d, encoding: 'utf8' });
    writeFileSync(join(d, 'lat\u00e9.txt'), readFileSync('data/raw/china-sister-cities.txt'));
    const input = sh("parse $'lat\\xe9.txt' --out o");
    expect(input.status).toBe(2);
    expect(input.stderr).toBe('twinnet: lat\uFFFD.txt: no such file (its name, as the command line gave it, is not UTF-8 — shown with U+FFFD for the bytes that are not; rename the file)\n');
    const output = sh("parse --out $'od\\xe9'");
    expect(output.status).toBe(1);
    expect(output.stderr).toBe('twinnet: od\uFFFD: is not UTF-8 as the command line gave it (U+FFFD stands for the bytes that are not): give a name in UTF-8\n');
    expect(readdirSync(d).sort()).toEqual(['lat\u00e9.txt']);
  });
});

describe('input failures found before the analysis', () => {
  it('refuses a directory as standard input with exit code 2', () => {
    const d = tmp();
    const dir = openSync(d, 'r');
    try {
      const r = spawnSync(process.execPath, [BIN, 'parse', '-', '--out', join(d, 'out')], { stdio: [dir, 'pipe', 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('twinnet: <stdin>: standard input is a directory, not a file\n');
    } finally {
      closeSync(dir);
    }
  });

  it('refuses a list without links in parse as report does: exit code 2, nothing written', () => {
    const d = tmp(), f = join(d, 'nolinks.txt'), out = join(d, 'out');
    writeFileSync(f, '==A==\nAnqing\n');
    const parse = spawnSync(process.execPath, [BIN, 'parse', f, '--out', out], { encoding: 'utf8' });
    const report = spawnSync(process.execPath, [BIN, 'report', f, '--out', out, '--quiet'], { encoding: 'utf8' });
    expect(parse.status).toBe(2);
    expect(report.status).toBe(2);
    expect(parse.stderr).toBe(report.stderr);
    expect(parse.stderr).toMatch(/nolinks\.txt: no links to analyse/);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['not JSON', '{bad', /not valid JSON/],
    ['an array', '[1]', /must be a JSON object/],
    ['a date of the wrong type', '{"snapshotDate": 5}', /"snapshotDate" must be a date written YYYY-MM-DD that exists, got 5/],
    ['a date that does not exist', '{"snapshotDate": "2024-02-31"}', /"snapshotDate" must be a date written YYYY-MM-DD that exists, got "2024-02-31"/],
    ['a year 0', '{"snapshotDate": "0000-01-01"}', /"snapshotDate" must be a date written YYYY-MM-DD that exists/],
    ['a url of the wrong type', '{"url": ["x"]}', /"url" must be a string/],
  ])('refuses a <list>.meta.json that is %s, naming it, before the analysis', (_what, meta, message) => {
    const d = tmp(), list = join(d, 'l.txt');
    writeFileSync(list, '==A==\nAnqing\n- FRA Paris, France\n');
    writeFileSync(join(d, 'l.meta.json'), meta);
    for (const args of [['report', list, '--out', join(d, 'r'), '--quiet'], ['export', list, '--out', join(d, 'x.gexf')]]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(join(d, 'l.meta.json'));
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses a list larger than the heap can hold, saying the limit and how to raise it', () => {
    const d = tmp(), list = join(d, 'big.txt');
    writeFileSync(list, `==A==\nAnqing\n${'- FRA Paris, France\n'.repeat(200_000)}`);
    const r = spawnSync(process.execPath, ['--max-old-space-size=16', BIN, 'report', list, '--out', join(d, 'r'), '--quiet'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/big\.txt: 3\.8 MB is more than this process can hold \(limit [\d.]+ MB with a heap of [\d.]+ MB\); raise the heap: NODE_OPTIONS=--max-old-space-size=\d+ twinnet …/);
  });

  it('holds a link table to its own limit, three times a list\'s (a table has three times the bytes per link)', () => {
    // With a 64 MB heap: lists up to 0.7 MB, tables up to 2.1 MB. Tables of 1.5 MB and 6.7 MB (no
    // country columns: the first is refused for that, once past the size check), a list of 1.4 MB.
    const d = tmp(), small = join(d, 'small.csv'), large = join(d, 'large.csv'), list = join(d, 'list.txt');
    writeFileSync(small, `home,partner,x\n${'Köln,Lille,1\n'.repeat(110_000)}`);
    writeFileSync(large, `home,partner,x\n${'Köln,Lille,1\n'.repeat(500_000)}`);
    writeFileSync(list, `==A==\nAnqing\n${'- FRA Paris, France\n'.repeat(75_000)}`);
    const run = (f: string) => spawnSync(process.execPath, ['--max-old-space-size=16', BIN, 'report', f, '--out', join(d, 'r'), '--quiet'], { encoding: 'utf8' });
    const [s, l, t] = [run(small), run(large), run(list)];
    expect([s.status, l.status, t.status]).toEqual([2, 2, 2]);
    expect(s.stderr).toMatch(/small\.csv:1: no column for home-country, partner-country/);
    expect(l.stderr).toMatch(/large\.csv: 6\.7 MB is more than this process can hold \(limit 2\.\d MB with a heap of 64 MB\)/);
    expect(t.stderr).toMatch(/list\.txt: 1\.4 MB is more than this process can hold \(limit 0\.7 MB with a heap of 64 MB\)/);
  });
});

describe('interrupted reports', () => {
  const NAMES = ['china-sister-cities.md', 'china-sister-cities.json', 'china-sister-cities.html', 'china-sister-cities.gexf'];
  // Signals at several moments of a report (analysis, layout, writing): whatever the moment, the
  // folder holds the previous outputs or the new ones, all of them, and no temporary file.
  it.each([300, 900, 1500, 2100, 2700])('leaves all old or all new outputs and no temporary file when SIGINT comes after %i ms', async (ms) => {
    const out = tmp();
    for (const n of NAMES) writeFileSync(join(out, n), 'old');
    const child = spawn(process.execPath, [BIN, 'report', '--out', out, '--quiet'], { stdio: 'ignore' });
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
      const timer = setTimeout(() => child.kill('SIGINT'), ms);
      child.on('exit', (c, s) => { clearTimeout(timer); done({ code: c, signal: s }); });
    });
    // Finished (0), stopped by twinnet's handler (130), or — on a loaded machine, when the signal
    // arrives before Node has run any of twinnet's code — ended by the signal itself (nothing written yet).
    expect(code === 0 || code === 130 || (code === null && signal === 'SIGINT')).toBe(true);
    const left = readdirSync(out);
    expect(left.filter((n) => n.startsWith('.twinnet-'))).toEqual([]);
    const old = NAMES.filter((n) => readFileSync(join(out, n), 'utf8') === 'old');
    expect(old.length === 0 || old.length === NAMES.length).toBe(true);
  }, 60_000);

  it.each(['SIGINT', 'SIGTERM'] as const)('stops at once on %s in the middle of a long computation, writing nothing', async (sig) => {
    const out = join(tmp(), 'new');
    // 200,000 null samples on the seed: minutes of synchronous work on the main thread.
    const child = spawn(process.execPath, [BIN, 'report', '--out', out, '--quiet', '--null-samples', '200000'], { stdio: 'ignore' });
    const started = Date.now();
    const { code, signal, after } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; after: number }>((done) => {
      setTimeout(() => child.kill(sig), 2500);
      child.on('exit', (c, s) => done({ code: c, signal: s, after: Date.now() - started }));
    });
    expect([code, signal]).toEqual([null, sig]);
    expect(after).toBeLessThan(20_000);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it.each(['SIGINT', 'SIGTERM'] as const)('exits 130 / 143 on a %s that arrives during the write, all files written', (sig) => {
    const out = tmp();
    // The signal is sent from inside the (synchronous) write, as one sent by another process would arrive
    // then: by a listener registered as the write starts, after the CLI's own (which installs its handlers).
    const script = `
      import { onWriteStart } from './dist/src/io/atomic-write.js';
      onWriteStart(() => onWriteStart(() => process.kill(process.pid, '${sig}')));
      process.argv = [process.argv[0], 'twinnet', 'parse', '--out', ${JSON.stringify(out)}];
      await import('./dist/src/cli/main.js');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status).toBe(sig === 'SIGINT' ? 130 : 143);
    expect(readdirSync(out).sort()).toEqual(['countries.csv', 'dataset.json', 'diagnostics.csv', 'links.csv', 'places.csv', 'table.csv']);
  });

  it('writes into a device or a named pipe as it is, follows a link to its file, and keeps a replaced file\'s permissions', () => {
    const d = tmp();
    const r = spawnSync(process.execPath, [BIN, 'export', '--out', '/dev/null'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const fifo = join(d, 'out.gexf');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawnSync('sh', ['-c', `cat "${fifo}" > "${join(d, 'read.gexf')}" & ${JSON.stringify(process.execPath)} ${BIN} export --out "${fifo}"; wait`], { encoding: 'utf8' });
    expect(reader.status).toBe(0);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(join(d, 'read.gexf'), 'utf8')).toMatch(/^<\?xml[\s\S]*<\/gexf>\n$/);
    writeFileSync(join(d, 'target.gexf'), 'old');
    chmodSync(join(d, 'target.gexf'), 0o600);
    symlinkSync('target.gexf', join(d, 'link.gexf'));
    expect(spawnSync(process.execPath, [BIN, 'export', '--out', join(d, 'link.gexf')]).status).toBe(0);
    expect(lstatSync(join(d, 'link.gexf')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, 'target.gexf'), 'utf8')).toMatch(/^<\?xml/);
    expect(statSync(join(d, 'target.gexf')).mode & 0o777).toBe(0o600);
  });

  it('refuses to write over its own input (exit 1, the input intact)', () => {
    const d = tmp(), input = join(d, 'list.txt');
    copyFileSync('data/raw/china-sister-cities.txt', input);
    const r = spawnSync(process.execPath, [BIN, 'export', input, '--format', 'json', '--out', input], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`twinnet: ${input}: is the input file: writing it would destroy the input; choose another --out\n`);
    expect(readFileSync(input, 'utf8')).toBe(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));
    const t = join(d, 'table.csv');
    writeFileSync(t, 'home,home country,partner,partner country\nKöln,Germany,Lille,France\n');
    const p = spawnSync(process.execPath, [BIN, 'parse', t, '--out', d], { encoding: 'utf8' });
    expect(p.status).toBe(1);
    expect(p.stderr).toContain('is the input file');
    expect(readdirSync(d).sort()).toEqual(['list.txt', 'table.csv']);
  });

  it('prints a file name with a line break on one line, the break escaped, in what it wrote and in errors', () => {
    const d = tmp(), out = join(d, 'o\nnl.gexf');
    const r = spawnSync(process.execPath, [BIN, 'export', '--out', out], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`wrote ${join(d, 'o\\x0anl.gexf')}\n`);
    const bad = spawnSync(process.execPath, [BIN, 'report', join(d, 'no\nsuch.txt'), '--out', d], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('no\\x0asuch.txt');
  });

  it('calls a file of a byte-order mark only empty (exit 2)', () => {
    const d = tmp(), f = join(d, 'bom.txt');
    writeFileSync(f, '\uFEFF');
    const r = spawnSync(process.execPath, [BIN, 'parse', f, '--out', d], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([2, `twinnet: ${f}: file is empty\n`]);
  });

  it('refuses a named pipe that no process reads (exit 1, at once), follows relative links from their own folder, and refuses a loop of links', () => {
    const d = tmp();
    const fifo = join(d, 'lonely.gexf');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = spawnSync(process.execPath, [BIN, 'export', '--out', fifo], { encoding: 'utf8', timeout: 60_000 });
    expect([r.status, r.stderr]).toEqual([1, `twinnet: ${fifo}: is a named pipe that no process reads\n`]);
    // lnk → real/sub; real/sub/rel → ../target.json: the kernel's target is real/target.json, not d/target.json
    mkdirSync(join(d, 'real', 'sub'), { recursive: true });
    symlinkSync(join(d, 'real', 'sub'), join(d, 'lnk'));
    symlinkSync('../target.json', join(d, 'real', 'sub', 'rel'));
    expect(spawnSync(process.execPath, [BIN, 'export', '--format', 'json', '--out', join(d, 'lnk', 'rel')]).status).toBe(0);
    expect(existsSync(join(d, 'real', 'target.json'))).toBe(true);
    expect(existsSync(join(d, 'target.json'))).toBe(false);
    symlinkSync('loopb', join(d, 'loopa'));
    symlinkSync('loopa', join(d, 'loopb'));
    const loop = spawnSync(process.execPath, [BIN, 'export', '--out', join(d, 'loopa')], { encoding: 'utf8' });
    expect([loop.status, loop.stderr]).toEqual([1, `twinnet: ${join(d, 'loopa')}: cannot write: too many symbolic links (a loop?) (ELOOP); nothing written, previous files left as they were\n`]);
    expect(lstatSync(join(d, 'loopa')).isSymbolicLink()).toBe(true);
    // a link into a folder that does not exist: refused, no folder made
    symlinkSync(join(d, 'nowhere', 'deep', 'x.gexf'), join(d, 'dangling'));
    expect(spawnSync(process.execPath, [BIN, 'export', '--out', join(d, 'dangling')]).status).toBe(1);
    expect(existsSync(join(d, 'nowhere'))).toBe(false);
  }, 90_000);

  it('writes --out /dev/stdout into standard output, a pipe or a file, and refuses to overwrite the input read from standard input', () => {
    const piped = spawnSync(process.execPath, [BIN, 'export', '--format', 'json', '--out', '/dev/stdout'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout)).toHaveProperty('nodes'); // the file alone: no 'wrote' line after it
    const d = tmp(), file = join(d, 'out.txt');
    writeFileSync(file, 'before\n');
    const appended = spawnSync('sh', ['-c', `${JSON.stringify(process.execPath)} ${BIN} export --format json --out /dev/stdout >> "${file}"`]);
    expect(appended.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^before\n\{/);
    const input = join(d, 'list.txt');
    copyFileSync('data/raw/china-sister-cities.txt', input);
    const same = spawnSync('sh', ['-c', `${JSON.stringify(process.execPath)} ${BIN} export - --format json --out "${input}" < "${input}"`], { encoding: 'utf8' });
    expect(same.status).toBe(1);
    expect(same.stderr).toContain('is the input file');
    expect(readFileSync(input, 'utf8')).toBe(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));
  }, 90_000);
});

