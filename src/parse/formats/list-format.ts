/**
 * What an input format is to `readList`: an id, a description, a test of whether a text looks like
 * it, and a reader. A new format is one file exporting a `ListFormat` and one line in `index.ts`.
 */
import type { Dataset } from '../types.js';

export interface ReadOptions {
  /** Name of the input for messages and provenance (a path); default `<text>`. */
  source?: string;
  /** The home country, ISO alpha-2 (`DE`); default: what the input says, else the format's own. */
  home?: string;
  /** Tables only: columns by role, `role=header,…` (`--columns`). */
  columns?: string;
}

export interface ListFormat {
  /** Kebab-case id, as `--format` takes it (`wikipedia-list`). */
  id: string;
  /** One line for help texts and error messages. */
  description: string;
  /** Whether its input has columns that `--columns` can name (a table). */
  tabular?: boolean;
  /**
   * How much `text` looks like this format, from 0 (not at all) to 1 (certainly). Reads a bounded
   * head of the text, never the whole of a large one.
   */
  detect(text: string): number;
  /** The data set; throws `InputError` naming `options.source` when the text is not of this format. */
  read(text: string, options: ReadOptions): Dataset;
}
