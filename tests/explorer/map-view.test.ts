/**
 * The explorer's Map view in headless Chromium (Debian's, via playwright-core): the page opens from
 * disk, switches to the map, finds Bengbu and draws its five arcs, with no console error and no
 * request off the disk.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { nodeRows } from '../../src/analysis/results.js';
import { explorerHtml } from '../../src/explorer/explorer-html.js';
import { explorerMap } from '../../src/explorer/map-payload.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { placesFor } from '../../src/pipeline/geography.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser;
let dir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`explorer map test: ${CHROMIUM} is missing; run npm run setup:system (installs Debian's chromium)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  dir = mkdtempSync(join(tmpdir(), 'twinnet-map-'));
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('explorer Map view for the seed list', () => {
  it('switches to the map, finds Bengbu and draws its five arcs, offline and without console errors', async () => {
    const ds = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));
    const a = analyze(ds, { runs: 2 });
    const map = explorerMap(nodeRows(a).map((r) => r.key), placesFor(ds), 'Place data © GeoNames (CC BY 4.0). Natural Earth.');
    const file = join(dir, 'seed-map.html');
    writeFileSync(file, explorerHtml(a, { title: 'Sister cities of China', seed: 42, map }));
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [], requests: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-ready="true"]');

    await page.click('#view-map');
    expect(await page.getAttribute('body', 'data-view')).toBe('map');
    expect(await page.isVisible('#map svg')).toBe(true);
    expect(await page.isVisible('#graph')).toBe(false);
    expect(await page.locator('#map circle').count()).toBe(map.x.filter((x) => x !== null).length);
    expect(await page.textContent('#map-credit')).toContain('GeoNames');

    await page.fill('#search', 'bengbu');
    await page.locator('#matches button', { hasText: 'Bengbu' }).first().click();
    await page.waitForSelector('#panel:not([hidden])');
    expect(await page.textContent('#panel-name')).toBe('Bengbu');
    expect(await page.locator('#map path.arc').count()).toBe(5);
    expect(await page.textContent('#panel')).toContain('Szolnok, Hungary');

    // Clicking a partner's point selects it: the panel follows.
    const partner = await page.locator('#map path.arc').first().getAttribute('data-partner');
    await page.locator(`#map circle[data-node="${partner}"]`).dispatchEvent('click');
    expect(await page.textContent('#panel-name')).not.toBe('Bengbu');

    const shot = join(tmpdir(), 'twinnet-explorer-map.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    expect(problems).toEqual([]);
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
    await page.close();
  });
});
