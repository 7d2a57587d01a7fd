/** Reads and parses the input of a command: FILE, `-` for standard input, or the embedded default. */
import { readFileSync } from 'node:fs';
import { decodeList, readListFile } from '../io/read-input.js';
import { parseSisterCityList } from '../parse/parse-list.js';
import type { Dataset } from '../parse/types.js';
import { DEFAULT_INPUT } from '../util/paths.js';

export function loadDataset(file: string | undefined): Dataset {
  if (file === '-') return parseSisterCityList(decodeList(readFileSync(0), '<stdin>'), { source: '<stdin>' });
  const path = file ?? DEFAULT_INPUT;
  const label = file ?? 'data/raw/china-sister-cities.txt';
  return parseSisterCityList(readListFile(path), { source: label });
}
