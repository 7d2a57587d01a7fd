/**
 * `xmlText` answers a string with nothing to replace (no code unit of the controls XML forbids, of
 * U+FFFE/U+FFFF or of a surrogate) without running the Unicode-aware replacement: the fast path and
 * the replacement must agree on every string, hostile ones included.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nodeIdWriter, NOT_XML_CHAR, xmlAttr, xmlText } from '../../src/export/_xml.js';

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

describe('nodeIdWriter', () => {
  it('writes every key as xmlAttr(key), the same key as often as asked', () => {
    const id = nodeIdWriter('test');
    for (const key of ['cn:xian', 'p:rio 🎉', 'a\u0001b', 'a\uFFFDc', 'cn:xian', 'a\u0001b']) expect(id(key)).toBe(xmlAttr(key));
  });

  it.each([
    ['a rewritten key, then a key that is its id', 'a\u0001b', 'a\uFFFDb'],
    ['a key holding U+FFFD, then a key rewritten to it', 'a\uFFFDb', 'a\u0001b'],
    ['two keys rewritten to one id', 'a\u0001b', 'a\u0002b'],
    ['a lone surrogate and a control', 'x\uD800', 'x\u0000'],
  ])('refuses two keys written as one id: %s', (_what, first, second) => {
    const id = nodeIdWriter('test');
    id(first);
    expect(() => id(second)).toThrow(/test: node keys .* would both be written as id/);
  });

  it('property: refuses exactly the keys whose ids coincide', () => {
    const unit = fc.constantFrom('a', 'b', '\u0001', '\u0002', '\uFFFD', '\uD800', '\uFFFE');
    fc.assert(fc.property(fc.array(fc.array(unit, { maxLength: 3 }).map((u) => u.join('')), { maxLength: 8 }), (keys) => {
      const id = nodeIdWriter('test');
      const owner = new Map<string, string>();
      for (const key of keys) {
        const expected = xmlAttr(key), before = owner.get(expected);
        if (before !== undefined && before !== key) { expect(() => id(key)).toThrow(/would both be written/); return; }
        owner.set(expected, key);
        expect(id(key)).toBe(expected);
      }
    }));
  });
});
