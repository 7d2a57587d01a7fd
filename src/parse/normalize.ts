/** Text normalisation shared by parsing and name lookup. */
import { codesToString, FOLD_TABLE_MAX_LENGTH, foldInto, foldTable, scratch } from './fold-table.js';
import { HASH_SEED, HashIndex, hashChars } from './hash-index.js';

/**
 * Unicode NFC, trimmed, internal whitespace runs (incl. no-break spaces) collapsed to one space, and
 * the invisible characters that copying from a web page leaves in names removed: soft hyphen, zero
 * width space, word joiner (`Paris\u200B` is Paris). Zero-width joiners and non-joiners stay: they
 * spell Persian and Indic names and emoji.
 */
export function normalizeText(s: string): string {
  return isNormalText(s) ? s : s.normalize('NFC').replace(INVISIBLE, '').replace(/[\s\u00a0]+/gu, ' ').trim();
}

const INVISIBLE = /[\u00ad\u200b\u2060]/g;

/**
 * True when `normalizeText` leaves `s[start, end)` as it is, for certain: every character below
 * U+0300 (such text is NFC) and no whitespace but single spaces between other characters. Text that
 * fails may still be normal.
 */
export function isNormalText(s: string, start = 0, end = s.length): boolean {
  const last = end - 1;
  for (let i = start; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20) {
      if (c >= 0x300 || c === 0xa0 || c === 0xad) return false;
    } else if (c !== 0x20 || i === start || i === last || s.charCodeAt(i - 1) === 0x20) {
      return false;
    }
  }
  return true;
}

/**
 * A copy of `s[start, end)` that refers to no other string, one byte per character when it can be.
 * (A substring may be a view of the whole input text and would keep it in memory.)
 */
export function copyText(s: string, start = 0, end = s.length): string {
  if (end - start > FOLD_TABLE_MAX_LENGTH) return s.slice(start, end).split('').join('');
  const codes = scratch;
  for (let i = start; i < end; i++) codes[i - start] = s.charCodeAt(i);
  return codesToString(codes, end - start);
}

/**
 * `prefix` + the lower-case ASCII-folded slug of `s`, letters of other scripts kept: `Xi'an` → `xian`,
 * `Ürümqi` → `urumqi` (through the fold table, else the regular-expression definition).
 */
export function slugify(s: string, prefix = ''): string {
  return prefixedSlug(prefix, s, 0, s.length) ?? prefix + slugifyByRegex(s);
}

/** slugify's definition: NFD, marks removed, lower case, apostrophes and backticks removed, other non-letters → `-`, trimmed; `x` if empty. */
export function slugifyByRegex(s: string): string {
  const slug = s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'x' : slug;
}

const SLUG_TABLE = foldTable(/[’'`]/g);

/**
 * `prefix + slugify(s.slice(start, end))` through the fold table, as one flat string; null when the
 * text has characters the table does not cover (then use slugify).
 */
export function prefixedSlug(prefix: string, s: string, start: number, end: number): string | null {
  const n = prefixedSlugCodes(scratch, prefix, s, start, end);
  return n < 0 ? null : codesToString(scratch, n);
}

/** prefixedSlug as codes, written into `out` from position 0: returns their number, or -1 instead of null. */
export function prefixedSlugCodes(out: number[], prefix: string, s: string, start: number, end: number): number {
  if (end - start > FOLD_TABLE_MAX_LENGTH) return -1;
  for (let i = 0; i < prefix.length; i++) out[i] = prefix.charCodeAt(i);
  let n = foldInto(out, prefix.length, s, start, end, SLUG_TABLE, 0x2d);
  if (n < 0) return -1;
  if (n === prefix.length) out[n++] = 0x78; // 'x'
  return n;
}

/**
 * Hands out ids `prefix + slug`, adding `-2`, `-3` … on collision, in call order (deterministic). The
 * ids handed out are found by hash in one typed array (`HashIndex`): no `Set` of strings to grow by rehashing.
 */
export class IdAllocator {
  private readonly index = new HashIndex();
  private readonly ids: string[] = [];
  /**
   * Per base taken, the suffix to try next: every one below it is taken (ids are never freed), so the
   * first free one is found from there, not from 2 (150,000 places of one name took minutes).
   */
  private readonly nextSuffix = new Map<string, number>();
  constructor(private readonly prefix: string) {}
  allocate(text: string): string {
    const base = slugify(text, this.prefix);
    let id = base;
    if (this.has(id)) {
      let n = this.nextSuffix.get(base) ?? 2;
      for (id = `${base}-${n}`; this.has(id); id = `${base}-${n}`) n++;
      this.nextSuffix.set(base, n + 1);
    }
    this.index.add(hashChars(HASH_SEED, id), this.ids.length);
    this.ids.push(id);
    return id;
  }
  private has(id: string): boolean {
    const hash = hashChars(HASH_SEED, id), index = this.index;
    for (let s = index.first(hash); s >= 0; s = index.next(hash, s)) if (this.ids[index.item(s)] === id) return true;
    return false;
  }
}
