/**
 * Paths in the Markdown report. A report is named after its input file, and a file name can hold
 * anything a Markdown or HTML reader would act on: `my list (2).txt` ends a link target at its `)`,
 * `evil) <img src=x onerror=alert(1)> [a](javascript:alert(1)).txt` injects HTML and a link.
 *
 * - `linkTarget`: a relative file name as a link or image target, percent-encoded (RFC 3986: every
 *   byte but the unreserved `A–Z a–z 0–9 - . _ ~` and `/`), so it holds no space, parenthesis,
 *   bracket, `<` or `:` a reader could take for anything but the file it names.
 * - `pathText`: a path to show in prose: a code span when it is plain (letters, digits and
 *   `/ . _ - : @ + , = ( )` and spaces), else the path as escaped text (`md`) — a code span shows its
 *   text as is but cannot hold every character, and nothing from the name stays raw either way.
 *
 * @example
 *   linkTarget('my list (2).html')            // 'my%20list%20%282%29.html'
 *   pathText('data/raw/china-sister-cities.txt') // '`data/raw/china-sister-cities.txt`'
 */
import { md } from './text.js';

export function linkTarget(path: string): string {
  return encodeURIComponent(path)
    .replace(/%2F/g, '/')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const PLAIN = /^[\p{L}\p{N}/._\-:@+,=() ]*$/u;

export function pathText(path: string): string {
  return PLAIN.test(path) ? `\`${path}\`` : md(path);
}
