/**
 * Outputs that are safe to open: a report named after a hostile input file name, and control
 * characters from the input on the terminal. The compiled command, run in a child process.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = 'dist/twinnet.mjs';
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const tmp = () => mkdtempSync(join(tmpdir(), 'twinnet-safe-'));

describe('a report on a file whose name holds Markdown and HTML syntax', () => {
  it.each([
    ['evil) <img src=x onerror=alert(1)> [a](javascript:alert(1))'],
    ['my list (2)'],
  ])('is written for "%s.txt", its Markdown links lead to the files written, and no raw <img is in it', (stem) => {
    const d = tmp(), out = join(d, 'out'), input = join(d, `${stem}.txt`);
    copyFileSync('data/raw/china-sister-cities.txt', input);
    const r = run('report', input, '--out', out, '--quiet');
    expect(r.status).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual([`${stem}-communities.svg`, `${stem}-continents.svg`, `${stem}-countries.svg`, `${stem}-degree.svg`, `${stem}-distances.svg`, `${stem}-map.svg`,
      `${stem}.gexf`, `${stem}.html`, `${stem}.json`, `${stem}.md`]);
    const md = readFileSync(join(out, `${stem}.md`), 'utf8');
    // Every link and image target (after a `]` that is not escaped): no space or parenthesis
    // inside, and it decodes to a file written.
    const targets = [...md.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)].map((m) => m[1] as string);
    expect(targets).toHaveLength(2 + 6); // explorer, GEXF, four charts, the distances chart and the map
    for (const t of targets) expect(existsSync(join(out, decodeURIComponent(t)))).toBe(true);
    expect(md).not.toContain('<img');
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(readFileSync(join(out, `${stem}.html`), 'utf8')).not.toContain('<img');
    expect(readFileSync(join(out, `${stem}.gexf`), 'utf8')).not.toContain('<img');
    const json = JSON.parse(readFileSync(join(out, `${stem}.json`), 'utf8')) as { name: string; input: { path: string } };
    expect([json.name, json.input.path]).toEqual([stem, input]);
  });
});

describe('control characters from the input', () => {
  const list = [
    '= List of twin towns and sister cities in China =',
    '==A==',
    'Anqing',
    '- FRA Evil\x1b]0;pwned\x07Town, France',
    '- JPN Clear\x1b[2JCity, Japan',
    '- USA Csi\u009bTown, United States',
    'Garbage \x1b[31mred\x1b[0m line',
    'Baotou',
    '- FRA Evil\x1b]0;pwned\x07Town, France',
    '- JPN Nara, Japan',
    '',
  ].join('\n');
  const raw = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
  const input = () => { const d = tmp(), f = join(d, 'ctl.txt'); writeFileSync(f, list); return { d, f }; };

  it('reach neither stdout nor stderr raw from parse: the summary and the diagnostics show them escaped', () => {
    const { d, f } = input();
    const r = run('parse', f, '--out', join(d, 'o'));
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(raw);
    expect(r.stderr).not.toMatch(raw);
    expect(r.stderr).toContain('"Garbage \\x1b[31mred\\x1b[0m line"');
  });
  it('are shown escaped by the queries, and their JSON still parses to the names as read', () => {
    const { f } = input();
    const text = run('partners', 'anqing', '--input', f);
    expect(text.status).toBe(0);
    expect(text.stdout).not.toMatch(raw);
    expect(text.stdout).toContain('Evil\\x1b]0;pwned\\x07Town, France');
    expect(text.stdout).toContain('Csi\\u009bTown, United States');
    const json = run('partners', 'anqing', '--input', f, '--json');
    expect(json.stdout).not.toMatch(raw);
    const labels = (JSON.parse(json.stdout) as { partners: { label: string }[] }).partners.map((p) => p.label).sort();
    expect(labels).toEqual(['Clear\x1b[2JCity, Japan', 'Csi\u009bTown, United States', 'Evil\x1b]0;pwned\x07Town, France']);
  });
  it('in a name the user typed are shown escaped in the error message', () => {
    const { f } = input();
    const r = run('city', 'no\x1b]0;such\x07place', '--input', f);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(raw);
    expect(r.stderr).toContain('no\\x1b]0;such\\x07place');
  });
});

describe('name matching on the command line', () => {
  it('finds Hafnarfjörður from hafnarfjordur, as the explorer does', () => {
    const r = run('partners', 'hafnarfjordur');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Hafnarfjörður, Iceland \[foreign partner\]/);
  });
});
