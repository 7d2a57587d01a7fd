/**
 * Line classification for the Wikipedia twin-town list: the text split into lines, each line
 * normalised (NFC, trimmed, single spaces) and read as exactly one kind.
 *
 * | kind | line |
 * |---|---|
 * | `blank` | empty |
 * | `section` | `==A==` |
 * | `title` | `= List of … =`, or `List of twin towns … in …` without the marks, before anything but blank lines |
 * | `partner` | `- `, `* ` or `• ` and text (what follows is read by the block assembly) |
 * | `intro` | any other line before the first section |
 * | `home-header` | a place name: letters and `'’.,()–—-`, at most 8 words, no final `.:;`; or one as a third-level heading, `=== Munich ===` |
 * | `unparsed` | anything else |
 *
 * Partner lines, most of a list, are recognised in place: no string is made of them. A line longer
 * than `MAX_LINE_LENGTH` characters is `unparsed` without being read further (`overLong` says its
 * length), which keeps the work per line bounded whatever the input.
 *
 * @example
 *   const c = new LineClassifier();
 *   ['==A==', 'Anqing', '- JPN Ibaraki, Japan'].map((l) => c.classify(l, 0, l.length)) // ['section', 'home-header', 'partner']
 */
import { isNormalText, normalizeText } from './normalize.js';
import type { LineKind } from './types.js';

const TITLE = /^=\s*([^=].*?)\s*=$/;
/**
 * A title copied without its `=` marks, as the page shows it: `List of twin towns and sister cities in
 * France`, `List of sister cities in Hong Kong` — the list titles Wikipedia uses, then one place (no
 * second ` in `, no sentence punctuation), and a browser tab's ` - Wikipedia` if copied with it.
 */
const LIST_TITLE_START = 'List of (?:twin towns and sister cities|sister cities and twin towns|twin towns|sister cities|twinned towns|town twinnings) in ';
const PLAIN_TITLE = new RegExp(`^${LIST_TITLE_START}(?:(?!\\bin )[^.:;!?]){1,80}?(?: [-–—] Wikipedia)?$`, 'i');
const LIST_TITLE = new RegExp(`^${LIST_TITLE_START}`, 'i');

/** Whether a title is one of Wikipedia's list titles, `List of twin towns and sister cities in …` (its place then must be a country). */
export function isListTitle(title: string): boolean {
  return LIST_TITLE.test(title);
}
/** The ` - Wikipedia` a title copied from a browser tab ends with. */
const WIKIPEDIA_SUFFIX = / [-–—] Wikipedia$/i;
const SECTION = /^==\s*([^=].*?)\s*==$/;
/** A third-level heading, `=== Munich ===`: lists grouped by region head each city so (its header). */
const SUBSECTION = /^===\s*([^=].*?)\s*===$/;
/**
 * A plausible place header: letters, digits and the punctuation place names use (`'s-Hertogenbosch`,
 * `6th of October City`, `Biel/Bienne`, `Kraków & Nowa Huta`, `Xi‘an`); the word count and the end
 * are checked apart.
 */
const HEADER = /^[\p{L}\p{M}\p{N}'’‘][\p{L}\p{M}\p{N} '’‘.,()/&–—-]*$/u;
/** A header's final `.` is an initial's (`Washington, D.C.`), never a sentence's. */
const INITIAL_END = /(?:^|[\s.])\p{Lu}\.$/u;

/** Characters a line may have (a real list's longest, an intro paragraph, has a few thousand). */
export const MAX_LINE_LENGTH = 20_000;

/** Classifies lines in order; what a line can be depends on the lines before it (title, intro). */
export class LineClassifier {
  /** The length of the line after `classify` returned `unparsed` for a line over `MAX_LINE_LENGTH`, else 0. */
  overLong = 0;
  /** The line as a string after `classify` returned `section`, `title`, `intro`, `home-header` or `unparsed` ('' after `partner`; unchanged by `blank`). */
  line = '';
  private sawSection = false;
  /** Nothing but blank (or partner) lines so far: a title may come. */
  private titleOpen = true;

  /**
   * `sectionless`: a list without `==A==` sections (some are written so): after the title, the first
   * line that reads as a place header opens the list, as a section would; lines before it are intro.
   */
  constructor(private readonly options: { sectionless?: boolean } = {}) {}

  /** The kind of the normalised line `text[start, end)`. */
  classify(text: string, start: number, end: number): LineKind {
    if (start === end) return 'blank';
    this.overLong = end - start > MAX_LINE_LENGTH ? end - start : 0;
    if (this.overLong > 0) {
      this.line = '';
      return 'unparsed';
    }
    if (isPartnerLine(text, start, end)) {
      this.line = '';
      return 'partner';
    }
    const line = (this.line = text.slice(start, end));
    if (text.charCodeAt(start) === 0x3d) {
      if (SECTION.test(line)) {
        this.sawSection = true;
        return 'section';
      }
      if (!this.sawSection && this.titleOpen && TITLE.test(line)) {
        this.titleOpen = false;
        return 'title';
      }
      const sub = this.sawSection ? SUBSECTION.exec(line) : null;
      if (sub && isHeader(sub[1] as string)) {
        this.line = sub[1] as string;
        return 'home-header';
      }
    } else if (!this.sawSection && this.titleOpen && PLAIN_TITLE.test(line)) {
      this.titleOpen = false;
      return 'title';
    }
    if (!this.sawSection) {
      this.titleOpen = false;
      if (!this.options.sectionless || !isHeader(line)) return 'intro';
      this.sawSection = true;
    }
    return isHeader(line) ? 'home-header' : 'unparsed';
  }
}

/** The name in a section line (`==A==` → `A`). */
export function sectionName(line: string): string {
  return (SECTION.exec(line) as RegExpExecArray)[1] as string;
}

/** The text in a title line (`= List of … =` → `List of …`; a title without marks is its own text, without a ` - Wikipedia`). */
export function titleText(line: string): string {
  return TITLE.exec(line)?.[1] ?? line.replace(WIKIPEDIA_SUFFIX, '');
}

/** The title of a list: its first non-blank line when that is a title line, normalised; else null. */
export function findTitle(body: string): string | null {
  const match = /\S[^\n\r]*/.exec(body);
  if (!match || match[0].length > MAX_LINE_LENGTH) return null;
  const line = normalizeText(match[0]);
  return new LineClassifier().classify(line, 0, line.length) === 'title' ? titleText(line) : null;
}

/**
 * Wikipedia's reference and maintenance marks as the rendered page shows them after a word:
 * `France[1]`, `Osaka[a]`, `Bath [12]`, `[note 2]`, `[citation needed]`, a heading's `[edit]` — after
 * a letter, digit, `)`, `.` or quote, and before the end, a space, `,`, `;`, `:`, `.`, `=` or another
 * mark. Brackets elsewhere (`Bonn [Beuel]`, `([a])`, `` `[x]` ``) are the name's own.
 */
const FOOTNOTE_MARK = /(?<=[\p{L}\p{N}\p{M}).'’"])\s*\[(?:\d{1,3}|[a-z]|(?:note|nb|n) ?\d{1,3}|citation needed|clarification needed|better source needed|dead link|failed verification|verification needed|who\?|which\?|when\?|edit)\](?=$|[\s,;:.=[])/giu;

/** `line` without Wikipedia's footnote marks (`FOOTNOTE_MARK`). */
export function withoutFootnoteMarks(line: string): string {
  return line.replace(FOOTNOTE_MARK, '');
}

/**
 * Calls `visit(text, start, end, lineNo, marked)` for each line of `body`, normalised: in place when
 * it already is, else as a normalised copy; a line with Wikipedia footnote marks (`France[1]`) as a
 * copy without them (`marked` true when it had some). Lines end at CRLF, LF or CR (`scanCR`: the text
 * has CRs); a line break at the very end does not start another line. Returns the number of lines.
 */
export function forEachLine(body: string, scanCR: boolean, visit: (text: string, start: number, end: number, lineNo: number, marked: boolean) => void): number {
  let lineNo = 0;
  let bracket = -1; // the next `[` at or after the line's start (body.length: none)
  for (let start = 0; ;) {
    let end = scanCR ? lineBreak(body, start) : body.indexOf('\n', start);
    if (end < 0) end = body.length;
    if (bracket < start) {
      bracket = body.indexOf('[', start);
      if (bracket < 0) bracket = body.length;
    }
    const stripped = bracket < end && end - start <= MAX_LINE_LENGTH ? withoutFootnoteMarks(body.slice(start, end)) : null;
    if (stripped !== null && stripped.length < end - start) {
      const line = normalizeText(stripped);
      visit(line, 0, line.length, ++lineNo, true);
    } else if (end - start > MAX_LINE_LENGTH || isNormalText(body, start, end)) { // an over-long line is refused unread
      visit(body, start, end, ++lineNo, false);
    } else {
      const line = normalizeText(body.slice(start, end));
      visit(line, 0, line.length, ++lineNo, false);
    }
    if (end === body.length) break;
    start = end + (body.charCodeAt(end) === 0x0d && body.charCodeAt(end + 1) === 0x0a ? 2 : 1);
    if (start === body.length) break;
  }
  return lineNo;
}

/** Whether `line` reads as a place header: HEADER's characters, at most 8 words, no final `:` or `;`, nor `.` but an initial's. */
function isHeader(line: string): boolean {
  return HEADER.test(line) && count(line, ' ') < 8 && !/[:;]$/.test(line) && (!line.endsWith('.') || INITIAL_END.test(line));
}

/** Position of the next CR or LF at or after `from`, or -1. */
function lineBreak(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return i;
  }
  return -1;
}

/** Whether the normalised line `s[start, end)` is a partner line: `- `, `* ` or `• ` and text (/^[-•*]\s+(.*)$/). */
export function isPartnerLine(s: string, start: number, end: number): boolean {
  const c = s.charCodeAt(start);
  return (c === 0x2d || c === 0x2a || c === 0x2022) && start + 2 < end && s.charCodeAt(start + 1) === 0x20;
}

/** Occurrences of `needle` in `s` (not overlapping). */
export function count(s: string, needle: string): number {
  let n = 0;
  for (let i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length)) n++;
  return n;
}
