/**
 * parseSisterCityList: a Wikipedia *List of twin towns and sister cities in <country>*, rendered as
 * text, → a typed, traceable `Dataset`. Three steps, one file each:
 *
 * 1. line classification (`classify-lines.ts`): every line read as exactly one kind (title, intro,
 *    section, home-header, partner, blank, unparsed) and counted;
 * 2. block assembly (`assemble-blocks.ts`): home entries, partners and links, with their lines;
 * 3. resolution (`resolve-list.ts`): districts → cities, countries → ISO 3166-1, quality findings.
 *
 * What cannot be read becomes a diagnostic with its line number. The home country is `options.home`,
 * else the country the title names (`… in Germany` → `DE`), else China, the list this format was
 * made for (with a note). No string of the data set is a view of the input text, which can be freed
 * once parsed.
 *
 * @example
 *   const ds = parseSisterCityList('==A==\nAnqing\n\n- JPN Ibaraki, Japan\n');
 *   ds.links.length // 1
 */
import { createHash } from 'node:crypto';
import { InputError, UsageError } from '../util/errors.js';
import { BlockAssembler, truncate } from './assemble-blocks.js';
import { count, findTitle, forEachLine, isListTitle, LineClassifier, MAX_LINE_LENGTH, sectionName, titleText } from './classify-lines.js';
import { homeWords, withArticle } from './countries.js';
import { homeCountryOfPlace, placeOfTitle } from './home-country.js';
import { rememberLinkPositions } from './link-positions.js';
import { copyText } from './normalize.js';
import { listed, sortedCopy } from './reporter.js';
import type { Reporter } from './reporter.js';
import { resolveList } from './resolve-list.js';
import { LINE_KINDS } from './types.js';
import type { Dataset, Diagnostic, LineKind, Partner, SourceInfo } from './types.js';

export interface ParseOptions {
  /** Name of the input for messages and provenance (a path); default `<text>`. */
  source?: string;
  /** The home country, ISO alpha-2 (`DE`); default: the one the title names, else `CN`. */
  home?: string;
}

/** The home country of a list whose title names none: the format was made for the China list. */
export const FORMAT_HOME = 'CN';

/** A partner line's bullet with nothing after it. */
const BARE_BULLET = /^[-*•]$/;

/** Parses the rendered list. Throws `InputError` when the text is not a list of this kind at all. */
export function parseSisterCityList(text: string, options: ParseOptions = {}): Dataset {
  const sourceName = options.source ?? '<text>';
  const lineFeeds = count(text, '\n');
  const carriageReturns = count(text, '\r');
  const source = describeSource(text, sourceName, lineFeeds, carriageReturns);
  if (text.includes('\u0000')) {
    const line = text.slice(0, text.indexOf('\u0000')).split('\n').length;
    throw new InputError('binary data (NUL byte): not a text list', sourceName, line);
  }
  const body = source.bom ? text.slice(1) : text;
  if (body.trim() === '') throw new InputError('file is empty', sourceName);

  const listTitle = findTitle(body) ?? '';
  const place = placeOfTitle(listTitle);
  const titled = place === null ? null : homeCountryOfPlace(place);
  // Wikipedia's list title names the country (another title may say anything: China is assumed, and said).
  if (options.home === undefined && place !== null && titled === null && isListTitle(listTitle)) {
    throw new UsageError(`${sourceName}: the title names "${place}", not a country twinnet knows; give the home country with --home ISO`);
  }
  const home = options.home ?? titled ?? FORMAT_HOME;
  const { demonym, name } = homeWords(home);

  /** The lines read in order; `sectionless`: a list without `==A==` sections, whose headers stand after the title (and intro). */
  const readLines = (sectionless: boolean) => {
    const diagnostics: Diagnostic[] = [];
    const report: Reporter = (severity, code, lineNos, message) => {
      const sorted = sortedCopy(lineNos);
      diagnostics.push({ severity, code, line: sorted[0] ?? null, lines: sorted, message });
    };
    // `--home DE` on a list whose title names Japan: its places are read as German, as asked — and said.
    if (options.home !== undefined && titled !== null && titled !== options.home) {
      report('warning', 'home-differs-from-title', [], `the title names ${homeWords(titled).name} (${titled}), and the home country given is ${name} (${home}): the list's places are read as ${demonym}`);
    }
    if (options.home === undefined && titled === null) {
      report('warning', 'home-assumed', [], `the title names no country ("= List of twin towns and sister cities in <country> ="): home country assumed to be ${name} (${home}), the list this format was made for — if the list is about another country, give it with --home (e.g. --home JP)`);
    }
    const kinds = Object.fromEntries(LINE_KINDS.map((k) => [k, 0])) as Record<LineKind, number>;
    const classifier = new LineClassifier({ sectionless });
    const blocks = new BlockAssembler({ maxLines: lineFeeds + carriageReturns + 1, idPrefix: `${home.toLowerCase()}:`, demonym, home, report });
    let title: string | null = null;
    const intro: string[] = [];
    const marked: number[] = [];
    const lines = forEachLine(body, carriageReturns > 0, (line, start, end, lineNo, footnotes) => {
      if (footnotes) marked.push(lineNo);
      let kind = classifier.classify(line, start, end);
      switch (kind) {
        case 'partner':
          if (!blocks.partner(line, start, end, lineNo)) kind = 'unparsed';
          break;
        case 'home-header':
          blocks.header(classifier.line, lineNo);
          break;
        case 'blank':
          blocks.blank(lineNo);
          break;
        case 'section':
          blocks.startSection(sectionName(classifier.line));
          break;
        case 'title':
          title = copyText(titleText(classifier.line));
          break;
        case 'intro':
          intro.push(copyText(classifier.line));
          break;
        case 'unparsed':
          // A line too long to read is lost alone (whatever it was, the block goes on); any other line
          // that is neither kind ends the block.
          // A bullet with nothing after it (`-`) is an empty partner line: lost alone, the block goes on.
          if (classifier.overLong === 0 && !BARE_BULLET.test(classifier.line)) blocks.close();
          report('error', 'unparsed-line', [lineNo], classifier.overLong > 0
            ? `line of ${classifier.overLong} characters is longer than the limit of ${MAX_LINE_LENGTH}: not read`
            : BARE_BULLET.test(classifier.line)
              ? `partner line "${classifier.line}" has no partner: not read (the list goes on)`
              : `line is neither a section, ${withArticle(demonym)} city, nor a partner line: "${copyText(truncate(classifier.line))}"`);
          break;
      }
      kinds[kind]++;
    });
    if (marked.length > 0) {
      report('info', 'footnote-marks', marked, `Wikipedia footnote marks ([1], [a], [citation needed], [edit]) removed from ${marked.length === 1 ? `line ${marked[0]}` : `${marked.length} lines: ${listed(marked.map(String), ', ')}`}`);
    }
    return { diagnostics, report, kinds, blocks, title: title as string | null, intro, lines };
  };

  // A list without sections reads its headers as intro lines, and all its partner lines as outside any
  // block: read again, headers after the title.
  let read = readLines(false);
  if (read.kinds.section === 0 && read.kinds['home-header'] === 0 && read.diagnostics.some((d) => d.code === 'partner-outside-block')) read = readLines(true);
  const { diagnostics, report, kinds, blocks, title, intro } = read;
  source.lines = read.lines;

  if (kinds['section'] === 0 && kinds['partner'] === 0) {
    const firstNonBlank = body.split(/\r\n|\n|\r/).findIndex((l) => l.trim() !== '') + 1;
    throw new InputError(
      `not a sister-city list: no "==A==" section header and no "- Partner, Country" line under ${withArticle(demonym)} city`,
      sourceName,
      firstNonBlank || null,
    );
  }

  const assembly = blocks.finish();
  const { countries, findings } = resolveList(assembly, { home, demonym, report });
  for (let i = 0; i < findings.length; i++) diagnostics.push(findings[i] as Diagnostic);
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code));

  const dataset: Dataset = {
    format: 'twinnet-dataset',
    version: 1,
    home,
    source,
    title,
    intro,
    lineKinds: kinds,
    homes: assembly.homes,
    partners: assembly.partners,
    links: assembly.links,
    countries,
    diagnostics,
  };
  const { partners } = assembly;
  const partnerIds = new Array<string>(partners.length);
  for (let i = 0; i < partners.length; i++) partnerIds[i] = (partners[i] as Partner).id;
  rememberLinkPositions(dataset, { home: assembly.linkHome, partner: assembly.linkPartner.subarray(0, assembly.links.length), partnerIds });
  return dataset;
}

/** Where the text came from; `lf` and `crAll` count its LF and CR characters (by default counted here). */
export function describeSource(text: string, path: string, lf = count(text, '\n'), crAll = count(text, '\r')): SourceInfo {
  const crlf = crAll === 0 ? 0 : count(text, '\r\n');
  const cr = crAll - crlf;
  return {
    path,
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    bytes: Buffer.byteLength(text, 'utf8'),
    lines: 0,
    lineEnding: lf + cr === 0 ? 'none' : cr > 0 ? (lf === 0 ? 'CR' : 'mixed') : crlf === lf ? 'CRLF' : crlf === 0 ? 'LF' : 'mixed',
    bom: text.charCodeAt(0) === 0xfeff,
  };
}
