/** The home side's first-level divisions are called what the home country calls them, never "province" by default. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { readList } from '../../src/parse/read-list.js';
import { runGeography } from '../../src/pipeline/geography.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { buildReportData } from '../../src/report/report-data.js';
import { buildWhereData } from '../../src/report/where-data.js';
import { divisionWords } from '../../src/report/where-words.js';
import { capitalise } from '../../src/util/capitalise.js';

describe('divisionWords', () => {
  it.each([
    ['CN', 'province', 'provinces'],
    ['DE', 'state', 'states'],
    ['US', 'state', 'states'],
    ['JP', 'prefecture', 'prefectures'],
    ['ES', 'autonomous community', 'autonomous communities'],
    ['GB', 'nation', 'nations'],
    ['RU', 'federal subject', 'federal subjects'],
    ['de', 'state', 'states'],
    ['ZZ', 'region', 'regions'],
    ['NZ', 'region', 'regions'],
    // found by the probe: Polish and Turkish lists spoke of "regions"
    ['PL', 'voivodeship', 'voivodeships'],
    ['TR', 'province', 'provinces'],
    ['CH', 'canton', 'cantons'],
    ['SE', 'county', 'counties'],
  ])('calls the divisions of %s "%s" / "%s"', (code, singular, plural) => {
    expect(divisionWords(code)).toEqual({ singular, plural });
  });

  it('capitalises a word for a heading', () => {
    expect(capitalise('autonomous communities')).toBe('Autonomous communities');
  });
});

describe('the Where section of a German data set', () => {
  const file = 'tests/fixtures/tables/wikidata-germany.csv';
  const ds = readList(readFileSync(file, 'utf8'), { source: file });
  const a = analyze(ds, { runs: 1 });
  const geo = runGeography(ds, { seed: 1, nullSamples: 20 });
  const geography = buildWhereData(a, geo.places(), geo.nullModel(a.index), { nullSamples: geo.nullSamples, notes: geo.notes });
  const text = renderMarkdown(buildReportData(a, { name: 'de', inputLabel: file, snapshotDate: null, sourceUrl: null }, undefined, { geography }));

  it('speaks of German states in its prose and headings, never of provinces', () => {
    expect(ds.home).toBe('DE');
    expect(text).toContain('### States and the world');
    expect(text).toContain('| German state | links measured |');
    expect(text).toContain('Links per German state (home places, links, distinct partners, median distance), and where each state\'s partners lie:');
    expect(text).toMatch(/with their state\)/);
    expect(text).toContain('states are GeoNames first-level divisions (admin1)');
    expect(text).not.toMatch(/province/i);
  });
});
