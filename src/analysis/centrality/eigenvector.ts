/**
 * Eigenvector centrality (Bonacich 1987, doi:10.1086/228631), as NetworkX `eigenvector_centrality`:
 * the limit of power iteration on A + I (the shift keeps a bipartite graph, whose spectrum is
 * symmetric, from oscillating; the eigenvector is A's leading one) from x₀ = 1/N, normalised to unit
 * Euclidean norm.
 *
 * That limit is the Perron vector of the connected component with the largest leading eigenvalue
 * λ (x₀ has a positive projection on it; every other component decays to exactly 0), so it is
 * computed per component: with B the component's biadjacency matrix (home × partner), A's leading
 * eigenvector is (u, v) with B·Bᵀu = λ²u and v = Bᵀu/λ, ‖u‖ = ‖v‖. λ² and u come from Lanczos on
 * B·Bᵀ restricted to the component's smaller side (`lanczos.ts`, to a relative residual of 1e-13),
 * and only for components that can win: λ ≤ max over edges √(d_i·d_j) (an upper bound) is checked
 * against the best λ found so far, and a complete bipartite K_{a,b} (a star, a single edge) has
 * λ = √(ab), home entries 1/√(2a) and partner entries 1/√(2b).
 *
 * When several components share the largest λ (within a relative 1e-10, far below what separates
 * distinct eigenvalues of graphs of this size and far above Lanczos' error; say two identical stars)
 * the limit keeps each of them in proportion to x₀'s projection on it: with φ_c the unit Perron
 * vector of tied component c, x ∝ Σ_c (1ᵀφ_c)·φ_c, normalised (the other components, and the
 * eigenvalues 1 − λ of A + I, decay). Only if Lanczos does not converge is the vector power
 * iteration's (`powerIterationEigenvector`), stopped, as NetworkX's, when Σ|x − x_prev| < N·tol.
 *
 * NetworkX reproduces this limit when run to a tight tolerance (tol ≤ 1e-13: within 1e-9); at its
 * default tol = 1e-6 and 100 iterations, components that lose keep small non-zero values.
 *
 * Gephi's `eigencentrality` is the same vector scaled so that its maximum is 1 (`maxNormalized`).
 * `iterations` counts applications of B·Bᵀ (Lanczos steps and residual checks, over all
 * components examined), or of A + I when power iteration was used.
 *
 * @example  star K_{1,k}: centre 1/√2, each leaf 1/√(2k).
 */
import type { UnifiedIndex } from '../../graph/bipartite-index.js';
import { components } from '../structure/structure.js';
import { definedOnly } from '../../util/defined-only.js';
import { largestEigenpair } from './lanczos.js';

export interface EigenvectorOptions { tolerance?: number; maxIterations?: number }
/** Options of the power iteration, used for tied components. */
export const EIGENVECTOR_DEFAULTS = { tolerance: 1e-10, maxIterations: 10_000 } as const;
/** Components whose λ differ by less than this (relative) are tied. */
export const EIGENVECTOR_TIE = 1e-10;

export interface EigenvectorResult {
  values: Float64Array;
  maxNormalized: Float64Array;
  iterations: number;
  /**
   * Null when the vector converged; else what stopped short, in words — a long chain's tiny spectral
   * gap can outlast both Lanczos and power iteration: the vector is then the best one found.
   */
  unconverged?: string;
}

/** The nodes of one component: home nodes order[start…mid−1], partners order[mid…end−1]. */
interface Piece { start: number; mid: number; end: number; edges: number; lower: number; upper: number }

/** A component's leading eigenvalue λ, its eigenvector on the component's nodes (unit norm), the B·Bᵀ products spent, and whether (and how well) it converged. */
interface Leading { lambda: number; nodes: Int32Array; vector: Float64Array; products: number; converged: boolean; residual: number }

export function eigenvectorCentrality(g: UnifiedIndex, options: EigenvectorOptions = {}): EigenvectorResult {
  const N = g.n + g.m;
  if (N === 0) throw new Error('analysis/eigenvector: the graph is empty');
  const { order, pieces } = piecesOf(g);
  const local = new Int32Array(N);
  // The components that can win, largest lower bound first; `leaders` holds those tied at the top λ.
  let leaders: Leading[] = [], top = -Infinity, products = 0;
  for (const p of [...pieces].sort((a, b) => b.lower - a.lower)) {
    if (leaders.length > 0 && p.upper < top * (1 - EIGENVECTOR_TIE)) continue;
    const found = completeBipartite(order, p) ?? lanczosLeading(g, order, p, local);
    if (!found.converged) {
      // Power iteration as NetworkX runs it; if it too stops short, the Lanczos vector, said so.
      try { return powerIterationEigenvector(g, options); } catch { /* no convergence either */ }
      return { ...leadingResult([found], N), unconverged: `eigenvector centrality did not converge (Lanczos residual ${found.residual.toExponential(1)} for a component of ${found.nodes.length} nodes, after ${found.products} products; power iteration too): the vector shown is the closest found` };
    }
    products += found.products;
    if (found.lambda > top * (1 + EIGENVECTOR_TIE)) leaders = [found];
    else if (found.lambda >= top * (1 - EIGENVECTOR_TIE)) leaders.push(found);
    top = Math.max(top, found.lambda);
  }
  leaders = leaders.filter((l) => l.lambda >= top * (1 - EIGENVECTOR_TIE));
  return { ...leadingResult(leaders, N), iterations: products };
}

/** The vector of the leading components (one: its own; tied: weighted by their entry sums), unit norm. */
function leadingResult(leaders: readonly Leading[], N: number): EigenvectorResult {
  const values = new Float64Array(N);
  if (leaders.length === 1) { // the component's own vector, as is (the weighting below would round it)
    const { nodes, vector } = leaders[0]!;
    nodes.forEach((v, i) => { values[v] = vector[i]!; });
  } else {
    // Tied: each Perron vector weighted by its entry sum (x₀'s projection on it, up to 1/N), then unit norm.
    let norm = 0;
    for (const { nodes, vector } of leaders) {
      let sum = 0;
      for (const x of vector) sum += x;
      nodes.forEach((v, i) => { values[v] = sum * vector[i]!; norm += values[v]! ** 2; });
    }
    norm = Math.sqrt(norm);
    for (let v = 0; v < N; v++) values[v] = values[v]! / norm;
  }
  return { values, maxNormalized: maxNormalized(values), iterations: leaders.reduce((t, l) => t + l.products, 0) };
}

/**
 * Power iteration on A + I from x₀ = 1/N, normalised to unit Euclidean norm at each step, until
 * Σ|x − x_prev| < N·tol (NetworkX `eigenvector_centrality`); `iterations` counts the steps.
 */
export function powerIterationEigenvector(g: UnifiedIndex, options: EigenvectorOptions = {}): EigenvectorResult {
  const { tolerance, maxIterations } = { ...EIGENVECTOR_DEFAULTS, ...definedOnly(options) };
  const N = g.n + g.m;
  if (N === 0) throw new Error('analysis/eigenvector: the graph is empty');
  let x = new Float64Array(N).fill(1 / N);
  let next = new Float64Array(N);
  for (let it = 1; it <= maxIterations; it++) {
    next.set(x);
    for (let v = 0; v < N; v++) {
      let acc = 0;
      for (let e = g.offsets[v] as number; e < (g.offsets[v + 1] as number); e++) acc += x[g.adj[e] as number] as number;
      next[v] = (next[v] as number) + acc;
    }
    let norm = 0;
    for (let v = 0; v < N; v++) norm += (next[v] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    let err = 0;
    for (let v = 0; v < N; v++) { next[v] = (next[v] as number) / norm; err += Math.abs((next[v] as number) - (x[v] as number)); }
    [x, next] = [next, x];
    if (err < N * tolerance) return { values: x, maxNormalized: maxNormalized(x), iterations: it };
  }
  throw new Error(`analysis/eigenvector: no convergence in ${maxIterations} iterations (tolerance ${tolerance})`);
}

function maxNormalized(x: Float64Array): Float64Array {
  let max = 0;
  for (const v of x) if (v > max) max = v;
  return x.map((v) => (max > 0 ? v / max : 0));
}

/**
 * The components, their nodes grouped in `order`, and bounds on their λ: below, √(max degree) (a
 * star is a subgraph) and √(Σd²/size) (Hofmeister 1988); above, max over edges √(d_i·d_j).
 */
function piecesOf(g: UnifiedIndex): { order: Int32Array; pieces: Piece[] } {
  const N = g.n + g.m;
  const { count, membership } = components(g);
  const degree = (v: number): number => (g.offsets[v + 1] as number) - (g.offsets[v] as number);
  const homes = new Int32Array(count), sizes = new Int32Array(count), edges = new Float64Array(count);
  const maxDeg = new Float64Array(count), sumSq = new Float64Array(count), maxProduct = new Float64Array(count);
  for (let v = 0; v < N; v++) {
    const c = membership[v] as number, d = degree(v);
    sizes[c]!++;
    if (v < g.n) { homes[c]!++; edges[c] = (edges[c] as number) + d; }
    maxDeg[c] = Math.max(maxDeg[c] as number, d);
    sumSq[c] = (sumSq[c] as number) + d * d;
  }
  for (let v = 0; v < g.n; v++) {
    const c = membership[v] as number, d = degree(v);
    for (let e = g.offsets[v] as number; e < (g.offsets[v + 1] as number); e++) maxProduct[c] = Math.max(maxProduct[c] as number, d * degree(g.adj[e] as number));
  }
  // Counting sort by component; within one, node order, so home nodes come first.
  const at = new Int32Array(count + 1);
  for (let c = 0; c < count; c++) at[c + 1] = (at[c] as number) + (sizes[c] as number);
  const pieces: Piece[] = Array.from({ length: count }, (_, c) => ({
    start: at[c] as number, mid: (at[c] as number) + (homes[c] as number), end: at[c + 1] as number, edges: edges[c] as number,
    lower: Math.max(Math.sqrt(maxDeg[c] as number), Math.sqrt((sumSq[c] as number) / (sizes[c] as number))),
    upper: Math.sqrt(maxProduct[c] as number),
  }));
  const order = new Int32Array(N), fill = at.slice(0, count);
  for (let v = 0; v < N; v++) order[fill[membership[v] as number]!++] = v;
  return { order, pieces };
}

/**
 * A complete bipartite component K_{a,b} (a star, a single edge): λ = √(ab), entries 1/√(2a) and
 * 1/√(2b); an isolated node: λ = 0.
 */
function completeBipartite(order: Int32Array, p: Piece): Leading | null {
  const a = p.mid - p.start, b = p.end - p.mid;
  const nodes = order.subarray(p.start, p.end);
  if (a === 0 || b === 0) return { lambda: 0, nodes, vector: Float64Array.of(1), products: 0, converged: true, residual: 0 };
  if (p.edges !== a * b) return null;
  const vector = new Float64Array(a + b);
  vector.fill(1 / Math.sqrt(2 * a), 0, a).fill(1 / Math.sqrt(2 * b), a);
  return { lambda: Math.sqrt(a * b), nodes, vector, products: 0, converged: true, residual: 0 };
}

/**
 * λ and the eigenvector of a component by Lanczos on B·Bᵀ over its smaller side ("rows"; the other
 * side "cols"), started from the rows' degrees (positive, so not orthogonal to the Perron vector);
 * then cols = Bᵀ·rows/λ. When the short basis does not converge (a long chain's leading eigenvalues lie
 * close together) on a component of up to LONG_BASIS_ROWS rows, once more with a basis of up to
 * LONG_BASIS vectors; `converged` says whether the pair converged.
 */
function lanczosLeading(g: UnifiedIndex, order: Int32Array, p: Piece, local: Int32Array): Leading {
  const homes = order.subarray(p.start, p.mid), partners = order.subarray(p.mid, p.end);
  const [rows, cols] = homes.length <= partners.length ? [homes, partners] : [partners, homes];
  rows.forEach((v, i) => { local[v] = i; });
  /** CSR of the list's adjacency, in local numbers, keeping the neighbours that pass `keep`. */
  const csr = (list: Int32Array, keep: (v: number) => boolean = () => true): { off: Int32Array; adj: Int32Array } => {
    const off = new Int32Array(list.length + 1), adj: number[] = [];
    list.forEach((v, i) => {
      for (let e = g.offsets[v] as number; e < (g.offsets[v + 1] as number); e++) if (keep(g.adj[e] as number)) adj.push(local[g.adj[e] as number] as number);
      off[i + 1] = adj.length;
    });
    return { off, adj: Int32Array.from(adj) };
  };
  // A col of degree 1 adds 1 to its row's diagonal of B·Bᵀ: counted there, not gathered through.
  const shared = cols.filter((v) => (g.offsets[v + 1] as number) - (g.offsets[v] as number) > 1);
  const single = new Float64Array(rows.length);
  for (const v of cols) if ((g.offsets[v + 1] as number) - (g.offsets[v] as number) === 1) single[local[g.adj[g.offsets[v] as number] as number] as number]!++;
  shared.forEach((v, i) => { local[v] = i; });
  const R = csr(rows, (v) => (g.offsets[v + 1] as number) - (g.offsets[v] as number) > 1), S = csr(shared);
  const w = new Float64Array(shared.length);
  const start = Float64Array.from(rows, (v) => (g.offsets[v + 1] as number) - (g.offsets[v] as number));
  const apply = (x: Float64Array, out: Float64Array) => {
    gather(S, x, w); gather(R, w, out);
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (single[i] as number) * (x[i] as number);
  };
  let pair = largestEigenpair(apply, start);
  if (!pair.converged && rows.length <= LONG_BASIS_ROWS) {
    const steps = Math.max(2, Math.min(rows.length, LONG_BASIS));
    const again = largestEigenpair(apply, start, { steps, keep: Math.max(1, Math.floor(steps / 3)), maxRestarts: 100 });
    pair = { ...again, products: pair.products + again.products };
  }
  const lambda = Math.sqrt(pair.value);
  const u = pair.vector.map((x) => Math.max(x, 0));
  const v = new Float64Array(cols.length);
  gather(csr(cols), u, v);
  const nodes = new Int32Array(rows.length + cols.length);
  nodes.set(rows); nodes.set(cols, rows.length);
  const vector = new Float64Array(nodes.length);
  vector.set(u); vector.set(v.map((x) => x / lambda), rows.length);
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm);
  return { lambda, nodes, vector: vector.map((x) => x / norm), products: pair.products, converged: pair.converged, residual: pair.residual };
}

/**
 * The second Lanczos try: a basis of up to 120 vectors, for components of up to 500 rows (a chain's
 * leading eigenvalues lie close; its cost, up to ~8,000 products of 500 × 120 orthogonalisations,
 * stays within seconds — a chain of 2,500 rows took 246 s to converge so).
 */
const LONG_BASIS = 120, LONG_BASIS_ROWS = 500;

/** out[i] = Σ of x over the neighbours of i in the CSR s. */
function gather(s: { off: Int32Array; adj: Int32Array }, x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) {
    let acc = 0;
    for (let e = s.off[i] as number; e < (s.off[i + 1] as number); e++) acc += x[s.adj[e] as number] as number;
    out[i] = acc;
  }
}
