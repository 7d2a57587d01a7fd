/**
 * The largest eigenpair of a symmetric positive semidefinite operator M, by the Lanczos process with
 * full reorthogonalisation and thick restarts (Krylov–Schur; Golub & Van Loan, Matrix Computations,
 * 4th ed., §10.1–10.3; Wu & Simon 2000, doi:10.1137/S0895479898334605).
 *
 * An orthonormal basis Q of a Krylov space grows one product at a time: w = M·q_j, orthogonalised
 * against all of Q (classical Gram–Schmidt, a second pass when the first removed most of w), the
 * coefficients filling column j of H = Qᵀ M Q; the remainder, normalised, is the next basis vector.
 * The largest eigenpair (θ, s) of the small dense H (Jacobi rotations) gives the Ritz pair
 * (θ, y = Q s) with residual ‖M y − θ y‖ = β·|s_last|. When the basis reaches `steps` vectors it
 * restarts from the `keep` leading Ritz vectors and the remainder, so that what was learnt about the
 * next eigenvectors is kept. The pair is returned once the true residual is ≤ tol·θ.
 *
 * @example  M = [[2, 1], [1, 2]] from y = (1, 0): θ = 3, y = (1, 1)/√2 (two products build the basis, a third checks the residual).
 */

import { definedOnly } from '../../util/defined-only.js';

export interface LanczosOptions { steps?: number; keep?: number; tolerance?: number; maxRestarts?: number }
/**
 * A short basis: a product costs one pass of B·Bᵀ, but orthogonalising the new vector against a basis
 * of j vectors costs 2·j passes over a vector (4·j with the second Gram–Schmidt pass), which dominates
 * at these sizes. The bench's eigenvector stage at 1.4M links (B·Bᵀ of 100,612 rows), side by side,
 * 3 runs each: steps 40 / keep 12, 101 products, 3.71 s; 12 / 4, 113 products, 2.11 s (scale 25: 65 →
 * 97 products, 0.12 → 0.10 s). The vectors agree to 4e-14.
 */
export const LANCZOS_DEFAULTS = { steps: 12, keep: 4, tolerance: 1e-13, maxRestarts: 200 } as const;

export interface Eigenpair {
  value: number;
  /** Unit Euclidean norm, sign chosen so that its entries sum to ≥ 0. */
  vector: Float64Array;
  /** Relative residual ‖M y − θ y‖ / θ of the returned pair. */
  residual: number;
  /** Applications of M. */
  products: number;
  converged: boolean;
}

/** `apply(x, out)` writes M·x into out. `start` must not be orthogonal to the wanted eigenvector. */
export function largestEigenpair(apply: (x: Float64Array, out: Float64Array) => void, start: Float64Array, options: LanczosOptions = {}): Eigenpair {
  const { steps, keep, tolerance, maxRestarts } = { ...LANCZOS_DEFAULTS, ...definedOnly(options) };
  const r = start.length;
  if (r === 0) throw new Error('analysis/lanczos: the operator is empty');
  if (!(Number.isInteger(steps) && steps >= 2)) throw new RangeError(`analysis/lanczos: steps must be a whole number ≥ 2, got ${steps}`);
  if (!(Number.isInteger(keep) && keep >= 1 && keep < steps)) throw new RangeError(`analysis/lanczos: keep must be a whole number in [1, steps), got ${keep}`);
  if (!(tolerance > 0)) throw new RangeError(`analysis/lanczos: tolerance must be > 0, got ${tolerance}`);
  if (!(norm(start) > 0)) throw new RangeError('analysis/lanczos: the start vector is zero (or not finite)');
  const k = Math.max(2, Math.min(steps, r)), l = Math.min(keep, k - 1);
  /** Vectors of length r no longer in the basis, for reuse. */
  const spare: Float64Array[] = [];
  const take = (): Float64Array => spare.pop() ?? new Float64Array(r);
  const q0 = Float64Array.from(start);
  scale(q0, 1 / norm(q0));
  let basis: Float64Array[] = [q0];
  /** H = Qᵀ M Q over the basis vectors already multiplied, dense k × k. */
  let h = new Float64Array(k * k);
  const w = new Float64Array(r), rest = new Float64Array(r), c = new Float64Array(k);
  let products = 0, restarts = 0, y: Float64Array = Float64Array.from(q0), theta = 0, residual = Infinity;
  for (;;) {
    const j = basis.length - 1;
    apply(basis[j] as Float64Array, w); products++;
    c.fill(0);
    const before = norm(w);
    for (let round = 0; round < 2; round++) {
      const pass = basis.map((b) => dot(b, w));
      basis.forEach((b, i) => { axpy(w, -(pass[i] as number), b); c[i] = (c[i] as number) + (pass[i] as number); });
      if (round === 0 && norm(w) > 0.5 * before) break;
    }
    for (let i = 0; i <= j; i++) h[i * k + j] = h[j * k + i] = c[i] as number;
    const beta = norm(w);
    const invariant = beta <= 1e-14 * before;
    const full = j + 1 === k;
    if (invariant || full || j % 4 === 3) {
      const ritz = leadingRitz(h, k, j + 1);
      const top = ritz.order[0] as number;
      theta = ritz.values[top] as number;
      // The Ritz pair as the returned pair: y = Q s, θ = yᵀMy and its true relative residual.
      const settle = (): void => {
        y = combine(basis, ritz.vectors, j + 1, top, new Float64Array(r));
        scale(y, 1 / norm(y));
        apply(y, rest); products++;
        theta = dot(y, rest);
        axpy(rest, -theta, y);
        residual = theta > 0 ? norm(rest) / theta : norm(rest);
      };
      let settled = false;
      if (invariant || beta * Math.abs(ritz.vectors[j * (j + 1) + top] as number) <= 0.1 * tolerance * theta) {
        settle(); settled = true;
        if (residual <= tolerance || invariant || restarts >= maxRestarts) break;
      }
      if (full) {
        // Out of restarts: return the latest Ritz pair with its own residual (converged: false).
        if (restarts++ >= maxRestarts) { if (!settled) settle(); break; }
        // Thick restart: the l leading Ritz vectors, then the remainder; H = diag(θ) bordered by β·s_last.
        const kept = ritz.order.slice(0, l).map((t) => combine(basis, ritz.vectors, k, t, take()));
        const next = take();
        for (let i = 0; i < r; i++) next[i] = (w[i] as number) / beta;
        h = new Float64Array(k * k);
        ritz.order.slice(0, l).forEach((t, i) => {
          h[i * k + i] = ritz.values[t] as number;
          h[l * k + i] = h[i * k + l] = beta * (ritz.vectors[(k - 1) * k + t] as number);
        });
        spare.push(...basis);
        basis = [...kept, next];
        continue;
      }
    }
    const next = take();
    for (let i = 0; i < r; i++) next[i] = (w[i] as number) / beta;
    basis.push(next);
    h[(j + 1) * k + j] = h[j * k + j + 1] = beta;
  }
  let sum = 0;
  for (const v of y) sum += v;
  if (sum < 0) scale(y, -1);
  return { value: theta, vector: y, residual, products, converged: residual <= tolerance || theta === 0 };
}

/** Eigenpairs of the leading size × size block of h (row stride k), indices by value descending. */
function leadingRitz(h: Float64Array, k: number, size: number): { values: Float64Array; vectors: Float64Array; order: number[] } {
  const a = new Float64Array(size * size);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) a[i * size + j] = h[i * k + j] as number;
  const { values, vectors } = symmetricEigen(a, size);
  const order = Array.from({ length: size }, (_, i) => i).sort((x, z) => (values[z] as number) - (values[x] as number) || x - z);
  return { values, vectors, order };
}

/** out = Σ_m vectors[m][t]·basis[m] over the first `size` basis vectors (vectors row-major size × size). */
function combine<T extends Float64Array>(basis: Float64Array[], vectors: Float64Array, size: number, t: number, y: T): T {
  y.fill(0);
  for (let m = 0; m < size; m++) axpy(y, vectors[m * size + t] as number, basis[m] as Float64Array);
  return y;
}

/**
 * Eigenvalues and eigenvectors of a dense symmetric k×k matrix (row-major, overwritten) by cyclic
 * Jacobi rotations: values[j] with eigenvector column j of `vectors` (row-major k×k).
 */
export function symmetricEigen(a: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  let scaleSq = 0;
  for (const x of a) scaleSq += x * x;
  const small = 1e-17 * Math.sqrt(scaleSq);
  for (let sweep = 0; sweep < 50; sweep++) {
    let rotated = false;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q] as number;
        if (Math.abs(apq) <= small) { a[p * k + q] = a[q * k + p] = 0; continue; }
        rotated = true;
        const app = a[p * k + p] as number, aqq = a[q * k + q] as number;
        const tau = (aqq - app) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t), s = t * c;
        for (let i = 0; i < k; i++) {
          const aip = a[i * k + p] as number, aiq = a[i * k + q] as number;
          a[i * k + p] = c * aip - s * aiq;
          a[i * k + q] = s * aip + c * aiq;
        }
        for (let i = 0; i < k; i++) {
          const api = a[p * k + i] as number, aqi = a[q * k + i] as number;
          a[p * k + i] = c * api - s * aqi;
          a[q * k + i] = s * api + c * aqi;
        }
        for (let i = 0; i < k; i++) {
          const vip = v[i * k + p] as number, viq = v[i * k + q] as number;
          v[i * k + p] = c * vip - s * viq;
          v[i * k + q] = s * vip + c * viq;
        }
      }
    }
    if (!rotated) break;
  }
  return { values: Float64Array.from({ length: k }, (_, i) => a[i * k + i] as number), vectors: v };
}

function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] as number) * (y[i] as number);
  return s;
}

function norm(x: Float64Array): number {
  return Math.sqrt(dot(x, x));
}

function scale(x: Float64Array, c: number): void {
  for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) * c;
}

/** y ← y + c·x */
function axpy(y: Float64Array, c: number, x: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] = (y[i] as number) + c * (x[i] as number);
}
