/**
 * The reviewed reference tables shipped with twinnet: `data/reference/place-aliases.csv` and
 * `data/reference/place-overrides.csv` (see `reference-csv.ts` for their columns), read and parsed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/paths.js';
import { parseAliases, parseOverrides, type PlaceAlias, type PlaceOverride } from './reference-csv.js';

export const PLACE_ALIASES_PATH = join(PACKAGE_ROOT, 'data', 'reference', 'place-aliases.csv');
export const PLACE_OVERRIDES_PATH = join(PACKAGE_ROOT, 'data', 'reference', 'place-overrides.csv');

export function loadPlaceReferences(): { aliases: PlaceAlias[]; overrides: PlaceOverride[] } {
  return {
    aliases: parseAliases(readFileSync(PLACE_ALIASES_PATH, 'utf8'), PLACE_ALIASES_PATH),
    overrides: parseOverrides(readFileSync(PLACE_OVERRIDES_PATH, 'utf8'), PLACE_OVERRIDES_PATH),
  };
}
