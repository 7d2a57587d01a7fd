/** The registry of input formats `readList` knows. Adding one: its file, and a line here. */
import type { ListFormat } from './list-format.js';
import { wikipediaList } from './wikipedia-list.js';

export const LIST_FORMATS: readonly ListFormat[] = [
  wikipediaList,
];

export type { ListFormat, ReadOptions } from './list-format.js';
