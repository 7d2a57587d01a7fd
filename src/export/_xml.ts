/**
 * Internal helpers for the XML writers. xmlbuilder2 escapes `&`, `<`, `>` and `"`, but writes
 * characters that XML 1.0 forbids (C0 controls, U+FFFE/U+FFFF, lone surrogates) as they are, and
 * tabs/newlines in attribute values raw, which any parser then reads back as spaces. These helpers make
 * both explicit.
 */

// Everything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const WHITESPACE_CONTROL = /[\t\n\r]/g;

/** Text content: characters XML cannot carry become U+FFFD. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD');
}

/** Attribute value: as `xmlText`, and tab/CR/LF become a space (what XML attribute-value normalisation would read anyway). */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(WHITESPACE_CONTROL, ' ');
}

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
