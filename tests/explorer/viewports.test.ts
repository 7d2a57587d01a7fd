/**
 * The explorer at the sizes people open it at — 1280×720, 1400×900, 1920×1080 and a 390×844 phone —
 * driven with playwright's real mouse (a click lands on whatever is on top at that point, as a
 * person's would): the Charts drawer opens, the network never covers it, Close zooms back out, the
 * search folds Icelandic and Polish letters, and the panel speaks in words.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { explorerHtml } from '../../src/explorer/explorer-html.js';
import { reportCharts } from '../../src/report/charts.js';
import { buildReportData } from '../../src/report/report-data.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

let browser: Browser;
let dir: string;
let file: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`explorer test: ${CHROMIUM} is missing; run npm run setup:system (installs Debian's chromium)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  dir = mkdtempSync(join(tmpdir(), 'twinnet-viewports-'));
  const ds = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));
  const a = analyze(ds, { runs: 10 });
  const charts = reportCharts(buildReportData(a, { name: 'seed', inputLabel: 'seed.txt', snapshotDate: null, sourceUrl: null }));
  file = join(dir, 'seed.html');
  writeFileSync(file, explorerHtml(a, { title: 'Sister cities of China', seed: 42, charts }));
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(width: number, height: number): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, problems };
}

/** Clicks the middle of the element with the real mouse. */
async function click(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The canvases' bottom edge and the top of the charts drawer, in page pixels. */
const edges = (page: Page) => page.evaluate(() => {
  const canvases = [...document.querySelectorAll('#graph canvas')].map((c) => c.getBoundingClientRect());
  const graph = (document.querySelector('#graph') as HTMLElement).getBoundingClientRect();
  return {
    canvasBottom: Math.max(...canvases.map((c) => c.bottom)), canvasRight: Math.max(...canvases.map((c) => c.right)),
    graphBottom: graph.bottom, graphRight: graph.right,
    chartsTop: (document.querySelector('#charts') as HTMLElement).getBoundingClientRect().top,
  };
});

async function find(page: Page, query: string, label: string): Promise<void> {
  await page.fill('#search', query);
  await page.locator('#matches button', { hasText: label }).first().waitFor();
  await click(page, `#matches li:has(button:has-text("${label}")) button`);
  await page.waitForSelector('#panel:not([hidden])');
}

describe.each([
  [1280, 720], [1400, 900], [1920, 1080], [390, 844],
])('the explorer at %i×%i', (width, height) => {
  it('opens the Charts drawer on a real click, and the network stays inside its box, also after a view toggle', async () => {
    const { page, problems } = await open(width, height);
    const e = await edges(page);
    expect(e.canvasBottom).toBeLessThanOrEqual(e.graphBottom + 0.5);
    expect(e.canvasRight).toBeLessThanOrEqual(e.graphRight + 0.5);
    await click(page, '#charts summary');
    expect(await page.locator('#charts[open]').count()).toBe(1);
    // the canvases shrink with their box (on the next frames)
    const overlap = async () => { const x = await edges(page); return x.canvasBottom - x.chartsTop; };
    await expect.poll(overlap, { timeout: 5000 }).toBeLessThanOrEqual(0.5);
    await click(page, '#view-home');
    expect(await page.getAttribute('body', 'data-view')).toBe('home');
    await page.waitForTimeout(200);
    expect(await overlap()).toBeLessThanOrEqual(0.5);
    // what is on top at the drawer's title is the drawer: a second click closes it
    await click(page, '#charts summary');
    expect(await page.locator('#charts[open]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('zooms in on a place found by a folded search and back out on Close', async () => {
    const { page, problems } = await open(width, height);
    await find(page, 'hafnarfjordur', 'Hafnarfjörður');
    expect(await page.textContent('#panel-name')).toBe('Hafnarfjörður, Iceland');
    await page.waitForTimeout(700); // the camera's animation
    expect(Number(await page.getAttribute('body', 'data-zoom'))).toBeLessThan(1);
    await click(page, '#panel .close');
    await page.waitForTimeout(600);
    expect(await page.locator('#panel').isHidden()).toBe(true);
    expect(await page.getAttribute('body', 'data-zoom')).toBe('1.00');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the explorer\'s side panel', () => {
  it('names Bengbu\'s communities with their size and country, and lists Huainan first', async () => {
    const { page } = await open(1400, 900);
    await find(page, 'bengbu', 'Bengbu');
    const panel = await page.textContent('#panel') ?? '';
    // The report's community 6: Bengbu, Huainan, Sanmenxia; their partners' countries: Hungary and
    // Japan 3 of 16 links each (18.75 %), Hungary first by its code.
    expect(panel).toContain('community 6 (3 places; partners most often in Hungary, 19 %)');
    expect(await page.locator('#similar li').first().textContent()).toMatch(/^Huainan — 5 shared, Jaccard 1, p 4\.78e-14/);
    await page.close();
  });
  it('shows a value that is a rounding residue in words, never in e-notation', async () => {
    const { page } = await open(1400, 900);
    // In a piece of its own: eigenvector centrality exactly 0 (the vector lives on the component with
    // the largest λ); a residue of power iteration (~1e-33) would read "≈ 0".
    await find(page, 'anguo', 'Anguo');
    const table = await page.textContent('#panel table') ?? '';
    expect(table).toMatch(/Eigenvector \(max = 1\)(0|≈ 0|< 0\.0001)/);
    expect(table).not.toMatch(/\de-\d/);
    await page.close();
  });
});
