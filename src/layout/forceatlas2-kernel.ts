/**
 * The WebAssembly module behind `forceatlas2-repulsion.ts`, assembled from opcodes (WebAssembly core
 * spec §5.4; SIMD opcodes are 0xFD + LEB128): the readable source of the kernel. The repulsion module
 * loads the bytes as a base64 string, so that a cold process does not run this assembler (about 2 ms
 * unoptimised); `tests/layout/forceatlas2.test.ts` checks that the string is what this assembles, and
 * prints the new string when the kernel changes.
 *
 * Code is nested arrays of bytes, flattened once.
 */

type Code = number | readonly Code[];

const LOCAL_GET = 0x20, LOCAL_SET = 0x21, LOCAL_TEE = 0x22, I32_CONST = 0x41, F64_CONST = 0x44;
const I32_ADD = 0x6a, I32_SHL = 0x74, I32_GE_U = 0x4f;
const F64_GT = 0x64, F64_SQRT = 0x9f, F64_ADD = 0xa0, F64_SUB = 0xa1, F64_MUL = 0xa2, F64_DIV = 0xa3;
const F32_DEMOTE_F64 = 0xb6, F64_PROMOTE_F32 = 0xbb, F64_LOAD = 0x2b, F64_STORE = 0x39;
const BLOCK = 0x02, LOOP = 0x03, IF = 0x04, BR = 0x0c, BR_IF = 0x0d, END = 0x0b, VOID = 0x40;
const I32 = 0x7f, F64 = 0x7c, V128 = 0x7b;
const simd = (op: number): Code => (op < 0x80 ? [0xfd, op] : [0xfd, (op & 0x7f) | 0x80, op >> 7]);
/** memarg: alignment 2³ (every address is a multiple of 8), then the offset. */
const memarg = (offset: number): Code => [3, offset];
const V128_LOAD = [simd(0x00), memarg(0)], V128_LOAD64_SPLAT = [simd(0x0a), memarg(0)], V128_STORE = [simd(0x0b), memarg(0)];
const F64X2_SPLAT = simd(0x14), F64X2_GT = simd(0x4a), V128_BITSELECT = simd(0x52);
const F32X4_DEMOTE = simd(0x5e), F64X2_PROMOTE = simd(0x5f);
const F64X2_SQRT = simd(0xef), F64X2_ADD = simd(0xf0), F64X2_SUB = simd(0xf1), F64X2_MUL = simd(0xf2), F64X2_DIV = simd(0xf3);
const V128_ZERO = [simd(0x0c), new Array<number>(16).fill(0)], F64_ZERO = [F64_CONST, new Array<number>(8).fill(0)];
/** i8x16.shuffle taking the low (resp. high) f64 lane of each operand: a transpose of two 2-lane vectors. */
const LOW_LANES = [simd(0x0d), 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
const HIGH_LANES = [simd(0x0d), 8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31];

function leb128(v: number): number[] {
  const out: number[] = [];
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
}

/**
 * The module: memory (exported as `memory`, one 64 KiB page to start) and
 * `repulse(px, py, pm, pdx, pdy, rows, kr)`, for i = 0, 2, …, rows − 2 (rows i, i + 1 in lanes 0, 1):
 *   for j = 0, 2, …, i − 2, for column c of j, j + 1:  Δ = (x_i, x_{i+1}) − x_c (and y),
 *     d = √(Δx² + Δy²),  w = kr·(m_i, m_{i+1})·m_c / d / d,  t = Δ·w,  acc ← d > 0 ? f32(acc + t) : acc;
 *     then (dx_j, dx_{j+1}) ← f32(· − t_row i) where d > 0, then the same with t_row i+1;
 *   then rows i, i + 1 store their sums, and the pair (i + 1, i) is added in scalar code.
 */
export function repulsionKernelModule(): Uint8Array<ArrayBuffer> {
  const get = (l: number): Code => [LOCAL_GET, l], set = (l: number): Code => [LOCAL_SET, l];
  // parameters 0–6, then locals: 2 i32, 4 f64, then v128s
  const PX = 0, PY = 1, PM = 2, PDX = 3, PDY = 4, ROWS = 5, KR = 6;
  const J = 7, ROW = 8, XS = 9, YS = 10, DS = 11, FS = 12;
  let next = 13;
  const v = (): number => next++;
  const VX = v(), VY = v(), VK = v(), AX = v(), AY = v(), XC = v(), YC = v(), MC = v(), W = v(), MASK_A = v(), MASK_B = v();
  const columns = [0, 1].map(() => ({ xd: v(), yd: v(), d: v(), tx: v(), ty: v(), mask: v() }));
  const [c0, c1] = columns as [typeof columns[0], typeof columns[0]];
  const v128Count = next - 13;
  /** address p + l (+ offset) */
  const at = (p: number, l: number, offset = 0): Code => [get(p), get(l), I32_ADD, offset ? [I32_CONST, offset, I32_ADD] : []];
  /** f32(acc + or − b), kept only in the lanes where mask is set. */
  const update = (acc: Code, b: Code, op: Code, mask: number): Code => [acc, b, op, F32X4_DEMOTE, F64X2_PROMOTE, acc, get(mask), V128_BITSELECT];
  const column = (c: typeof c0, k: number): Code => [
    at(PX, J, 8 * k), V128_LOAD64_SPLAT, set(XC), at(PY, J, 8 * k), V128_LOAD64_SPLAT, set(YC), at(PM, J, 8 * k), V128_LOAD64_SPLAT, set(MC),
    get(VX), get(XC), F64X2_SUB, set(c.xd), get(VY), get(YC), F64X2_SUB, set(c.yd),
    get(c.xd), get(c.xd), F64X2_MUL, get(c.yd), get(c.yd), F64X2_MUL, F64X2_ADD, F64X2_SQRT, set(c.d),
    get(c.d), V128_ZERO, F64X2_GT, set(c.mask),
    get(VK), get(MC), F64X2_MUL, get(c.d), F64X2_DIV, get(c.d), F64X2_DIV, set(W),
    get(c.xd), get(W), F64X2_MUL, set(c.tx), get(c.yd), get(W), F64X2_MUL, set(c.ty),
    update(get(AX), get(c.tx), F64X2_ADD, c.mask), set(AX),
    update(get(AY), get(c.ty), F64X2_ADD, c.mask), set(AY),
  ];
  /** (d_j, d_{j+1}) at p + j take row i's terms, then row i + 1's. */
  const columnSums = (p: number, t0: number, t1: number): Code => [
    at(p, J), at(p, J), V128_LOAD, set(W),
    update(get(W), [get(t0), get(t1), LOW_LANES], F64X2_SUB, MASK_A), set(W),
    update(get(W), [get(t0), get(t1), HIGH_LANES], F64X2_SUB, MASK_B), V128_STORE,
  ];
  /** d ← f32(d ± s·f) for the f64 at p + ROW + offset. */
  const scalarUpdate = (p: number, offset: number, s: number, op: number): Code =>
    [at(p, ROW), at(p, ROW), F64_LOAD, memarg(offset), get(s), get(FS), F64_MUL, op, F32_DEMOTE_F64, F64_PROMOTE_F32, F64_STORE, memarg(offset)];
  const body: Code = [
    3, 2, I32, 4, F64, leb128(v128Count), V128, // locals
    get(ROWS), I32_CONST, 3, I32_SHL, set(ROWS), // rows → bytes
    I32_CONST, 0, set(ROW),
    BLOCK, VOID, LOOP, VOID, get(ROW), get(ROWS), I32_GE_U, BR_IF, 1,
    at(PX, ROW), V128_LOAD, set(VX), at(PY, ROW), V128_LOAD, set(VY),
    get(KR), F64X2_SPLAT, at(PM, ROW), V128_LOAD, F64X2_MUL, set(VK),
    at(PDX, ROW), V128_LOAD, set(AX), at(PDY, ROW), V128_LOAD, set(AY),
    I32_CONST, 0, set(J),
    BLOCK, VOID, LOOP, VOID, get(J), get(ROW), I32_GE_U, BR_IF, 1,
    column(c0, 0), column(c1, 1),
    get(c0.mask), get(c1.mask), LOW_LANES, set(MASK_A), get(c0.mask), get(c1.mask), HIGH_LANES, set(MASK_B),
    columnSums(PDX, c0.tx, c1.tx), columnSums(PDY, c0.ty, c1.ty),
    get(J), I32_CONST, 16, I32_ADD, set(J), BR, 0, END, END,
    at(PDX, ROW), get(AX), V128_STORE, at(PDY, ROW), get(AY), V128_STORE,
    // the pair (i + 1, i): f = kr·m_{i+1}·m_i / d / d, row i + 1 takes +, i takes −
    at(PX, ROW), F64_LOAD, memarg(8), at(PX, ROW), F64_LOAD, memarg(0), F64_SUB, set(XS),
    at(PY, ROW), F64_LOAD, memarg(8), at(PY, ROW), F64_LOAD, memarg(0), F64_SUB, set(YS),
    get(XS), get(XS), F64_MUL, get(YS), get(YS), F64_MUL, F64_ADD, F64_SQRT, LOCAL_TEE, DS, F64_ZERO, F64_GT,
    IF, VOID,
    get(KR), at(PM, ROW), F64_LOAD, memarg(8), F64_MUL, at(PM, ROW), F64_LOAD, memarg(0), F64_MUL, get(DS), F64_DIV, get(DS), F64_DIV, set(FS),
    scalarUpdate(PDX, 8, XS, F64_ADD), scalarUpdate(PDY, 8, YS, F64_ADD),
    scalarUpdate(PDX, 0, XS, F64_SUB), scalarUpdate(PDY, 0, YS, F64_SUB),
    END,
    get(ROW), I32_CONST, 16, I32_ADD, set(ROW), BR, 0, END, END,
    END,
  ];
  const code = (c: Code): number[] => (typeof c === 'number' ? [c] : (c as unknown[]).flat(Infinity) as number[]);
  const section = (id: number, c: Code): Code => { const bytes = code(c); return [id, leb128(bytes.length), bytes]; };
  const name = (s: string): Code => [s.length, Array.from(s, (ch) => ch.charCodeAt(0))];
  const bodyBytes = code(body);
  return new Uint8Array(code([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, // "\0asm", version 1
    section(1, [1, 0x60, 7, I32, I32, I32, I32, I32, I32, F64, 0]), // type: (i32 ×6, f64) → ()
    section(3, [1, 0]), // function 0 has type 0
    section(5, [1, 0, 1]), // memory: min 1 page, no max
    section(7, [2, name('repulse'), 0, 0, name('memory'), 2, 0]),
    section(10, [1, leb128(bodyBytes.length), bodyBytes]),
  ]));
}
