/**
 * writeList: a data set back to the text format it was parsed from (the seed's rendered Wikipedia
 * list), so that `parseSisterCityList(writeList(ds))` gives the same home entries, partners and
 * links (line numbers and source information aside):
 *
 *   = Title =            (when the data set has one)
 *   (blank)
 *   intro line           (each followed by a blank line)
 *   (blank)
 *   ==A==                (a section header whenever the section changes)
 *   Anqing               (one block per home entry, in data-set order)
 *   (blank)
 *   - USA Calabasas, United States      (`- [CODE ]Label, Location…, Country`, in link order)
 *   (blank)
 *
 * The flag code is `Link.code` as written, omitted when null. A home entry that appeared in two
 * blocks of the input (merged by the parser) is written once, with all its partners.
 *
 * What the format cannot carry — `writeList` throws an `Error('io/list-writer: …')` naming the entry:
 * - line breaks anywhere; text that is not already normalised (NFC, trimmed, single spaces);
 * - a home header the parser would not read as one: it must start with a letter and hold only
 *   letters, marks, digits, spaces and `'’.,()–—-`, at most 8 words, not ending in `.`, `:` or `;`;
 * - a comma in a partner label or in a location part (commas separate them), or an empty one;
 * - a partner label that starts like a flag code (`ABC x…`) on a link without a code;
 * - a section name starting with `=`, intro lines that the parser would read as something else;
 * - a data set without home entries (sections are written with their entries only, and text with
 *   no section and no partner line is not a list to the parser).
 *
 * @example
 *   writeList(parseSisterCityList('==A==\nAnqing\n\n- JPN Ibaraki, Japan\n'))
 *   // '==A==\nAnqing\n\n- JPN Ibaraki, Japan\n'
 */
import { normalizeText } from '../parse/normalize.js';
import type { Dataset, Partner } from '../parse/types.js';

const WHERE = 'io/list-writer';

/** The parser's rules, restated: what a header, a section and a flag code look like. */
const HEADER = /^[\p{L}\p{M}][\p{L}\p{M}\p{N} '’.,()–—-]*$/u;
const LOOKS_LIKE_CODE = /^[A-Z]{3}\s+\S/;
const CODE = /^[A-Z]{3}$/;
const NOT_INTRO = /^(?:==\s*[^=].*?\s*==|[-•*]\s+.*)$/;
const TITLE = /^=\s*([^=].*?)\s*=$/;

export function writeList(ds: Dataset): string {
  if (ds.homes.length === 0) throw new Error(`${WHERE}: the data set has no home entries; the text would not parse as a list`);
  const partners = new Map<string, Partner>(ds.partners.map((p) => [p.id, p]));
  const linksOf = new Map<string, { partner: Partner; code: string | null }[]>();
  for (const l of ds.links) {
    const partner = partners.get(l.partnerId);
    if (!partner) throw new Error(`${WHERE}: link on line ${l.line} names partner ${l.partnerId}, which is not in the data set`);
    const list = linksOf.get(l.homeId) ?? [];
    list.push({ partner, code: l.code });
    linksOf.set(l.homeId, list);
  }

  const out: string[] = [];
  if (ds.title !== null) {
    checkText(ds.title, 'the title');
    out.push(`= ${ds.title} =`, '');
  }
  ds.intro.forEach((line, i) => {
    checkText(line, `intro line ${i + 1}`);
    if (NOT_INTRO.test(line) || (i === 0 && ds.title === null && TITLE.test(line))) {
      throw new Error(`${WHERE}: intro line ${i + 1} "${line}" would be read as a section, a partner or the title`);
    }
    out.push(line, '');
  });

  let section: string | null = null;
  for (const c of ds.homes) {
    if (c.section === null) throw new Error(`${WHERE}: home entry "${c.name}" stands in no section`);
    if (c.section !== section) {
      checkText(c.section, `section of "${c.name}"`);
      if (c.section.startsWith('=')) throw new Error(`${WHERE}: section "${c.section}" starts with "="`);
      section = c.section;
      out.push(`==${section}==`);
    }
    checkHeader(c.name);
    out.push(c.name, '');
    const links = linksOf.get(c.id) ?? [];
    for (const { partner, code } of links) out.push(partnerLine(partner, code, c.name));
    if (links.length > 0) out.push('');
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

function partnerLine(p: Partner, code: string | null, entry: string): string {
  const where = `partner "${p.label}" of "${entry}"`;
  checkText(p.label, where);
  if (p.label === '' || p.label.includes(',')) throw new Error(`${WHERE}: ${where}: a label must be non-empty and without commas`);
  if (p.location.length === 0) throw new Error(`${WHERE}: ${where} has no location (country)`);
  for (const part of p.location) {
    checkText(part, where);
    if (part === '' || part.includes(',')) throw new Error(`${WHERE}: ${where}: location part "${part}" must be non-empty and without commas`);
  }
  if (code === null && LOOKS_LIKE_CODE.test(p.label)) {
    throw new Error(`${WHERE}: ${where} starts like a flag code; without a code on the line it would be read as one`);
  }
  if (code !== null && !CODE.test(code)) throw new Error(`${WHERE}: ${where}: flag code "${code}" is not three capital letters`);
  return `- ${code === null ? '' : `${code} `}${p.label}, ${p.location.join(', ')}`;
}

function checkHeader(name: string): void {
  checkText(name, `home entry "${name}"`);
  if (!HEADER.test(name) || name.split(' ').length > 8 || /[.:;]$/.test(name)) {
    throw new Error(`${WHERE}: home entry "${name}" would not be read as a header (letters, digits and '’.,()–—- only, at most 8 words)`);
  }
}

function checkText(text: string, what: string): void {
  if (/[\n\r]/.test(text)) throw new Error(`${WHERE}: ${what} contains a line break`);
  if (normalizeText(text) !== text) throw new Error(`${WHERE}: ${what} is not normalised text (NFC, trimmed, single spaces): ${JSON.stringify(text)}`);
}
