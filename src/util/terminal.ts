/**
 * terminalSafe: text for a terminal with every control character shown escaped, so that nothing
 * read from a list (an OSC window title `\x1b]0;…\x07`, a clear-screen `\x1b[2J`, a carriage return
 * that overwrites the line) acts on the terminal. Every printer of the command line passes its text
 * through it, on stdout and stderr alike.
 *
 * - C0 controls but line feed and tab, and DEL (U+007F): `\xHH` (`\x1b`, `\x07`, `\x0d`).
 * - C1 controls (U+0080–U+009F; U+009B is a one-character CSI on some terminals): `\u009b`, which
 *   is also a valid JSON escape of the same character, so `--json` output stays parseable JSON.
 * - Line and paragraph separators (U+2028, U+2029) and the bidirectional overrides and isolates
 *   (U+202A–U+202E, U+2066–U+2069), which reorder what the terminal shows: `\u202e`.
 *
 * Text without any of them is returned as it is (the common case, tested first).
 *
 * @example
 *   terminalSafe('Evil\x1b]0;pwned\x07 City') // 'Evil\\x1b]0;pwned\\x07 City'
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_TEST = new RegExp(UNSAFE.source);

const hex = (c: number, width: number) => c.toString(16).padStart(width, '0');

export function terminalSafe(text: string): string {
  if (!UNSAFE_TEST.test(text)) return text;
  return text.replace(UNSAFE, (ch) => {
    const c = ch.charCodeAt(0);
    return c < 0x80 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
  });
}
