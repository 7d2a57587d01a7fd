/**
 * The HTML explorer, run for real in headless Chromium (Debian's, via playwright-core): the page
 * opens from disk with no network, sigma draws the network, search + side panel + view toggle work,
 * and hostile place names stay text.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { MEASURES } from '../../src/analysis/measures/registry.js';
import { explorerHtml } from '../../src/explorer/explorer-html.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const HOSTILE = '<img src=x onerror=alert(1)>';
const BREAKOUT = '</script><script>alert(2)</script><!--';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`explorer test: ${CHROMIUM} is missing; run npm run setup:system (installs Debian's chromium)`);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  dir = mkdtempSync(join(tmpdir(), 'twinnet-explorer-'));
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Opened { page: Page; problems: string[]; dialogs: string[]; requests: string[] }

/** Opens the page from disk, recording console errors, page errors, dialogs and every request. */
async function open(html: string, name: string): Promise<Opened> {
  const file = join(dir, name);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems: string[] = [], dialogs: string[] = [], requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, problems, dialogs, requests };
}

async function choose(page: Page, query: string, label: string): Promise<void> {
  await page.fill('#search', query);
  await page.locator('#matches button', { hasText: label }).first().click();
  await page.waitForSelector('#panel:not([hidden])');
}

describe('explorer page for the seed list', () => {
  it('opens from disk, draws with sigma, finds Bengbu and toggles to the projection', async () => {
    const ds = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));
    const a = analyze(ds, { runs: 2 });
    const html = explorerHtml(a, { title: 'Sister cities of China', seed: 42 });
    const { page, problems, requests } = await open(html, 'seed.html');

    expect(await page.locator('#graph canvas').count()).toBeGreaterThan(0);
    expect(await page.textContent('#stats')).toBe('Bipartite graph: 1,368 places · 1,407 links');
    expect(await page.locator('#legend li').count()).toBeGreaterThan(1);

    await choose(page, 'bengbu', 'Bengbu');
    expect(await page.textContent('#panel-name')).toBe('Bengbu');
    expect(await page.textContent('#similar')).toContain('Huainan');
    expect(await page.textContent('#panel')).toContain('Szolnok, Hungary');
    const panelText = await page.textContent('#panel');
    for (const m of MEASURES.filter((x) => x.panel !== undefined)) expect(panelText).toContain(m.panel);
    expect(await page.getAttribute('body', 'data-selected')).not.toBeNull();

    // forgiving search: case, accents and apostrophes are ignored
    await page.fill('#search', 'xian');
    expect(await page.locator('#matches button').first().textContent()).toMatch(/^Xi'an/);
    await page.press('#search', 'Enter');
    expect(await page.textContent('#panel-name')).toBe("Xi'an");

    await page.click('#view-home');
    expect(await page.getAttribute('body', 'data-view')).toBe('home');
    expect(await page.getAttribute('#view-home', 'aria-pressed')).toBe('true');
    expect(await page.textContent('#stats')).toBe('Chinese projection: 164 places · 241 links');
    await choose(page, 'bengbu', 'Bengbu');
    expect(await page.textContent('#similar')).toContain('Huainan');
    await page.waitForTimeout(600); // camera animation

    const shot = join(tmpdir(), 'twinnet-explorer-screenshot.png');
    await page.screenshot({ path: shot });
    const png = readFileSync(shot);
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(statSync(shot).size).toBeGreaterThan(20_000); // a drawn network, not a blank page

    expect(problems).toEqual([]);
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
    await page.close();
  });
});

describe('explorer page with hostile names', () => {
  it('shows markup in place names as text: no dialog, no injected element', async () => {
    const list = [
      '==A==', 'Anqing', '', `- FRA ${HOSTILE}, France`, '- JPN Ibaraki, Japan', `- USA ${BREAKOUT}, United States`, '',
      'Hefei', '', `- FRA ${HOSTILE}, France`, '- USA Columbus, United States', '',
    ].join('\n');
    const ds = parseSisterCityList(list);
    expect(ds.partners.map((p) => p.label)).toContain(HOSTILE);
    const a = analyze(ds, { runs: 2 });
    const html = explorerHtml(a, { title: `Test ${HOSTILE}`, seed: 7, iterations: 50 });
    expect(html).not.toContain(HOSTILE);
    expect(html.match(/<\/script/gi)?.length).toBe(2); // the JSON and the bundle: nothing else ends a script

    const { page, problems, dialogs } = await open(html, 'hostile.html');
    expect(await page.textContent('#title')).toBe(`Test ${HOSTILE}`);
    await choose(page, 'img src', 'img');
    expect(await page.textContent('#panel-name')).toBe(`${HOSTILE}, France`);
    expect(await page.textContent('#similar')).toContain('Ibaraki, Japan');
    expect(await page.textContent('#partners')).toContain('Anqing');
    await choose(page, 'anqing', 'Anqing');
    expect(await page.textContent('#panel')).toContain(BREAKOUT);
    await page.waitForTimeout(300);

    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('explorer page with right-to-left names', () => {
  it('isolates each Hebrew or Arabic name: its own direction, punctuation and numbers around it stay put', async () => {
    const TLV = 'תל אביב-יפו', ALX = 'الإسكندرية';
    const list = [
      '==A==', 'Anqing', '', `- ISR ${TLV}, Israel`, `- EGY ${ALX}, Egypt`, '- JPN Ibaraki, Japan', '',
      'Hefei', '', `- ISR ${TLV}, Israel`, `- EGY ${ALX}, Egypt`, '',
    ].join('\n');
    const a = analyze(parseSisterCityList(list), { runs: 2 });
    const { page, problems } = await open(explorerHtml(a, { title: 'RTL', seed: 3, iterations: 20 }), 'rtl.html');
    expect(await page.getAttribute('#search', 'dir')).toBe('auto');

    // search results: the name in a <bdi> of its own, before " · Israel · degree 2"
    await page.fill('#search', 'israel');
    const match = page.locator('#matches button').first();
    expect(await match.locator('bdi').textContent()).toBe(`${TLV}, Israel`);
    expect(await match.textContent()).toBe(`${TLV}, Israel · Israel · degree 2`);

    await choose(page, 'anqing', 'Anqing');
    // Hefei shares both right-to-left partners: each one isolated, the separator between them
    const shared = page.locator('#similar li div').first();
    expect(await shared.locator('bdi').allTextContents()).toEqual(expect.arrayContaining([`${TLV}, Israel`, `${ALX}, Egypt`]));
    expect(await shared.textContent()).toMatch(/^[^;]+; [^;]+$/);
    // every place button takes its direction from its own text
    const dirs = await page.locator('#partners button').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dir));
    expect(dirs.length).toBe(3);
    expect(new Set(dirs)).toEqual(new Set(['auto']));

    await page.locator('#partners button', { hasText: TLV }).click();
    expect(await page.textContent('#panel-name')).toBe(`${TLV}, Israel`);
    expect(await page.getAttribute('#panel-name', 'dir')).toBe('auto');
    // the browser resolves the heading's direction from the name: right to left
    expect(await page.locator('#panel-name').evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
    expect(problems).toEqual([]);
    await page.close();
  });
});
