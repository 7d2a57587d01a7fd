/**
 * `sparql-json`: a SELECT result in the SPARQL 1.1 Query Results JSON Format (W3C Recommendation,
 * 21 March 2013) — what the Wikidata Query Service downloads as "JSON": `head.vars`, the column
 * names, and `results.bindings`, one object per row mapping a variable to an RDF term
 * (`{ "type": "uri", "value": "http://www.wikidata.org/entity/Q64" }`, `{ "type": "literal",
 * "xml:lang": "en", "value": "Berlin" }`); an unbound variable is absent. Read as the table whose
 * header is the variables and whose cells are the terms' values, the variables' row counting as line
 * 1 and result n as line n + 1 (the line it has in the CSV download of the same result).
 */
import { InputError } from '../../util/errors.js';
import { describeSource } from '../parse-list.js';
import { tableOfRows } from '../table/delimited.js';
import type { TableRow } from '../table/delimited.js';
import { readTable } from '../table/read-table.js';
import type { ListFormat } from './list-format.js';

interface Term { type?: unknown; value?: unknown }

export const sparqlJson: ListFormat = {
  id: 'sparql-json',
  description: 'a SPARQL SELECT result as JSON (SPARQL 1.1 Query Results JSON Format; the Wikidata Query Service\'s JSON download), read as a link table',
  tabular: true,
  detect(text) {
    // Sure (2): a JSON object is never a table, even when its one line reads like a CSV header
    // with "home" and "partner" in it (a minified result, or Python's json.dump).
    return isSparqlJson(text) ? 2 : 0;
  },
  read(text, options) {
    const source = options.source ?? '<text>';
    let doc: { head?: { vars?: unknown }; results?: { bindings?: unknown } };
    try {
      doc = JSON.parse(text.replace(/^\uFEFF/, '')) as typeof doc;
    } catch (e) {
      const at = /position (\d+)/.exec((e as Error).message);
      const line = at ? text.slice(0, Number(at[1])).split('\n').length : null;
      throw new InputError(`not valid JSON: ${(e as Error).message}`, source, line);
    }
    const vars = doc?.head?.vars, bindings = doc?.results?.bindings;
    if (!Array.isArray(vars) || !vars.every((v) => typeof v === 'string') || !Array.isArray(bindings)) {
      throw new InputError('not a SPARQL SELECT result: expected {"head": {"vars": [...]}, "results": {"bindings": [...]}}', source, 1);
    }
    const header = vars as string[];
    // A result is an object of terms, each {"type": "…", "value": "…"}: a number, null or a bare string
    // where a term goes is refused, naming the result (`"value": 123` read as no value would say, far
    // off, that the home column names no known country).
    const rows: TableRow[] = bindings.map((b: unknown, i) => {
      const where = `result ${i + 1} of results.bindings`;
      if (typeof b !== 'object' || b === null || Array.isArray(b)) throw new InputError(`${where} is not an object of variables, got ${preview(b)}`, source);
      return {
        cells: header.map((v) => {
          const t = (b as Record<string, Term | undefined>)[v];
          if (t === undefined) return ''; // unbound
          if (typeof t !== 'object' || t === null || typeof t.value !== 'string' || typeof t.type !== 'string') {
            throw new InputError(`${where}: ?${v} is not an RDF term {"type": "…", "value": "…"} with string values, got ${preview(t)}`, source);
          }
          return t.value;
        }),
        line: i + 2,
        lines: 1,
      };
    });
    const table = tableOfRows(header, rows, { delimiter: ',', rdfTerms: true, lines: rows.length + 1 });
    return readTable(table, describeSource(text, source), { home: options.home, columns: options.columns });
  },
};

/** A JSON value in a message: at most 60 characters. */
function preview(x: unknown): string {
  const text = JSON.stringify(x) ?? String(x);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Whether `text` looks like a SPARQL JSON result: a JSON object with "head" and "vars" in its first 64 KB, in any order. */
export function isSparqlJson(text: string): boolean {
  const head = text.slice(0, 64 * 1024).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') && /"head"\s*:/.test(head) && /"vars"\s*:/.test(head);
}
