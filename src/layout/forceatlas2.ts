/**
 * forceAtlas2Arrays: ForceAtlas2 iterations on typed arrays, giving the same positions bit for bit as
 * graphology-layout-forceatlas2 0.10 (`iterate.js`), with or without Barnes–Hut, several times faster.
 *
 * ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014, PLoS ONE 9(6): e98679,
 * doi:10.1371/journal.pone.0098679). Per iteration, with kr = scalingRatio, m_i = 1 + weighted degree
 * (a self-loop counts twice), d_ij the distance between nodes i and j:
 *   repulsion   F = kr m_i m_j / d_ij            (adjustSizes: d_ij − size_i − size_j, and
 *                                                   100 kr m_i m_j · (x_i − x_j) on overlap)
 *   gravity     F = kr m_i g/kr (strong: × d_i)  (g = gravity)
 *   attraction  F = −c w^δ d_ij                  (linLog: −c w^δ ln(1 + d_ij); outbound distribution:
 *                                                   ÷ m_source and c = mean mass, else c = 1; δ = edgeWeightInfluence)
 * then each free node moves by F · speed_i / slowDown with speed_i = conv_i ln(1 + traction_i) / (1 + √swing_i)
 * (adjustSizes: conv_i = 0.1 and |F| capped at 10), swing/traction the length of F − F_prev / (F + F_prev)/2.
 *
 * Why identical: graphology keeps every node's x, y, dx, dy, old dx/dy, mass, convergence and size in
 * one Float32Array and computes in doubles between stores, so each stored value is rounded to float32.
 * Here the same values live in one Float32Array per field and every expression is evaluated with the
 * same operands in the same order; where a value is kept elsewhere (a local, or the repulsion's f64
 * workspace), it is rounded with `Math.fround` (or its WebAssembly equivalent) at the point graphology
 * stores it. Each dx, dy receives its repulsion terms in graphology's order (row i's pairs j < i, then
 * the rows after it), so every sum rounds the same way. Only what is constant across iterations is
 * computed once (masses, the outbound compensation, w^δ, per-edge linear factors, per-node gravity
 * factors): the same doubles each time. `Math.pow(v, 2)` is written `v * v` (fdlibm's pow, which V8
 * uses, returns x·x for y = 2). The tests compare with graphology bit for bit.
 *
 * Speed: O(n²) repulsion per iteration as in graphology, on a WebAssembly SIMD kernel
 * (`forceatlas2-repulsion.ts`; anti-collision repulsion stays in JavaScript), or with
 * `barnesHutOptimize` graphology's O(n log n) quadtree on typed arrays (`forceatlas2-barnes-hut.ts`);
 * settings hoisted, loops specialised per mode, nothing allocated per iteration. On the seed's core
 * (333 nodes, 100 iterations) about 3× less CPU than graphology warm, 2.3–2.7× in a fresh process.
 *
 * Inputs as graphology reads them from a graph: nodes in graph order, initial x, y (rounded to float32),
 * size `size || 1`, `fixed` nodes never move; edges in graph order with weights as `getEdgeWeight` gives
 * them (the mass is summed from the unrounded weight, the attraction uses it rounded to float32).
 *
 * @example
 *   // a path 0–1–2 from three points on a line
 *   const { x, y } = forceAtlas2Arrays({ x: [0, 1, 2], y: [0, 0, 0], source: [0, 1], target: [1, 2], weight: [1, 1] }, {}, 10);
 */
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import { createBarnesHut } from './forceatlas2-barnes-hut.js';
import type { RepulsionHelper } from './forceatlas2-barnes-hut.js';
import { createRepulsion } from './forceatlas2-repulsion.js';

/** graphology-layout-forceatlas2's `defaults.js`, which settings are laid over. */
export const FORCE_ATLAS2_DEFAULTS = {
  linLogMode: false,
  outboundAttractionDistribution: false,
  adjustSizes: false,
  edgeWeightInfluence: 1,
  scalingRatio: 1,
  strongGravityMode: false,
  gravity: 1,
  slowDown: 1,
  barnesHutOptimize: false,
  barnesHutTheta: 0.5,
} as const satisfies Required<ForceAtlas2Settings>;

export interface ForceAtlas2Input {
  /** Initial positions, one per node (stored as float32, as graphology does). */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Node sizes, read as `size || 1` (used by `adjustSizes` only). Default: all 1. */
  size?: ArrayLike<number> | null;
  /** Nodes that never move (graphology's `fixed` attribute). Default: none. */
  fixed?: ArrayLike<boolean> | null;
  /** Edges as node indices, with weights (attraction strength, a similarity), in graph order. */
  source: ArrayLike<number>;
  target: ArrayLike<number>;
  weight: ArrayLike<number>;
}

export interface ForceAtlas2Positions {
  x: Float32Array;
  y: Float32Array;
}

export interface ForceAtlas2ArraysOptions {
  /** Repulsion on the WebAssembly SIMD kernel when the engine has it (default `true`); same result either way. */
  simd?: boolean;
  /** Another thread sharing the Barnes–Hut walks (`RepulsionHelper`); same result with or without. */
  repulsionHelper?: RepulsionHelper | null;
}

/** Graphology's cap on a node's force under `adjustSizes`. */
const MAX_FORCE = 10;

/**
 * Runs `iterations` ForceAtlas2 iterations from the given positions; returns the final positions
 * (float32, as graphology's `NodeMatrix` holds them). `settings` are laid over `FORCE_ATLAS2_DEFAULTS`.
 */
export function forceAtlas2Arrays(
  input: ForceAtlas2Input, settings: ForceAtlas2Settings, iterations: number, options: ForceAtlas2ArraysOptions = {},
): ForceAtlas2Positions {
  // graphology copies every key given, `undefined` included (which its validation then rejects).
  const s: Required<ForceAtlas2Settings> = { ...FORCE_ATLAS2_DEFAULTS, ...settings };
  checkSettings(s);
  const n = input.x.length, m = input.source.length;
  if (input.y.length !== n) throw new TypeError(`layout/forceatlas2: ${n} x but ${input.y.length} y positions`);
  if (input.target.length !== m || input.weight.length !== m) {
    throw new TypeError(`layout/forceatlas2: ${m} sources, ${input.target.length} targets, ${input.weight.length} weights`);
  }
  if (!Number.isInteger(iterations) || iterations < 0) {
    throw new TypeError(`layout/forceatlas2: iterations must be a non-negative integer, got ${iterations}`);
  }

  const x = Float32Array.from(input.x), y = Float32Array.from(input.y);
  const size = new Float32Array(n).fill(1);
  const free = new Uint8Array(n).fill(1);
  // graphology's mass is float32 and summed edge by edge from the unrounded weight.
  const mass = new Float32Array(n).fill(1);
  const source = new Int32Array(m), target = new Int32Array(m), weight = new Float32Array(m);
  for (let i = 0; i < n; i++) {
    if (input.size) size[i] = input.size[i] || 1;
    if (input.fixed?.[i]) free[i] = 0;
  }
  for (let e = 0; e < m; e++) {
    const a = input.source[e] as number, b = input.target[e] as number, w = input.weight[e] as number;
    if (!(Number.isInteger(a) && a >= 0 && a < n && Number.isInteger(b) && b >= 0 && b < n)) {
      throw new RangeError(`layout/forceatlas2: edge ${e} joins ${a} and ${b}, outside nodes 0…${n - 1}`);
    }
    mass[a] = mass[a]! + w;
    mass[b] = mass[b]! + w;
    source[e] = a; target[e] = b; weight[e] = w;
  }

  let outboundCompensation = 0;
  if (s.outboundAttractionDistribution) {
    for (let i = 0; i < n; i++) outboundCompensation += mass[i]!;
    outboundCompensation /= n;
  }
  const coefficient = 1 * (s.outboundAttractionDistribution ? outboundCompensation : 1);
  // −c·w^δ per edge (graphology evaluates `-coefficient * ewc` first); linear attraction's whole factor.
  const edgeCoefficient = new Float64Array(m), linearFactor = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    edgeCoefficient[e] = -coefficient * Math.pow(weight[e]!, s.edgeWeightInfluence);
    linearFactor[e] = s.outboundAttractionDistribution ? edgeCoefficient[e]! / mass[source[e]!]! : edgeCoefficient[e]!;
  }
  // kr·m_i·(g/kr), evaluated in graphology's order.
  const g = s.gravity / s.scalingRatio;
  const gravityFactor = new Float64Array(n);
  for (let i = 0; i < n; i++) gravityFactor[i] = s.scalingRatio * mass[i]! * g;

  let dx = new Float32Array(n), dy = new Float32Array(n), oldDx = new Float32Array(n), oldDy = new Float32Array(n);
  const convergence = new Float32Array(n).fill(1);
  const barnesHut = s.barnesHutOptimize ? createBarnesHut(n, options.repulsionHelper ?? null) : null;
  const thetaSquared = s.barnesHutTheta * s.barnesHutTheta;
  const repulsion = s.adjustSizes || barnesHut ? null : createRepulsion(n, options.simd ?? true);
  repulsion?.mass.set(mass);
  for (let it = 0; it < iterations; it++) {
    // old ← current, current ← 0: swapping the arrays does both without copying.
    const tx = oldDx, ty = oldDy;
    oldDx = dx; oldDy = dy;
    dx = tx.fill(0); dy = ty.fill(0);

    if (barnesHut) barnesHut.run(x, y, mass, dx, dy, s.scalingRatio, thetaSquared);
    else if (repulsion === null) repulseSized(n, x, y, mass, size, dx, dy, s.scalingRatio);
    else {
      repulsion.x.set(x); repulsion.y.set(y);
      repulsion.run(s.scalingRatio);
      dx.set(repulsion.dx); dy.set(repulsion.dy);
    }
    gravity(n, x, y, gravityFactor, dx, dy, s.strongGravityMode);
    attract(m, source, target, edgeCoefficient, linearFactor, x, y, mass, size, dx, dy, s);
    if (s.adjustSizes) moveSized(n, x, y, dx, dy, oldDx, oldDy, mass, free, s.slowDown);
    else move(n, x, y, dx, dy, oldDx, oldDy, mass, convergence, free, s.slowDown);
  }
  return { x, y };
}

/**
 * Anti-collision repulsion (adjustSizes) over all pairs j < i, with d' = d − size_i − size_j:
 * F = kr m_i m_j / d'² · (x_i − x_j) apart, 100 kr m_i m_j · (x_i − x_j) when they overlap (d' < 0).
 */
function repulseSized(n: number, x: Float32Array, y: Float32Array, mass: Float32Array, size: Float32Array, dx: Float32Array, dy: Float32Array, kr: number): void {
  const kr100 = 100 * kr;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!, yi = y[i]!, si = size[i]!, ki = kr * mass[i]!, ki100 = kr100 * mass[i]!;
    let dxi = dx[i]!, dyi = dy[i]!;
    for (let j = 0; j < i; j++) {
      const xd = xi - x[j]!, yd = yi - y[j]!;
      const d = Math.sqrt(xd * xd + yd * yd) - si - size[j]!;
      let f: number;
      if (d > 0) f = ki * mass[j]! / d / d;
      else if (d < 0) f = ki100 * mass[j]!;
      else continue;
      dxi = Math.fround(dxi + xd * f); dyi = Math.fround(dyi + yd * f);
      dx[j] = dx[j]! - xd * f; dy[j] = dy[j]! - yd * f;
    }
    dx[i] = dxi; dy[i] = dyi;
  }
}

/** Gravity towards the origin: factor kr m_i (g/kr), divided by d_i unless strong gravity; 0 at the origin. */
function gravity(n: number, x: Float32Array, y: Float32Array, gravityFactor: Float64Array, dx: Float32Array, dy: Float32Array, strong: boolean): void {
  for (let i = 0; i < n; i++) {
    const xi = x[i]!, yi = y[i]!;
    const d = Math.sqrt(xi * xi + yi * yi);
    let factor = 0;
    if (d > 0) factor = strong ? gravityFactor[i]! : gravityFactor[i]! / d;
    dx[i] = dx[i]! - xi * factor;
    dy[i] = dy[i]! - yi * factor;
  }
}

/**
 * Attraction along each edge (source takes +, target −): linear −c w^δ (÷ m_source with outbound
 * distribution), or linLog −c w^δ ln(1 + d)/d; with adjustSizes only between nodes that do not overlap.
 */
function attract(
  m: number, source: Int32Array, target: Int32Array, edgeCoefficient: Float64Array, linearFactor: Float64Array,
  x: Float32Array, y: Float32Array, mass: Float32Array, size: Float32Array, dx: Float32Array, dy: Float32Array,
  s: Required<ForceAtlas2Settings>,
): void {
  const sized = s.adjustSizes, linLog = s.linLogMode, outbound = s.outboundAttractionDistribution;
  for (let e = 0; e < m; e++) {
    const a = source[e]!, b = target[e]!;
    const xd = x[a]! - x[b]!, yd = y[a]! - y[b]!;
    let factor: number;
    if (!sized && !linLog) factor = linearFactor[e]!;
    else {
      let d = Math.sqrt(xd * xd + yd * yd);
      if (sized) d = d - size[a]! - size[b]!;
      if (!(d > 0)) continue;
      if (linLog) {
        factor = edgeCoefficient[e]! * Math.log(1 + d) / d;
        if (outbound) factor /= mass[a]!;
      } else factor = linearFactor[e]!;
    }
    dx[a] = dx[a]! + xd * factor; dy[a] = dy[a]! + yd * factor;
    dx[b] = dx[b]! - xd * factor; dy[b] = dy[b]! - yd * factor;
  }
}

/** Moves free nodes by F · speed / slowDown, speed = conv ln(1 + traction)/(1 + √swing); updates conv. */
function move(
  n: number, x: Float32Array, y: Float32Array, dx: Float32Array, dy: Float32Array, oldDx: Float32Array, oldDy: Float32Array,
  mass: Float32Array, convergence: Float32Array, free: Uint8Array, slowDown: number,
): void {
  for (let i = 0; i < n; i++) {
    if (free[i] === 0) continue;
    const fx = dx[i]!, fy = dy[i]!, ox = oldDx[i]!, oy = oldDy[i]!;
    const swinging = mass[i]! * Math.sqrt((ox - fx) * (ox - fx) + (oy - fy) * (oy - fy));
    const traction = Math.sqrt((ox + fx) * (ox + fx) + (oy + fy) * (oy + fy)) / 2;
    const nodeSpeed = convergence[i]! * Math.log(1 + traction) / (1 + Math.sqrt(swinging));
    convergence[i] = Math.min(1, Math.sqrt(nodeSpeed * (fx * fx + fy * fy) / (1 + Math.sqrt(swinging))));
    x[i] = x[i]! + fx * (nodeSpeed / slowDown);
    y[i] = y[i]! + fy * (nodeSpeed / slowDown);
  }
}

/** adjustSizes' move: F capped at length 10, speed = 0.1 ln(1 + traction)/(1 + √swing), no convergence. */
function moveSized(
  n: number, x: Float32Array, y: Float32Array, dx: Float32Array, dy: Float32Array, oldDx: Float32Array, oldDy: Float32Array,
  mass: Float32Array, free: Uint8Array, slowDown: number,
): void {
  for (let i = 0; i < n; i++) {
    if (free[i] === 0) continue;
    const force = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!);
    if (force > MAX_FORCE) {
      dx[i] = dx[i]! * MAX_FORCE / force;
      dy[i] = dy[i]! * MAX_FORCE / force;
    }
    const fx = dx[i]!, fy = dy[i]!, ox = oldDx[i]!, oy = oldDy[i]!;
    const swinging = mass[i]! * Math.sqrt((ox - fx) * (ox - fx) + (oy - fy) * (oy - fy));
    const traction = Math.sqrt((ox + fx) * (ox + fx) + (oy + fy) * (oy + fy)) / 2;
    const nodeSpeed = 0.1 * Math.log(1 + traction) / (1 + Math.sqrt(swinging));
    x[i] = x[i]! + fx * (nodeSpeed / slowDown);
    y[i] = y[i]! + fy * (nodeSpeed / slowDown);
  }
}

/** graphology's `validateSettings`, for the settings this implementation reads. */
function checkSettings(s: Required<ForceAtlas2Settings>): void {
  for (const key of ['linLogMode', 'outboundAttractionDistribution', 'adjustSizes', 'strongGravityMode', 'barnesHutOptimize'] as const) {
    if (typeof s[key] !== 'boolean') throw new TypeError(`layout/forceatlas2: the \`${key}\` setting should be a boolean, got ${String(s[key])}`);
  }
  if (typeof s.edgeWeightInfluence !== 'number') throw new TypeError(`layout/forceatlas2: the \`edgeWeightInfluence\` setting should be a number, got ${String(s.edgeWeightInfluence)}`);
  for (const key of ['scalingRatio', 'gravity'] as const) {
    if (!(typeof s[key] === 'number' && s[key] >= 0)) throw new TypeError(`layout/forceatlas2: the \`${key}\` setting should be a number ≥ 0, got ${String(s[key])}`);
  }
  // graphology's check of slowDown lets any number through (`||` where `&&` was meant): so does this one.
  if (typeof s.slowDown !== 'number') throw new TypeError(`layout/forceatlas2: the \`slowDown\` setting should be a number, got ${String(s.slowDown)}`);
  if (!(typeof s.barnesHutTheta === 'number' && s.barnesHutTheta >= 0)) {
    throw new TypeError(`layout/forceatlas2: the \`barnesHutTheta\` setting should be a number ≥ 0, got ${String(s.barnesHutTheta)}`);
  }
}
