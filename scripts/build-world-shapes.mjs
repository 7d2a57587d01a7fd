// Writes dist/world-shapes.json: Natural Earth's country shapes (npm world-atlas) projected to SVG path
// data for the maps (see src/layout/world-shapes.ts), once at build time. Run by `npm run build`, after tsc.
import { writeFileSync } from 'node:fs';
import { computeWorldShapes, WORLD_SHAPES_PATH } from '../dist/src/layout/world-shapes.js';

const text = JSON.stringify(computeWorldShapes());
writeFileSync(WORLD_SHAPES_PATH, text);
console.log(`build-world-shapes: wrote ${WORLD_SHAPES_PATH} (${(text.length / 1024).toFixed(0)} KiB)`);
