/**
 * terminalSafe: text for a terminal with every control character shown escaped, so that nothing
 * read from a list (an OSC window title `\x1b]0;…\x07`, a clear-screen `\x1b[2J`, a carriage return
 * that overwrites the line) acts on the terminal. Every printer of the command line passes its text
 * through it, on stdout and stderr alike.
 *
 * - C0 controls but line feed and tab: `\xHH` (`\x1b`, `\x07`, `\x0d`; in `--json` output
 *   JSON.stringify has escaped them already).
 * - DEL (U+007F) and the C1 controls (U+0080–U+009F; U+009B is a one-character CSI on some
 *   terminals): `\u007f`, `\u009b`, which are also valid JSON escapes of the same characters, so
 *   `--json` output stays parseable JSON (as for every escape below).
 * - Line and paragraph separators (U+2028, U+2029), every bidirectional control — the overrides and
 *   isolates (U+202A–U+202E, U+2066–U+2069), which reorder what the terminal shows, and the marks
 *   (U+200E, U+200F, U+061C) — and the invisible characters a name has no use for: the word joiner
 *   and invisible operators (U+2060–U+2064), the deprecated format characters (U+206A–U+206F), the
 *   Mongolian vowel separator (U+180E), the combining grapheme joiner (U+034F), the Hangul fillers
 *   (U+115F, U+1160, U+3164, U+FFA0), the interlinear annotation characters (U+FFF9–U+FFFB), the
 *   noncharacters U+FFFE and U+FFFF: `\u200f`. Tag characters (U+E0000–U+E007F) as their UTF-16
 *   escapes (`\udb40\udc41`), but inside an emoji tag sequence (🏴 then tags: Scotland's flag).
 *   The zero-width joiner and non-joiner (U+200C, U+200D) stay: Persian and Indic names and emoji
 *   sequences need them.
 *
 * Text without any of them is returned as it is (the common case, tested first).
 *
 * @example
 *   terminalSafe('Evil\x1b]0;pwned\x07 City') // 'Evil\\x1b]0;pwned\\x07 City'
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u034f\u061c\u115f\u1160\u180e\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\uffa0\ufff9-\ufffb\ufffe\uffff]|\udb40[\udc00-\udc7f]/g;
const UNSAFE_TEST = new RegExp(UNSAFE.source);

const hex = (c: number, width: number) => c.toString(16).padStart(width, '0');

/** Whether the tag character at `at` continues an emoji tag sequence: after U+1F3F4 (🏴) or another tag. */
function inTagSequence(text: string, at: number): boolean {
  for (let i = at; i >= 2; i -= 2) {
    const high = text.charCodeAt(i - 2), low = text.charCodeAt(i - 1);
    if (high === 0xd83c && low === 0xdff4) return true; // U+1F3F4
    if (!(high === 0xdb40 && low >= 0xdc00 && low <= 0xdc7f)) return false;
  }
  return false;
}

export function terminalSafe(text: string): string {
  if (!UNSAFE_TEST.test(text)) return text;
  return text.replace(UNSAFE, (ch: string, at: number) => {
    if (ch.length === 2) return inTagSequence(text, at) ? ch : `\\u${hex(ch.charCodeAt(0), 4)}\\u${hex(ch.charCodeAt(1), 4)}`;
    const c = ch.charCodeAt(0);
    return c < 0x7f ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
  });
}
