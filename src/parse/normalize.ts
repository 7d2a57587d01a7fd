/** Text normalisation shared by parsing and name lookup. */

/** Unicode NFC, trimmed, internal whitespace runs (incl. no-break spaces) collapsed to one space. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(/[\s\u00a0]+/gu, ' ').trim();
}

/** Lower-case ASCII-folded slug, letters of other scripts kept: `Xi'an` → `xian`, `Ürümqi` → `urumqi`. */
export function slugify(s: string): string {
  const slug = s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'x' : slug;
}

/** Hands out ids `prefix + slug`, adding `-2`, `-3` … on collision, in call order (deterministic). */
export class IdAllocator {
  private readonly used = new Set<string>();
  constructor(private readonly prefix: string) {}
  allocate(text: string): string {
    const base = this.prefix + slugify(text);
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
