/**
 * `wikipedia-list`: a Wikipedia *List of twin towns and sister cities in <country>* rendered as text:
 * `==A==` sections, a home place on a line of its own, then `- CODE Partner, Country` lines (see
 * `parse-list.ts`).
 */
import { isPartnerLine } from '../classify-lines.js';
import { parseSisterCityList } from '../parse-list.js';
import type { ListFormat } from './list-format.js';

/** How much of the text detection reads. */
const HEAD = 64 * 1024;
const SECTION_LINE = /^\s*==[^=].*==\s*$/;
/** `- Partner, Country`, with or without a flag code. */
const PARTNER_LINE = /,\s*\S/;

export const wikipediaList: ListFormat = {
  id: 'wikipedia-list',
  description: 'Wikipedia\'s twin-town list as text: "==A==" sections, a home place per line, "- CODE Partner, Country" lines',
  detect(text) {
    let sections = 0, partners = 0;
    for (const raw of text.slice(0, HEAD).split(/\r\n|\n|\r/)) {
      const line = raw.trim();
      if (SECTION_LINE.test(line)) sections++;
      else if (isPartnerLine(line, 0, line.length) && PARTNER_LINE.test(line)) partners++;
    }
    return sections > 0 && partners > 0 ? 1 : sections > 0 || partners > 0 ? 0.5 : 0;
  },
  read: (text, options) => parseSisterCityList(text, options),
};
