/** The words the prose uses for the home country: its demonym, and the article before it. */
import { describe, expect, it } from 'vitest';
import { homeWords, indefiniteArticle } from '../../src/parse/countries.js';
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
