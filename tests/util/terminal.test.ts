import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/util/terminal.js';

describe('terminalSafe', () => {
  it('returns plain text, accents, line feeds and tabs as they are', () => {
    expect(terminalSafe('Hafnarfjörður\tXi\'an\n')).toBe('Hafnarfjörður\tXi\'an\n');
  });
  it.each([
    ['an OSC window title', 'a\x1b]0;pwned\x07b', 'a\\x1b]0;pwned\\x07b'],
    ['a clear-screen sequence', '\x1b[2J', '\\x1b[2J'],
    ['a carriage return, a NUL and DEL', 'x\ry\0z\x7f', 'x\\x0dy\\x00z\\u007f'],
    ['a C1 control (one-character CSI)', 'a\u009bb', 'a\\u009bb'],
    ['a right-to-left override', 'abc\u202Edef', 'abc\\u202edef'],
    ['bidirectional marks (LRM, RLM, ALM)', 'a\u200Eb\u200Fc\u061Cd', 'a\\u200eb\\u200fc\\u061cd'],
    ['a word joiner, an invisible operator and a deprecated format character', 'a\u2060b\u2062c\u206Ad', 'a\\u2060b\\u2062c\\u206ad'],
    ['Hangul fillers, the grapheme joiner and the Mongolian vowel separator', '\u3164\u115F\u034F\u180E', '\\u3164\\u115f\\u034f\\u180e'],
    ['noncharacters and interlinear annotation', 'a\uFFFE\uFFFF\uFFF9b', 'a\\ufffe\\uffff\\ufff9b'],
    ['a tag character outside an emoji tag sequence', 'a\u{E0041}b', 'a\\udb40\\udc41b'],
  ])('shows %s escaped', (_what, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });
  it('keeps JSON text parseable: DEL, a C1 control, a bidi mark and a tag become JSON escapes of the same characters', () => {
    const name = 'a\u0085b\x1bc\x7fd\u200Fe\u{E0041}f';
    const json = JSON.stringify({ name });
    expect(JSON.parse(terminalSafe(json))).toEqual({ name });
  });
  it('keeps what names and emoji need: the zero-width (non-)joiner and a flag\'s tag sequence', () => {
    for (const text of ['می\u200Cخواهم', 'क\u200D्ष', '👩\u200D🚀', '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}']) expect(terminalSafe(text)).toBe(text);
  });
});
