#!/usr/bin/env node
// Bundles the explorer's browser code (src/explorer/client.ts, with sigma and graphology) into one
// minified IIFE, dist/explorer/client.js, which `explorerHtml` inlines into the HTML page.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outfile = join(root, 'dist', 'explorer', 'client.js');
const result = await build({
  entryPoints: [join(root, 'src', 'explorer', 'client.ts')],
  outfile,
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  charset: 'utf8',
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});
const bytes = result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].bytes;
console.log(`build-explorer: wrote ${outfile} (${(bytes / 1024).toFixed(0)} KiB)`);
