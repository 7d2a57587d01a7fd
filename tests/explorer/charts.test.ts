import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { explorerHtml } from '../../src/explorer/explorer-html.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { barChart } from '../../src/report/charts.js';

describe('the explorer page with the report charts', () => {
  const a = analyze(parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8')), { runs: 1 });
  it('shows each chart inline, with hostile labels escaped', () => {
    const svg = barChart('Links by <b>country</b>', [{ label: '<img src=x onerror=alert(1)>', value: 3 }]);
    const html = explorerHtml(a, { title: 't', seed: 1, iterations: 1, charts: { countries: svg } });
    expect(html).toContain('<details id="charts"><summary>Charts</summary>');
    expect(html).toContain('<figure data-chart="countries"><svg');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html.match(/<script/g)).toHaveLength(2);
  });
  it('has no charts section when given none', () => {
    expect(explorerHtml(a, { title: 't', seed: 1, iterations: 1 })).not.toContain('id="charts"');
  });
});
