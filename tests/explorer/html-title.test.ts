/** The explorer page's <title>: markup and control characters from a file name or list title (found by the probe: a raw ESC and line break). */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { explorerHtml } from '../../src/explorer/explorer-html.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';

describe('the explorer page title', () => {
  it('escapes markup, turns control characters into U+FFFD and line breaks into spaces', () => {
    const a = analyze(parseSisterCityList('==A==\nAnqing\n- JPN Ibaraki, Japan\n'), { runs: 1 });
    const html = explorerHtml(a, { title: 'Twins <b>&</b>\u001b[31m of\nnl\u0085name\u007f', seed: 1, iterations: 1 });
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
    expect(title).toBe('Twins &lt;b&gt;&amp;&lt;/b&gt;\ufffd[31m of nl\ufffdname\ufffd');
    expect(html.slice(0, html.indexOf('</head>'))).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
  });
});
