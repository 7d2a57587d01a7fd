/**
 * `table`: a link table — one row per link, comma-, tab- or semicolon-separated (RFC 4180 quoting),
 * columns by role, recognised from the header (`table/columns.ts`) or named with `--columns`. The
 * Wikidata Query Service's CSV and TSV downloads are tables of this kind.
 */
import { InputError } from '../../util/errors.js';
import { describeSource } from '../parse-list.js';
import { columnsOf } from '../table/columns.js';
import { readDelimited, tableHeader } from '../table/delimited.js';
import { readTable } from '../table/read-table.js';
import type { ListFormat } from './list-format.js';

export const table: ListFormat = {
  id: 'table',
  description: 'a link table (CSV, TSV or semicolon-separated; one row per link, columns home, home-country, partner, partner-country …), Wikidata Query Service CSV/TSV downloads included',
  tabular: true,
  detect(text) {
    const head = tableHeader(text);
    if (!head?.delimiter) return 0;
    const names = head.line.split(head.delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1').replace(/^\?/, ''));
    if (names.length < 2) return 0;
    const roles = columnsOf(names, []);
    if (roles.has('home') && roles.has('partner')) return 1;
    return names.length >= 4 ? 0.3 : 0;
  },
  read(text, options) {
    const source = options.source ?? '<text>';
    const nul = text.indexOf('\u0000');
    if (nul >= 0) throw new InputError('binary data (NUL byte): not a text table', source, text.slice(0, nul).split('\n').length);
    if (text.replace(/^\uFEFF/, '').trim() === '') throw new InputError('file is empty', source);
    return readTable(readDelimited(text, source), describeSource(text, source), { home: options.home, columns: options.columns });
  },
};
