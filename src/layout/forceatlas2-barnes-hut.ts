/**
 * ForceAtlas2's Barnes–Hut repulsion on typed arrays, giving the same dx, dy bit for bit as
 * graphology-layout-forceatlas2 0.10 (`iterate.js` with `barnesHutOptimize`).
 *
 * Barnes & Hut (1986), "A hierarchical O(N log N) force-calculation algorithm", Nature 324: 446–449,
 * doi:10.1038/324446a0. Each iteration builds a quadtree over the nodes, then each node n walks it
 * from the root: a region R of side s whose centre of mass lies at squared distance D from n with
 * 4s²/D < θ² acts as one body, F = kr m_n M_R / D · (x_n − x_R) (no square root: as graphology does,
 * the force falls off as 1/d, and the same expression serves both); otherwise its children are
 * visited; a leaf holding a node m ≠ n repulses with F = kr m_n m_m / D · (x_n − x_m). Only n's own
 * dx, dy change, term by term rounded to float32 (graphology's `NodeMatrix`).
 *
 * The tree is graphology's, built the same way with the same quirks, since they change the sums:
 * - the bounds are the nodes' min and max (Math.min/max), squared about their middle;
 * - nodes are inserted in order; a region's quadrant is (x < cx, y < cy) → top left, bottom left,
 *   top right, bottom right, and children are stored (and visited) in that order;
 * - passing through a region with children updates its centre of mass with the node, in doubles:
 *   c ← (c·M + x·m) / (M + m), then M ← M + m;
 * - splitting a leaf makes its mass and centre the old node's alone (the new node is not added) and
 *   moves the old node down; if both fall in the same quadrant the split is retried there, at most 3
 *   more times, after which the new node is left out of the tree (it still feels the tree).
 * Regions live in one Float64Array, a record of REGION fields each (graphology keeps them in a plain
 * array of doubles; indices and masses are exact either way), reused and grown across iterations.
 *
 * Under graphology's `adjustSizes` the Barnes–Hut repulsion is this same one: its anti-collision
 * branch tests `D < 0` on a sum of squares, which never holds.
 *
 * @example
 *   const bh = createBarnesHut(3);
 *   bh.run(x, y, mass, dx, dy, 10, 0.5 * 0.5); // dx, dy: the repulsion on each node
 */

/** Fields of a region record. */
const FIRST_CHILD = 0, NEXT_SIBLING = 1, NODE = 2, SIZE = 3, MASS = 4, MASS_X = 5, MASS_Y = 6, CENTER_X = 7, CENTER_Y = 8;
const REGION = 9;
/** Further splits tried when a split leaves both nodes in one quadrant (graphology's SUBDIVISION_ATTEMPTS). */
const SUBDIVISION_ATTEMPTS = 3;

export interface BarnesHut {
  /**
   * Sets dx, dy to the Barnes–Hut repulsion on each node (kr = scalingRatio, θ² = barnesHutTheta²),
   * summed in graphology's order with its float32 rounding. x, y, mass are read only.
   */
  run(x: Float32Array, y: Float32Array, mass: Float32Array, dx: Float32Array, dy: Float32Array, kr: number, thetaSquared: number): void;
}

/**
 * Another thread that takes a share of each iteration's walks (the pipeline makes one:
 * `pipeline/repulsion-helper.ts`; the layout itself starts no thread and shares no memory of its
 * own). The workspace's arrays live in the helper's `memory`; each iteration `share` has every node
 * walked once, some ranges by the calling thread (`walk`), the others by its thread
 * (`repulseRange`). Each node's walk is done whole by one thread, in the same order, so the forces
 * are the same bits whoever walked it.
 */
export interface RepulsionHelper {
  /** Whether it takes part in a layout of n nodes (else the layout runs as without it). */
  accepts(n: number): boolean;
  /** Memory both threads can read and write (a SharedArrayBuffer), zeroed. */
  memory(bytes: number): ArrayBuffer | SharedArrayBuffer;
  /**
   * Has nodes 0 … job.n − 1 walked once each: calls `walk(from, to)` on the calling thread for some
   * ranges, has its thread run `repulseRange(job, from, to)` for the others; returns when all are done.
   */
  share(job: RepulsionJob, walk: (from: number, to: number) => void): void;
}

/** One iteration's walks, all in a helper's memory: the tree in preorder, each node's position and mass, the forces (out). */
export interface RepulsionJob {
  n: number;
  body: Float64Array; quad: Float64Array; link: Int32Array; length: number;
  x: Float32Array; y: Float32Array; mass: Float32Array;
  fx: Float32Array; fy: Float32Array;
  kr: number; thetaSquared: number;
}

/** Walks nodes from … to − 1 of `job`, setting their forces (what a helper's thread runs). */
export function repulseRange(job: RepulsionJob, from: number, to: number): void {
  repulse(job, from, to, job.x, job.y, job.mass, job.fx, job.fy, job.kr, job.thetaSquared);
}

/** A Barnes–Hut workspace for n nodes (its tree is kept between calls); with a `helper` that accepts n, each iteration's walks are shared with its thread. */
export function createBarnesHut(n: number, helper: RepulsionHelper | null = null): BarnesHut {
  // Preallocated for up to 4 splits per node, 4 regions each (576 bytes per node); `buildTree` grows
  // it should a tree need more.
  let tree: Float64Array = new Float64Array(REGION * (1 + 8 * Math.max(1, n)));
  const sharing = helper !== null && helper.accepts(n) ? helper : null;
  const alloc = sharing ? (bytes: number) => sharing.memory(bytes) : (bytes: number) => new ArrayBuffer(bytes);
  const walk: Preorder = { body: new Float64Array(0), quad: new Float64Array(0), link: new Int32Array(0), length: 0, place: new Int32Array(0), alloc };
  // When shared: the helper, and the nodes' positions, masses and forces in its memory.
  const shared = sharing && {
    helper: sharing,
    x: new Float32Array(alloc(4 * n)), y: new Float32Array(alloc(4 * n)), mass: new Float32Array(alloc(4 * n)),
    fx: new Float32Array(alloc(4 * n)), fy: new Float32Array(alloc(4 * n)),
  };
  return {
    run(x, y, mass, dx, dy, kr, thetaSquared) {
      for (const [name, a] of [['x', x], ['y', y], ['mass', mass], ['dx', dx], ['dy', dy]] as const) {
        if (a.length !== n) throw new RangeError(`layout/forceatlas2-barnes-hut: made for ${n} nodes, given ${a.length} in ${name}`);
      }
      const built = buildTree(tree, n, x, y, mass);
      tree = built.tree;
      preorder(tree, built.regions, x, y, mass, walk);
      if (shared === null) {
        repulse(walk, 0, n, x, y, mass, dx, dy, kr, thetaSquared);
        return;
      }
      const { helper: h, ...arrays } = shared;
      arrays.x.set(x); arrays.y.set(y); arrays.mass.set(mass);
      const job: RepulsionJob = { n, body: walk.body, quad: walk.quad, link: walk.link, length: walk.length, ...arrays, kr, thetaSquared };
      h.share(job, (from, to) => repulseRange(job, from, to));
      dx.set(shared.fx); dy.set(shared.fy);
    },
  };
}

/** Writes a fresh region (no node, no children, no mass) at record r. */
function region(t: Float64Array, r: number, cx: number, cy: number, size: number, next: number): void {
  const o = r * REGION;
  t[o + FIRST_CHILD] = -1; t[o + NEXT_SIBLING] = next; t[o + NODE] = -1; t[o + SIZE] = size;
  t[o + MASS] = 0; t[o + MASS_X] = 0; t[o + MASS_Y] = 0; t[o + CENTER_X] = cx; t[o + CENTER_Y] = cy;
}

/** The child of region record o (which has children) whose quadrant holds (px, py). */
function quadrant(t: Float64Array, o: number, px: number, py: number): number {
  const first = t[o + FIRST_CHILD]!;
  if (px < t[o + CENTER_X]!) return py < t[o + CENTER_Y]! ? first : first + 1;
  return py < t[o + CENTER_Y]! ? first + 2 : first + 3;
}

/** graphology's quadtree of the nodes, in `t` (grown when full: the store in use is returned) and its region count. */
function buildTree(t: Float64Array, n: number, x: Float32Array, y: Float32Array, mass: Float32Array): { tree: Float64Array; regions: number } {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]!); maxX = Math.max(maxX, x[i]!);
    minY = Math.min(minY, y[i]!); maxY = Math.max(maxY, y[i]!);
  }
  const spanX = maxX - minX, spanY = maxY - minY;
  if (spanX > spanY) { minY -= (spanX - spanY) / 2; maxY = minY + spanX; }
  else { minX -= (spanY - spanX) / 2; maxX = minX + spanY; }
  region(t, 0, (minX + maxX) / 2, (minY + maxY) / 2, Math.max(maxX - minX, maxY - minY), -1);

  let regions = 1;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!, yi = y[i]!, mi = mass[i]!;
    let r = 0, attempts = SUBDIVISION_ATTEMPTS;
    for (;;) {
      const o = r * REGION;
      if (t[o + FIRST_CHILD]! >= 0) {
        // Passing through: the region's centre of mass takes the node in.
        const q = quadrant(t, o, xi, yi);
        const m = t[o + MASS]!;
        t[o + MASS_X] = (t[o + MASS_X]! * m + xi * mi) / (m + mi);
        t[o + MASS_Y] = (t[o + MASS_Y]! * m + yi * mi) / (m + mi);
        t[o + MASS] = m + mi;
        r = q;
        continue;
      }
      const old = t[o + NODE]!;
      if (old < 0) { t[o + NODE] = i; break; }
      // A leaf with a node: split it into four and send both nodes down.
      if ((regions + 4) * REGION > t.length) {
        const grown = new Float64Array(Math.max(2 * t.length, (regions + 4) * REGION));
        grown.set(t);
        t = grown;
      }
      const w = t[o + SIZE]! / 2, cx = t[o + CENTER_X]!, cy = t[o + CENTER_Y]!;
      t[o + FIRST_CHILD] = regions;
      region(t, regions, cx - w, cy - w, w, regions + 1);
      region(t, regions + 1, cx - w, cy + w, w, regions + 2);
      region(t, regions + 2, cx + w, cy - w, w, regions + 3);
      region(t, regions + 3, cx + w, cy + w, w, t[o + NEXT_SIBLING]!);
      regions += 4;
      const q = quadrant(t, o, x[old]!, y[old]!);
      t[o + MASS] = mass[old]!; t[o + MASS_X] = x[old]!; t[o + MASS_Y] = y[old]!;
      t[q * REGION + NODE] = old;
      t[o + NODE] = -1;
      const q2 = quadrant(t, o, xi, yi);
      if (q === q2) {
        if (attempts-- > 0) { r = q; continue; }
        break; // out of precision: the node stays out of the tree
      }
      t[q2 * REGION + NODE] = i;
      break;
    }
  }
  return { tree: t, regions };
}

/**
 * The tree in preorder — the order of graphology's walk: a region, then its children (top left,
 * bottom left, top right, bottom right), each with its subtree — with the empty leaves left out (they
 * repulse nothing), so that a walk reads memory in order. Entry k is a body at (X, Y) of mass M in
 * `body[3k…3k+2]`: a region's centre of mass, or a leaf's node. `link[k]` ≥ 0 for a region: the entry
 * after its subtree (where the walk goes on when the region acts as one body), `quad[k]` its 4s²
 * (graphology's `4 * s * s`, the same double); for a leaf, `link[k]` = −2 − its node.
 */
interface Preorder {
  body: Float64Array; quad: Float64Array; link: Int32Array; length: number; place: Int32Array;
  /** Where body, quad and link are allocated (shared memory when a helper walks them too). */
  alloc: (bytes: number) => ArrayBufferLike;
}

function preorder(t: Float64Array, regions: number, x: Float32Array, y: Float32Array, mass: Float32Array, p: Preorder): void {
  if (p.place.length < regions) p.place = new Int32Array(Math.max(regions, 2 * p.place.length));
  if (p.link.length < regions) {
    const size = Math.max(regions, 2 * p.link.length);
    p.body = new Float64Array(p.alloc(24 * size)); p.quad = new Float64Array(p.alloc(8 * size)); p.link = new Int32Array(p.alloc(4 * size));
  }
  const { body, quad, link, place } = p;
  // Every region's entry (an empty leaf's: the next entry); a region's link holds, for now, the region
  // that follows its subtree (−1: none), which graphology stores as the next sibling.
  let k = 0;
  for (let r = 0; r >= 0;) {
    const o = r * REGION;
    place[r] = k;
    const child = t[o + FIRST_CHILD]!;
    if (child >= 0) {
      body[3 * k] = t[o + MASS_X]!; body[3 * k + 1] = t[o + MASS_Y]!; body[3 * k + 2] = t[o + MASS]!;
      const s = t[o + SIZE]!;
      quad[k] = 4 * s * s;
      link[k++] = t[o + NEXT_SIBLING]!;
      r = child;
      continue;
    }
    const node = t[o + NODE]!;
    if (node >= 0) {
      body[3 * k] = x[node]!; body[3 * k + 1] = y[node]!; body[3 * k + 2] = mass[node]!;
      link[k++] = -2 - node;
    }
    r = t[o + NEXT_SIBLING]!;
  }
  for (let e = 0; e < k; e++) {
    const next = link[e]!;
    if (next >= 0) link[e] = place[next]!;
    else if (next === -1) link[e] = k;
  }
  p.length = k;
}

/**
 * Each node's walk of the tree (nodes from … to − 1), as graphology's: a region far enough (4s²/D < θ²) acts as one body and
 * the walk skips its subtree, a near one is opened; a leaf's node repulses (not the node itself).
 * Both forces are kr m_n M / D · Δ with D = Δx² + Δy², skipped where D = 0.
 */
function repulse(p: Pick<Preorder, 'body' | 'quad' | 'link' | 'length'>, from: number, to: number, x: Float32Array, y: Float32Array, mass: Float32Array,
  dx: Float32Array, dy: Float32Array, kr: number, thetaSquared: number): void {
  const { body, quad, link, length } = p;
  for (let i = from; i < to; i++) {
    const xi = x[i]!, yi = y[i]!, ki = kr * mass[i]!, self = -2 - i;
    let fx = 0, fy = 0;
    for (let k = 0; k < length;) {
      const l = link[k]!;
      const ex = xi - body[3 * k]!, ey = yi - body[3 * k + 1]!;
      // graphology squares with Math.pow(·, 2); ex * ex gives the same double on V8 (checked on 5
      // million random doubles), which bit-identity with the library relies on.
      const distance = ex * ex + ey * ey;
      let next: number;
      if (l >= 0) {
        if (!(quad[k]! / distance < thetaSquared)) { k++; continue; } // too close: open it
        next = l;
      } else {
        if (l === self) { k++; continue; }
        next = k + 1;
      }
      if (distance > 0) {
        const f = ki * body[3 * k + 2]! / distance;
        fx = Math.fround(fx + ex * f); fy = Math.fround(fy + ey * f);
      }
      k = next;
    }
    dx[i] = fx; dy[i] = fy;
  }
}
