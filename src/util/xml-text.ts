/**
 * Characters XML 1.0 cannot carry (C0 controls but tab, CR and LF; U+FFFE, U+FFFF; lone surrogates):
 * shared by every XML writer — the exports (`export/_xml.ts`) and the report's SVG charts and map.
 */

// Everything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
export const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/**
 * The code units `NOT_XML_CHAR` may match: the controls XML forbids, U+FFFE, U+FFFF and every
 * surrogate (a pair is a character XML takes, a lone one is not: told apart by the slow path). A
 * string with none has nothing to replace; the test runs by code unit, without the `u` flag, and
 * is the common case (accented names included), tested first.
 */
export const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text content: characters XML cannot carry become U+FFFD. */
export function xmlText(value: string): string {
  if (!MAYBE_NOT_XML.test(value)) return value;
  return value.replace(NOT_XML_CHAR, '\uFFFD');
}
