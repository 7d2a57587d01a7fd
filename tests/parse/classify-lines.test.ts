import { describe, expect, it } from 'vitest';
import { findTitle, forEachLine, LineClassifier, sectionName, titleText } from '../../src/parse/classify-lines.js';

/** The kinds of `lines`, read in order by one classifier. */
const kinds = (...lines: string[]) => {
  const c = new LineClassifier();
  return lines.map((l) => c.classify(l, 0, l.length));
};

describe('LineClassifier', () => {
  it('reads a line that fits no kind after the first section as unparsed', () => {
    expect(kinds('==A==', 'This is prose: it ends with a full stop.', '=B=', 'one two three four five six seven eight nine')).toEqual(['section', 'unparsed', 'unparsed', 'unparsed']);
  });
  it('reads place names with digits, apostrophes, slashes, ampersands and initials as headers, and a sentence\'s end as none', () => {
    const names = ['Washington, D.C.', 'Biel/Bienne', "'s-Hertogenbosch", 'Xi‘an', '6th of October City', 'Kraków & Nowa Huta', 'St. Petersburg', 'Frankfurt (Oder)'];
    expect(kinds('==A==', ...names)).toEqual(['section', ...names.map(() => 'home-header')]);
    expect(kinds('==A==', 'See also.', 'It is twinned with Kobe.', 'Notes:', '^ Xinhua 2019')).toEqual(['section', 'unparsed', 'unparsed', 'unparsed', 'unparsed']);
  });
  it('reads a bullet without text after it as no partner line', () => {
    expect(kinds('==A==', '- ', '-x')).toEqual(['section', 'unparsed', 'unparsed']);
  });
  it('reads each kind of a well-formed list', () => {
    expect(kinds('= List of twin towns and sister cities in Germany =', '', 'Some prose.', '==B==', 'Berlin – Mitte', '- USA Los Angeles, United States', '* JPN Tokyo, Japan', '• FRA Paris, France'))
      .toEqual(['title', 'blank', 'intro', 'section', 'home-header', 'partner', 'partner', 'partner']);
  });
  it('takes a title only before anything but blank lines', () => {
    expect(kinds('Prose first.', '= A title =')).toEqual(['intro', 'intro']);
    expect(kinds('= One =', '= Two =')).toEqual(['title', 'intro']);
  });
  it('takes a list title copied without its = marks as the title, and only as the first line', () => {
    expect(kinds('List of twin towns and sister cities in France', '', '==A==', 'Amiens')).toEqual(['title', 'blank', 'section', 'home-header']);
    expect(kinds('list of sister cities in Hong Kong')).toEqual(['title']);
    expect(kinds('Some prose first.', 'List of twin towns and sister cities in France')).toEqual(['intro', 'intro']);
    // prose that starts like a title but is a sentence, and a title naming no place, are intro lines
    expect(kinds('List of twin towns and sister cities in France. It lists …')).toEqual(['intro']);
    expect(kinds('List of twin towns')).toEqual(['intro']);
    expect(kinds('==A==', 'List of twin towns and sister cities in France')).toEqual(['section', 'unparsed']);
    // one place after "in": a line naming a second place is prose, not a title (its last "in" would set the country)
    expect(kinds('List of sister cities in China and their partners in Japan')).toEqual(['intro']);
    expect(kinds('List of twin towns and sister cities in China, compiled in Germany')).toEqual(['intro']);
    expect(kinds('List of twin towns and sister cities in France - Wikipedia')).toEqual(['title']);
    expect(kinds('List of sister cities in the United States Virgin Islands')).toEqual(['title']); // "in" inside a word is no second place
  });
  it('reads a partner line before any section as a partner line (the assembly refuses it)', () => {
    expect(kinds('- JPN Ibaraki, Japan', '= Title =')).toEqual(['partner', 'title']);
  });
  it('keeps the line as a string for every kind but partner and blank', () => {
    const c = new LineClassifier();
    c.classify('==A==', 0, 5);
    expect(c.line).toBe('==A==');
    c.classify('xx- JPN Ibaraki, Japan', 2, 22);
    expect(c.line).toBe('');
  });
});

describe('section, title and list titles', () => {
  it('gives the name inside a section or title line', () => {
    expect(sectionName('== A ==')).toBe('A');
    expect(titleText('= List of twin towns =')).toBe('List of twin towns');
  });
  it('finds no title where the first non-blank line is none', () => {
    expect(findTitle('\n\n==A==\nAnqing\n')).toBeNull();
    expect(findTitle('Prose.\n= Title =\n')).toBeNull();
  });
  it('finds the title on the first non-blank line, normalised', () => {
    expect(findTitle('\n  =  List of  sister cities in Germany =\n==A==\n')).toBe('List of sister cities in Germany');
    expect(findTitle('\nList of twin towns and sister cities in  France\n==A==\n')).toBe('List of twin towns and sister cities in France');
    expect(titleText('List of sister cities in Japan')).toBe('List of sister cities in Japan');
    expect(titleText('List of twin towns and sister cities in France – Wikipedia')).toBe('List of twin towns and sister cities in France');
  });
});

describe('forEachLine', () => {
  const lines = (body: string) => {
    const out: string[] = [];
    const n = forEachLine(body, body.includes('\r'), (text, start, end, lineNo) => out.push(`${lineNo}:${text.slice(start, end)}`));
    return { n, out };
  };
  it('gives no line after a final line break, and one empty line for an empty text', () => {
    expect(lines('a\n')).toEqual({ n: 1, out: ['1:a'] });
    expect(lines('')).toEqual({ n: 1, out: ['1:'] });
  });
  it('splits on LF, CRLF and CR alike', () => {
    expect(lines('a\r\nb\rc\nd').out).toEqual(['1:a', '2:b', '3:c', '4:d']);
  });
  it('normalises a line that is not (trimmed, single spaces, NFC)', () => {
    expect(lines('  Ko\u0308ln \t Mitte \nx').out).toEqual(['1:K\u00f6ln Mitte', '2:x']);
  });
});
