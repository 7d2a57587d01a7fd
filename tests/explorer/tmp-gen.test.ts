import { readFileSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { explorerHtml } from '../../src/explorer/explorer-html.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
it('gen', () => {
  const a = analyze(parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8')), { runs: 2 });
  writeFileSync('/tmp/seed-explorer.html', explorerHtml(a, { title: 'Sister cities of China', seed: 42 }));
  const b = analyze(parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8')));
  const h = explorerHtml(b, { title: 'Sister cities of China', seed: 42 });
  console.log('default runs page bytes', Buffer.byteLength(h));
});
