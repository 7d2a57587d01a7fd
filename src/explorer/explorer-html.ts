/**
 * explorerHtml: one self-contained HTML page to explore the network in a browser — inline CSS, the
 * bundled client (`src/explorer/client.ts`: sigma 3 + graphology, built by `scripts/build-explorer.mjs`
 * into `dist/explorer/client.js`) and the payload of `explorerPayload` as inline JSON. No network, no
 * server: the page opens from disk.
 *
 * Safety: the JSON sits in `<script type="application/json">` with every `<` written `\u003c`, so no
 * `</script>` or `<!--` in a place name can end the element; the client inserts names with
 * `textContent` only. Deterministic: the same analysis and seed give the same bytes.
 *
 * @example
 *   writeFileSync('reports/china-sister-cities.html', explorerHtml(a, { title: 'Sister cities of China', seed: 42 }));
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../analysis/analyze.js';
import { PACKAGE_ROOT } from '../util/paths.js';
import { explorerPayload } from './payload.js';
import type { ExplorerPayloadOptions } from './payload.js';

export interface ExplorerOptions extends ExplorerPayloadOptions {
  /** SVG charts (the report's, from `reportCharts`) shown in a "Charts" section below the network. */
  charts?: Record<string, string>;
}

/** Where `npm run build` writes the browser bundle. */
export const EXPLORER_BUNDLE = join(PACKAGE_ROOT, 'dist', 'explorer', 'client.js');

/** The bundled client, checked to be safe inside an inline `<script>`. */
export function readExplorerBundle(path: string = EXPLORER_BUNDLE): string {
  if (!existsSync(path)) {
    throw new Error(`explorer: the browser bundle ${path} is missing; run npm run build (it runs scripts/build-explorer.mjs)`);
  }
  const js = readFileSync(path, 'utf8');
  const unsafe = /<\/script|<!--/i.exec(js);
  if (unsafe) throw new Error(`explorer: ${path} contains "${unsafe[0]}" at offset ${unsafe.index}; it cannot be inlined in a <script>`);
  return js;
}

/** JSON text safe inside `<script type="application/json">`: `<` → `\u003c` (JSON.parse reads it back). */
export function scriptJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes('<') ? json.replace(/</g, '\\u003c') : json; // (no copy of a payload without one)
}

/**
 * Text for HTML markup: the markup characters as references, and the control characters HTML calls
 * parse errors (C0 but tab, line feed and carriage return; DEL; C1) as U+FFFD.
 */
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '\ufffd');

export function explorerHtml(a: Analysis, options: ExplorerOptions): string {
  if (typeof options.title !== 'string') throw new TypeError('explorer: options.title must be a string');
  if (!Number.isSafeInteger(options.seed)) throw new TypeError(`explorer: options.seed must be an integer, got ${options.seed}`);
  const bundle = readExplorerBundle();
  const payload = explorerPayload(a, options);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="twinnet explorer">
<title>${escapeHtml(options.title.replace(/[\r\n]+/g, ' '))}</title>
<style>${CSS}</style>
</head>
<body>
${BODY}
${chartsSection(options.charts)}
<script type="application/json" id="twinnet-data">${scriptJson(payload)}</script>
<script>${bundle}</script>
</body>
</html>
`;
}

const BODY = `<header>
<h1 id="title"></h1>
<div class="views" role="group" aria-label="View">
<button type="button" id="view-bipartite" data-view="bipartite" aria-pressed="true">Bipartite graph</button>
<button type="button" id="view-home" data-view="home" aria-pressed="false">Projection</button>
<button type="button" id="view-map" data-view="map" aria-pressed="false">Map</button>
</div>
<div class="search">
<label for="search">Find a place</label>
<input id="search" type="search" dir="auto" autocomplete="off" spellcheck="false" placeholder="e.g. xian, bengbu, perth" aria-controls="matches">
<ul id="matches" role="listbox" aria-label="Matching places"></ul>
</div>
<p id="stats"></p>
</header>
<main>
<div id="stage">
<div id="graph" aria-label="Network"></div>
<div id="map" aria-label="Map" hidden></div>
</div>
<p id="map-credit" hidden></p>
<section id="legend" aria-label="Legend"></section>
<aside id="panel" hidden></aside>
</main>
<noscript><p class="note">The explorer needs JavaScript.</p></noscript>`;

/** The charts section: twinnet's own SVG (every label XML-escaped by `report/charts.ts`), inline. */
function chartsSection(charts: Record<string, string> | undefined): string {
  const entries = Object.entries(charts ?? {});
  if (entries.length === 0) return '';
  const figures = entries.map(([name, svg]) => `<figure data-chart="${escapeHtml(name)}">${svg.replace(/^<\?xml[^>]*>\s*/, '')}</figure>`).join('\n');
  return `<details id="charts"><summary>Charts</summary><div class="charts">\n${figures}\n</div></details>`;
}

const CSS = `
*{box-sizing:border-box}
#charts{position:relative;z-index:2;flex:none;border-top:1px solid #ddd;background:#fafafa;max-height:45vh;overflow:auto}
#charts summary{cursor:pointer;padding:.4rem 1rem;font-weight:600}
#charts .charts{display:flex;flex-wrap:wrap;gap:1rem;padding:0 1rem 1rem}
#charts figure{margin:0}
#charts svg{max-width:100%;height:auto}
html,body{margin:0;height:100%;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#fff}
body{display:flex;flex-direction:column}
header{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.25rem;padding:.5rem 1rem;border-bottom:1px solid #ddd;background:#fafafa}
h1{font-size:1.05rem;margin:0}
.views{display:flex}
.views button{font:inherit;padding:.3rem .7rem;border:1px solid #888;background:#fff;cursor:pointer}
.views button:first-child{border-radius:4px 0 0 4px}
.views button:last-child{border-radius:0 4px 4px 0;border-left:none}
.views button[aria-pressed="true"]{background:#1d4f91;border-color:#1d4f91;color:#fff}
.search{position:relative;display:flex;align-items:center;gap:.4rem}
.search input{font:inherit;width:16rem;padding:.3rem .5rem;border:1px solid #888;border-radius:4px}
#matches{position:absolute;top:100%;right:0;z-index:10;width:22rem;max-height:60vh;overflow:auto;margin:.2rem 0 0;padding:0;list-style:none;background:#fff;border:1px solid #bbb;border-radius:4px;box-shadow:0 4px 12px rgba(0,0,0,.15)}
#matches:empty{display:none}
#matches button{display:block;width:100%;text-align:left;font:inherit;padding:.3rem .6rem;border:none;background:none;cursor:pointer}
#matches button:hover,#matches button:focus{background:#e8eef7}
#matches small,#panel small{color:#666}
#stats{margin:0;color:#555}
main{position:relative;flex:1;min-height:0;display:flex;overflow:hidden}
#stage{flex:1;min-width:0;min-height:0;position:relative;overflow:hidden}
#graph{position:absolute;inset:0;overflow:hidden}
#map{position:absolute;inset:0;overflow:hidden;background:#fff}
#map circle{cursor:pointer}
#map .arc{vector-effect:non-scaling-stroke}
#map-credit{position:absolute;right:.75rem;bottom:.25rem;margin:0;font-size:11px;color:#555}
[hidden]{display:none!important}
#legend{position:absolute;left:.75rem;bottom:.75rem;max-width:22rem;padding:.5rem .7rem;background:rgba(255,255,255,.92);border:1px solid #ddd;border-radius:4px;font-size:12px}
#legend h2{font-size:12px;margin:0 0 .3rem}
#legend ul{list-style:none;margin:0;padding:0}
#legend li{display:flex;gap:.4rem;align-items:baseline}
.swatch{display:inline-block;flex:none;width:.75rem;height:.75rem;border-radius:50%;border:1px solid rgba(0,0,0,.25)}
#panel{width:24rem;flex:none;overflow:auto;padding:.75rem 1rem;border-left:1px solid #ddd;background:#fcfcfc}
#panel h2{font-size:1.15rem;margin:0 0 .2rem;overflow-wrap:anywhere}
#panel h3{font-size:.95rem;margin:1rem 0 .3rem}
#panel table{border-collapse:collapse;width:100%}
#panel th{text-align:left;font-weight:normal;color:#555;padding:.1rem .5rem .1rem 0}
#panel td{text-align:right;font-variant-numeric:tabular-nums}
#panel ol,#panel ul{margin:0;padding-left:1.2rem}
#panel li{margin:.2rem 0}
.link{font:inherit;color:#1d4f91;background:none;border:none;padding:0;cursor:pointer;text-decoration:underline;text-align:left}
.close{float:right;font:inherit;border:1px solid #bbb;background:#fff;border-radius:4px;cursor:pointer}
.note{padding:1rem;color:#a00}
@media (max-width:700px){
main{flex-direction:column}
#panel{width:auto;max-height:55%;border-left:none;border-top:1px solid #ddd}
#legend{max-width:calc(100% - 1.5rem);max-height:35%;overflow:auto}
body[data-selected] #legend{display:none}
.search{flex:1 1 100%}
.search input{flex:1;width:auto;min-width:0}
#matches{left:0;right:auto;width:100%}
}
`;
