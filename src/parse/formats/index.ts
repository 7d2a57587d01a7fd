/** The registry of input formats `readList` knows. Adding one: its file, and a line here. */
import type { ListFormat } from './list-format.js';
import { sparqlJson } from './sparql-json.js';
import { table } from './table.js';
import { wikipediaList } from './wikipedia-list.js';

export const LIST_FORMATS: readonly ListFormat[] = [
  wikipediaList,
  table,
  sparqlJson,
];

export type { ListFormat, ReadOptions } from './list-format.js';
