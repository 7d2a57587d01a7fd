/**
 * ForceAtlas2's linear repulsion over all pairs, F = kr m_i m_j / d_ij, with graphology's float32
 * rounding (see `forceatlas2.ts`): a WebAssembly SIMD kernel where the engine has one, else plain
 * JavaScript, both giving the same dx, dy bit for bit as graphology-layout-forceatlas2's `iterate.js`.
 *
 * graphology runs rows i = 0…n−1 and, in each, pairs j < i:
 *   f = kr·m_i·m_j / d / d,  dx_i ← f32(dx_i + Δx·f),  dx_j ← f32(dx_j − Δx·f)   (only when d > 0)
 * so dx_i receives row i's terms in j order, then the later rows' terms in row order. The kernel
 * computes a 2×2 block of pairs at once — rows i, i + 1 in the two f64 lanes, columns j, j + 1 one
 * after the other — and keeps exactly that order: each row's sum takes column j before j + 1, and
 * dx_j, dx_{j+1} (lanes after a transposing shuffle) take row i's term before row i + 1's; then the
 * pair (i + 1, i) itself, in scalar code. WebAssembly's f64 arithmetic and sqrt are IEEE-754 like
 * JavaScript's; `f32x4.demote_f64x2_zero` then `f64x2.promote_low_f32x4` is `Math.fround`; a lane where
 * d > 0 fails keeps its old value (`v128.bitselect`) as graphology skips the update. An odd n gets a
 * last node at (NaN, NaN): every distance to it is NaN, so all its pairs are skipped, exactly.
 *
 * Why WebAssembly: the two divisions and the square root per pair bound the speed; f64x2 does two
 * pairs per instruction. And the kernel is compiled (Liftoff, well under a millisecond) before its
 * first call, where a JavaScript loop runs its first iterations unoptimised and then spends CPU on
 * being optimised: a single cold layout, as `twinnet report` runs, pays for that.
 *
 * Memory layout (f64, rows padded to an even count p): x at 0, y at 8p, mass at 16p, dx at 24p,
 * dy at 32p bytes. Every value held is a float32 value, so copying in and out is exact. The module's
 * source is the assembler in `forceatlas2-kernel.ts`; its bytes are stored here (`KERNEL_BASE64`).
 */

/** The kernel's export: the whole pair loop over `rows` (even) rows; pointers in bytes. */
type RepulsionKernel = (px: number, py: number, pm: number, pdx: number, pdy: number, rows: number, kr: number) => void;

interface Kernel {
  repulse: RepulsionKernel;
  memory: WebAssembly.Memory;
}

/** Repulsion workspace for n nodes: copy positions and masses in, `run`, read dx, dy out. */
export interface Repulsion {
  x: Float64Array;
  y: Float64Array;
  mass: Float64Array;
  dx: Float64Array;
  dy: Float64Array;
  /** Sets dx, dy to the repulsion on each node (from 0), in graphology's order and rounding. */
  run(kr: number): void;
}

/**
 * A workspace on the WebAssembly kernel, or on plain Float64Arrays (`simd` false, or no WebAssembly
 * SIMD in this engine, e.g. `--jitless`). Both give identical results.
 */
export function createRepulsion(n: number, simd = true): Repulsion {
  const kernel = simd ? loadKernel() : null;
  if (kernel === null) {
    const x = new Float64Array(n), y = new Float64Array(n), mass = new Float64Array(n), dx = new Float64Array(n), dy = new Float64Array(n);
    const run = (kr: number): void => {
      dx.fill(0); dy.fill(0);
      for (let i = 0; i < n; i++) repulseRow(i, x, y, mass, dx, dy, kr);
    };
    return { x, y, mass, dx, dy, run };
  }
  const p = n + (n & 1);
  const bytes = 40 * p, have = kernel.memory.buffer.byteLength;
  if (have < bytes) kernel.memory.grow(Math.ceil((bytes - have) / 65536));
  const buffer = kernel.memory.buffer;
  const x = new Float64Array(buffer, 0, p), y = new Float64Array(buffer, 8 * p, p), mass = new Float64Array(buffer, 16 * p, p);
  const dx = new Float64Array(buffer, 24 * p, p), dy = new Float64Array(buffer, 32 * p, p);
  x[p - 1] = NaN; y[p - 1] = NaN; mass[p - 1] = 0; // the padding node, if any (else overwritten by node n − 1)
  const run = (kr: number): void => {
    dx.fill(0); dy.fill(0);
    kernel.repulse(0, 8 * p, 16 * p, 24 * p, 32 * p, p, kr);
  };
  return { x: x.subarray(0, n), y: y.subarray(0, n), mass: mass.subarray(0, n), dx: dx.subarray(0, n), dy: dy.subarray(0, n), run };
}

/** Row i of graphology's pair loop (the JavaScript path). */
function repulseRow(i: number, x: Float64Array, y: Float64Array, mass: Float64Array, dx: Float64Array, dy: Float64Array, kr: number): void {
  const xi = x[i]!, yi = y[i]!, ki = kr * mass[i]!;
  let dxi = dx[i]!, dyi = dy[i]!;
  for (let j = 0; j < i; j++) {
    const xd = xi - x[j]!, yd = yi - y[j]!;
    const d = Math.sqrt(xd * xd + yd * yd);
    if (d > 0) {
      const f = ki * mass[j]! / d / d;
      dxi = Math.fround(dxi + xd * f); dyi = Math.fround(dyi + yd * f);
      dx[j] = Math.fround(dx[j]! - xd * f); dy[j] = Math.fround(dy[j]! - yd * f);
    }
  }
  dx[i] = dxi; dy[i] = dyi;
}

/** One instance per thread, made on first use; `null` when the engine has no WebAssembly SIMD. */
let cached: Kernel | null | undefined;

function loadKernel(): Kernel | null {
  if (cached !== undefined) return cached;
  cached = null;
  try {
    const bytes = Uint8Array.from(atob(KERNEL_BASE64), (ch) => ch.charCodeAt(0));
    if (typeof WebAssembly === 'object' && WebAssembly.validate(bytes)) {
      const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
      cached = { repulse: exports['repulse'] as RepulsionKernel, memory: exports['memory'] as WebAssembly.Memory };
    }
  } catch {
    cached = null; // WebAssembly switched off: the JavaScript loop does the same work
  }
  return cached;
}

/** `repulsionKernelModule()` of `forceatlas2-kernel.ts`, in base64 (what the kernel is, and why it is stored so: there). */
export const KERNEL_BASE64 =
  'AGFzbQEAAAABCwFgB39/f39/f3wAAwIBAAUDAQABBxQCB3JlcHVsc2UAAAZtZW1vcnkCAAqoBwGlBwMCfwR8F3sgBUEDdCEFQQAhCAJAA0AgCCAFTw0BIAAgCGr9AAMAIQ0gASAIav0AAwAhDiAG/RQgAiAIav0AAwD98gEhDyADIAhq/QADACEQIAQgCGr9AAMAIRFBACEHAkADQCAHIAhPDQEgACAHav0KAwAhEiABIAdq/QoDACETIAIgB2r9CgMAIRQgDSAS/fEBIRggDiAT/fEBIRkgGCAY/fIBIBkgGf3yAf3wAf3vASEaIBr9DAAAAAAAAAAAAAAAAAAAAAD9SiEdIA8gFP3yASAa/fMBIBr98wEhFSAYIBX98gEhGyAZIBX98gEhHCAQIBv98AH9Xv1fIBAgHf1SIRAgESAc/fAB/V79XyARIB39UiERIAAgB2pBCGr9CgMAIRIgASAHakEIav0KAwAhEyACIAdqQQhq/QoDACEUIA0gEv3xASEeIA4gE/3xASEfIB4gHv3yASAfIB/98gH98AH97wEhICAg/QwAAAAAAAAAAAAAAAAAAAAA/UohIyAPIBT98gEgIP3zASAg/fMBIRUgHiAV/fIBISEgHyAV/fIBISIgECAh/fAB/V79XyAQICP9UiEQIBEgIv3wAf1e/V8gESAj/VIhESAdICP9DQABAgMEBQYHEBESExQVFhchFiAdICP9DQgJCgsMDQ4PGBkaGxwdHh8hFyADIAdqIAMgB2r9AAMAIRUgFSAbICH9DQABAgMEBQYHEBESExQVFhf98QH9Xv1fIBUgFv1SIRUgFSAbICH9DQgJCgsMDQ4PGBkaGxwdHh/98QH9Xv1fIBUgF/1S/QsDACAEIAdqIAQgB2r9AAMAIRUgFSAcICL9DQABAgMEBQYHEBESExQVFhf98QH9Xv1fIBUgFv1SIRUgFSAcICL9DQgJCgsMDQ4PGBkaGxwdHh/98QH9Xv1fIBUgF/1S/QsDACAHQRBqIQcMAAsLIAMgCGogEP0LAwAgBCAIaiAR/QsDACAAIAhqKwMIIAAgCGorAwChIQkgASAIaisDCCABIAhqKwMAoSEKIAkgCaIgCiAKoqCfIgtEAAAAAAAAAABkBEAgBiACIAhqKwMIoiACIAhqKwMAoiALoyALoyEMIAMgCGogAyAIaisDCCAJIAyioLa7OQMIIAQgCGogBCAIaisDCCAKIAyioLa7OQMIIAMgCGogAyAIaisDACAJIAyioba7OQMAIAQgCGogBCAIaisDACAKIAyioba7OQMACyAIQRBqIQgMAAsLCw==';
