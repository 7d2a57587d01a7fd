/**
 * What a parser knows of a data set's links beyond its lists, kept beside the data set (not in it:
 * nothing is written or compared differently): for each link, the position in `homes` of its home
 * entry and in `partners` of its partner, and the partner ids as parsed. Building the bipartite index
 * from these spares a lookup by id string per link (`graph/bipartite-index.ts`), which checks them
 * against the data set first, so a data set changed since parsing is read the ordinary way.
 *
 * @example
 *   rememberLinkPositions(ds, { home, partner, partnerIds });
 *   parsedLinkPositions(ds)?.partner[0] // position in ds.partners of the first link's partner
 */
import type { Dataset } from './types.js';

export interface LinkPositions {
  /** Per link (by position in `links` as parsed): the position in `homes` of its home entry. */
  home: Int32Array;
  /** Per link: the position in `partners` of its partner. */
  partner: Int32Array;
  /** The partners' ids as parsed, by position: all different. */
  partnerIds: readonly string[];
}

const parsed = new WeakMap<Dataset, LinkPositions>();

/** Records the positions of `ds`'s links, as its parser made them (its partner ids all different). */
export function rememberLinkPositions(ds: Dataset, positions: LinkPositions): void {
  parsed.set(ds, positions);
}

/** The positions recorded for `ds` by its parser, or null. They may be out of date: check before use. */
export function parsedLinkPositions(ds: Dataset): LinkPositions | null {
  return parsed.get(ds) ?? null;
}
