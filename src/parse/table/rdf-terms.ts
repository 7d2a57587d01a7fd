/**
 * RDF terms as the SPARQL 1.1 Query Results TSV format writes them (W3C Recommendation, 21 March
 * 2013, §4): IRIs in angle brackets (`<http://www.wikidata.org/entity/Q64>`), literals in quotes with a
 * language tag or a datatype (`"Berlin"@en`, `"1987-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>`),
 * numbers and booleans bare (`3644826`), blank nodes as `_:b0`; an unbound variable is an empty field.
 * A term's value is what the CSV format would write for it: the IRI, the literal's lexical form.
 *
 * @example
 *   rdfTermValue('"Köln"@de') // 'Köln'
 *   rdfTermValue('<http://www.wikidata.org/entity/Q365>') // 'http://www.wikidata.org/entity/Q365'
 */

/** The value of one TSV field: an IRI without brackets, a literal's lexical form (escapes undone), anything else as it is. */
export function rdfTermValue(field: string): string {
  const s = field.trim();
  if (s.startsWith('<') && s.endsWith('>')) return s.slice(1, -1);
  if (!s.startsWith('"')) return s;
  const long = s.startsWith('"""');
  const quote = long ? '"""' : '"';
  const end = long ? s.lastIndexOf('"""') : closingQuote(s);
  if (end <= 0 || (long && end < 3)) return s;
  return unescapeLiteral(s.slice(quote.length, end));
}

/**
 * What is wrong with a TSV field as an RDF term, or null: a literal whose quote is never closed
 * (`"Oxford`), or closed and followed by something no language tag or datatype reads (`"Oxford" x`).
 */
export function rdfTermProblem(field: string): string | null {
  const s = field.trim();
  if (!s.startsWith('"')) return null;
  const long = s.startsWith('"""') && s.length > 3;
  const end = long ? s.lastIndexOf('"""') : closingQuote(s);
  if (end <= 0 || (long && end < 3)) return `${JSON.stringify(truncated(s))} opens a literal that no quote closes`;
  const rest = s.slice(end + (long ? 3 : 1));
  if (rest !== '' && !/^@[A-Za-z]+(?:-[A-Za-z0-9]+)*$/.test(rest) && !/^\^\^<[^<>\s]*>$/.test(rest)) {
    return `${JSON.stringify(truncated(s))}: after the literal's closing quote, ${JSON.stringify(truncated(rest))} is no language tag (@en) or datatype (^^<…>)`;
  }
  return null;
}

const truncated = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** Position of the quote closing the literal that opens `s` (escaped quotes skipped), or -1. */
function closingQuote(s: string): number {
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i;
  }
  return -1;
}

const ESCAPES: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };

function unescapeLiteral(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))/g, (whole, u4: string | undefined, u8: string | undefined, c: string | undefined) => {
    if (u4 ?? u8) return String.fromCodePoint(parseInt((u4 ?? u8) as string, 16));
    return ESCAPES[c as string] ?? whole;
  });
}
