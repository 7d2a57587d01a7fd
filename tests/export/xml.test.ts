/**
 * `xmlText` answers a string with nothing to replace (no code unit of the controls XML forbids, of
 * U+FFFE/U+FFFF or of a surrogate) without running the Unicode-aware replacement: the fast path and
 * the replacement must agree on every string, hostile ones included.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NOT_XML_CHAR, xmlAttr, xmlText } from '../../src/export/_xml.js';

/** The slow path alone: every character XML cannot carry → U+FFFD. */
const replaced = (s: string) => s.replace(NOT_XML_CHAR, '\uFFFD');

describe('xmlText', () => {
  it.each([
    ['plain ASCII', 'Xi\'an, Shaanxi', 'Xi\'an, Shaanxi'],
    ['markup, left to the serialiser', '<img src=x onerror=alert(1)> ]]> "q" &amp;', '<img src=x onerror=alert(1)> ]]> "q" &amp;'],
    ['a spreadsheet formula', '=HYPERLINK("http://x","y")', '=HYPERLINK("http://x","y")'],
    ['accents and CJK', 'Besançon – 西安', 'Besançon – 西安'],
    ['tab, CR and LF, which XML takes', 'a\tb\r\nc', 'a\tb\r\nc'],
    ['C0 controls', 'a\u0000b\u0008c\u000Bd\u001Fe', 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe'],
    ['U+FFFE and U+FFFF', 'x\uFFFEy\uFFFF', 'x\uFFFDy\uFFFD'],
    ['a surrogate pair (an emoji), kept', 'Rio 🎉', 'Rio 🎉'],
    ['lone surrogates', 'a\uD800b\uDFFF', 'a\uFFFDb\uFFFD'],
    ['a pair then a lone high surrogate', '🎉\uD83C', '🎉\uFFFD'],
    ['RTL and zero-width marks, which XML takes', '\u200Fالقاهرة\u200E\u200B', '\u200Fالقاهرة\u200E\u200B'],
    ['the empty string', '', ''],
  ])('%s', (_what, input, expected) => {
    expect(xmlText(input)).toBe(expected);
    expect(xmlText(input)).toBe(replaced(input));
    expect(xmlAttr(input)).toBe(replaced(input));
  });

  it('agrees with the replacement on any string of UTF-16 code units', () => {
    const codeUnit = fc.oneof(
      fc.integer({ min: 0, max: 0xFFFF }),
      fc.constantFrom(0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x7F, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFD, 0xFFFE, 0xFFFF),
    ).map((u) => String.fromCharCode(u));
    fc.assert(fc.property(fc.string({ unit: codeUnit, maxLength: 12 }), (s) => xmlText(s) === replaced(s)), { seed: 42, numRuns: 5000 });
  });
});
