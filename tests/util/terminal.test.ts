import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/util/terminal.js';

describe('terminalSafe', () => {
  it('returns plain text, accents, line feeds and tabs as they are', () => {
    expect(terminalSafe('Hafnarfjörður\tXi\'an\n')).toBe('Hafnarfjörður\tXi\'an\n');
  });
  it.each([
    ['an OSC window title', 'a\x1b]0;pwned\x07b', 'a\\x1b]0;pwned\\x07b'],
    ['a clear-screen sequence', '\x1b[2J', '\\x1b[2J'],
    ['a carriage return, a NUL and DEL', 'x\ry\0z\x7f', 'x\\x0dy\\x00z\\x7f'],
    ['a C1 control (one-character CSI)', 'a\u009bb', 'a\\u009bb'],
    ['a right-to-left override', 'abc\u202Edef', 'abc\\u202edef'],
  ])('shows %s escaped', (_what, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });
  it('keeps JSON text parseable: a C1 control becomes a JSON escape of the same character', () => {
    const json = JSON.stringify({ name: 'a\u0085b\x1b' });
    expect(JSON.parse(terminalSafe(json))).toEqual({ name: 'a\u0085b\x1b' });
  });
});
