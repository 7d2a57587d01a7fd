/** The words the prose uses for the home country: its demonym, and the article before it. */
import { describe, expect, it } from 'vitest';
import { homeWords, indefiniteArticle, resolveCountryName } from '../../src/parse/countries.js';
import { readList } from '../../src/parse/read-list.js';
import { analyze } from '../../src/analysis/analyze.js';
import { buildReportData } from '../../src/report/report-data.js';
import { renderMarkdown } from '../../src/report/markdown.js';

describe('home words', () => {
  it.each([
    ['American', 'an'], ['Italian', 'an'], ['Irish', 'an'], ['Indian', 'an'], ['Emirati', 'an'], ['Omani', 'an'], ['Uzbekistani', 'an'],
    ['Ukrainian', 'a'], ['Ugandan', 'a'], ['Uruguayan', 'a'], ['Chinese', 'a'], ['German', 'a'], ['Japanese', 'a'],
  ])('%s takes "%s"', (word, article) => {
    expect(indefiniteArticle(word)).toBe(article);
  });
  it('joins the two peoples of a compound demonym with "and"', () => {
    expect(homeWords('BA').demonym).toBe('Bosnian and Herzegovinian');
    expect(homeWords('US').demonym).toBe('American');
  });
  it('writes "an American city" in the report of a list of the United States', () => {
    const ds = readList('= List of twin towns and sister cities in the United States =\n\n==S==\n\nSeattle\n- JPN Kobe, Japan\n- CHN Chongqing, China\n\nSpokane\n- JPN Nishinomiya, Japan\n- CHN Chongqing, China\n');
    const md = renderMarkdown(buildReportData(analyze(ds, { runs: 2 }), { name: 'us', inputLabel: 'us.txt', snapshotDate: null, sourceUrl: null }), {});
    expect(md).toContain('join an American city to a foreign place');
    expect(md).not.toMatch(/\ba American\b/);
  });
});

describe('country names in other languages', () => {
  it.each([['Deutschland', 'DE'], ['Frankreich', 'FR'], ['Allemagne', 'DE'], ['Vereinigte Staaten', 'US'], ['España', 'ES'], ['日本', 'JP'], ['Guyana', 'GY'], ['Kongo', null], ['Stati Uniti', 'US'], ['Regno Unito', 'GB']])(
    'reads %s as %s (a translation naming two countries, none)', (name, code) => {
      expect(resolveCountryName(name)?.sovereign.alpha2 ?? null).toBe(code);
    });
  it('reads a German table written with German country names', () => {
    const ds = readList('Stadt;Land;Partner;Partnerland\nKöln;Deutschland;Lille;Frankreich\nBonn;Deutschland;Oxford;Vereinigtes Königreich\n', { source: 't.csv', columns: 'home=Stadt,home-country=Land,partner=Partner,partner-country=Partnerland' });
    expect([ds.home, ds.links.length, ds.partners.map((p) => p.country), ds.diagnostics.filter((d) => d.severity === 'error')]).toEqual(['DE', 2, ['FR', 'GB'], []]);
  });
});
