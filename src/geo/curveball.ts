/**
 * Curveball: degree-preserving randomisation of a bipartite graph (Strona, Nappo, Boccacci, Fattorini
 * & San-Miguel-Ayanz 2014, "A fast and unbiased procedure to randomize ecological binary matrices
 * with fixed row and column totals", Nature Communications 5:4114, doi:10.1038/ncomms5114).
 *
 * The graph is the adjacency of one side in CSR form (row r's neighbours on the other side are
 * adj[offsets[r]] … adj[offsets[r+1]−1], no repeats). One trade:
 *   pick two distinct rows a, b uniformly; let A = N(a) \ N(b), B = N(b) \ N(a) (the neighbours
 *   they do not share); shuffle A ∪ B and give a the first |A| of them, b the rest.
 * Row degrees stay (|N(a)| unchanged) and so do column degrees (a column leaves one row only to join
 * the other); shared neighbours stay; no repeated pair can arise. The chain of trades is irreducible
 * and symmetric, so its stationary distribution is uniform over all bipartite graphs with these
 * degrees (Carstens 2015, Phys. Rev. E 91:042812, doi:10.1103/PhysRevE.91.042812).
 *
 * Cost of a trade: O(deg a + deg b). Randomness from `rng` only (seeded: `util/rng.ts`).
 *
 * @example
 *   // rows {0,1} and {2}: one trade may give {0,2} and {1}, {1,2} and {0}, or leave them
 *   curveball({ offsets: Int32Array.of(0, 2, 3), adj: Int32Array.of(0, 1, 2) }, { trades: 1, rng: createRng(1) })
 */
import { createRng, DEFAULT_SEED, type Rng } from '../util/rng.js';

/** One side's adjacency in CSR form, as `graph/bipartite-index.ts` builds it (`SideIndex`). */
export interface CsrSide {
  offsets: Int32Array;
  adj: Int32Array;
}

export interface CurveballOptions {
  /** Number of trades. Default: 5 × the number of links (the burn-in of `distance-null-model.ts`). */
  trades?: number;
  /** Random numbers. Default: createRng(DEFAULT_SEED). */
  rng?: Rng;
}

/** A new adjacency (same offsets) after `trades` trades; the input is not changed. */
export function curveball(side: CsrSide, options: CurveballOptions = {}): Int32Array {
  const chain = curveballChain(side, options.rng ?? createRng(DEFAULT_SEED));
  chain.trade(options.trades ?? 5 * side.adj.length);
  return chain.adj;
}

export interface CurveballChain {
  /** The current adjacency (same offsets as the input); changed in place by `trade`. */
  readonly adj: Int32Array;
  /** Performs `n` trades. */
  trade(n: number): void;
}

/**
 * The Markov chain itself, on a copy of the adjacency, for samplers that read the graph between
 * trades without copying it.
 */
export function curveballChain(side: CsrSide, rng: Rng): CurveballChain {
  const { offsets } = side;
  const rows = offsets.length - 1;
  if (rows < 0 || offsets[0] !== 0 || offsets[rows] !== side.adj.length) {
    throw new RangeError(`geo/curveball: offsets must run from 0 to adj.length (${side.adj.length}), got ${offsets[0]} … ${offsets[rows]}`);
  }
  const adj = side.adj.slice();
  let columns = 0;
  for (let r = 0; r < rows; r++) {
    if ((offsets[r + 1] as number) < (offsets[r] as number)) throw new RangeError(`geo/curveball: offsets decrease at row ${r}`);
  }
  for (let e = 0; e < adj.length; e++) {
    const c = adj[e] as number;
    if (!(c >= 0)) throw new RangeError(`geo/curveball: negative column ${c} at position ${e}`);
    if (c + 1 > columns) columns = c + 1;
  }
  // mark[c] === stamp: c is a neighbour of row a in the current trade.
  const mark = new Int32Array(columns);
  let stamp = 0;
  for (let r = 0; r < rows; r++) {
    stamp++;
    for (let e = offsets[r] as number; e < (offsets[r + 1] as number); e++) {
      if (mark[adj[e] as number] === stamp) throw new RangeError(`geo/curveball: row ${r} lists column ${adj[e]} twice`);
      mark[adj[e] as number] = stamp;
    }
  }
  let maxDegree = 0;
  for (let r = 0; r < rows; r++) maxDegree = Math.max(maxDegree, (offsets[r + 1] as number) - (offsets[r] as number));
  const pool = new Int32Array(2 * maxDegree);

  const shared = new Int32Array(maxDegree);
  const pairs = rows * (rows - 1);

  const tradeOnce = (): void => {
    // One draw for the ordered pair (a, b), a ≠ b: uniform over the rows·(rows − 1) pairs.
    const x = Math.min(pairs - 1, Math.floor(rng() * pairs));
    const a = Math.floor(x / (rows - 1));
    let b = x - a * (rows - 1);
    if (b >= a) b++;
    const a0 = offsets[a]!, a1 = offsets[a + 1]!, b0 = offsets[b]!, b1 = offsets[b + 1]!;
    if (stamp === 0x7ffffffe) { mark.fill(0); stamp = 0; }
    // This trade's marks, in locals (a closure variable is reloaded at each use): on = in a's row,
    // off = shared with b (so that a's second pass skips it).
    const on = ++stamp, off = -on;
    for (let e = a0; e < a1; e++) mark[adj[e]!] = on;
    // b's neighbours: shared ones, or b's own to the pool.
    let n = 0, s = 0;
    for (let e = b0; e < b1; e++) {
      const c = adj[e]!;
      if (mark[c] === on) { mark[c] = off; shared[s++] = c; } else pool[n++] = c;
    }
    const nB = n;
    if (nB === 0) return;
    for (let e = a0; e < a1; e++) {
      const c = adj[e]!;
      if (mark[c] === on) pool[n++] = c;
    }
    const nA = n - nB;
    if (nA === 0) return;
    // A uniformly random nA-subset of the pool goes to a, the rest to b: partial Fisher–Yates on the
    // first min(nA, nB) places, which are a's share when nA ≤ nB and b's otherwise.
    const firstToA = nA <= nB;
    const pick = firstToA ? nA : nB;
    for (let k = 0; k < pick; k++) {
      const r = k + Math.min(n - k - 1, Math.floor(rng() * (n - k)));
      const t = pool[k]!; pool[k] = pool[r]!; pool[r] = t;
    }
    // Both rows: the shared neighbours, then their share of the pool (the first `pick` to one row, the rest to the other).
    let pa = a0, pb = b0;
    for (let k = 0; k < s; k++) { const c = shared[k]!; adj[pa++] = c; adj[pb++] = c; }
    if (firstToA) {
      for (let k = 0; k < pick; k++) adj[pa++] = pool[k]!;
      for (let k = pick; k < n; k++) adj[pb++] = pool[k]!;
    } else {
      for (let k = 0; k < pick; k++) adj[pb++] = pool[k]!;
      for (let k = pick; k < n; k++) adj[pa++] = pool[k]!;
    }
  };

  return {
    adj,
    trade(count: number): void {
      if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`geo/curveball: trades must be a whole number ≥ 0, got ${count}`);
      if (rows < 2) return;
      for (let t = 0; t < count; t++) tradeOnce();
    },
  };
}
