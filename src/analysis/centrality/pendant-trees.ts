/**
 * A graph as its 2-core and the trees hanging from it (Baglioni, Geraci, Pellegrini & Lastres 2012,
 * "Fast exact computation of betweenness centrality in social networks", ASONAM, doi:10.1109/ASONAM.2012.87).
 *
 * Peeling: a node of degree 1 is removed, its one remaining neighbour becomes its parent, and so on
 * until no node of degree 1 is left (removals first-in first-out, nodes in id order at the start).
 * What stays is the 2-core (every node on or between cycles, degree ≥ 2 in it) and one root per
 * tree component (the node peeling ends on: a centre of the tree, so its trees are as shallow as
 * they can be; an isolated node is its own root). Every removed node x hangs from exactly one root
 * r(x) through a chain of parents: the tree of r. In a twin-town graph most foreign partners are
 * leaves of their one home city, and some home cities hang by one shared partner.
 *
 * For each node x: size(x) = the nodes of x's subtree, x included; height(x) = the greatest depth
 * below x; hist(x)[h] = the nodes of the subtree at depth h below x (hist(x)[0] = 1), h = 0 … height(x).
 *
 * Only simple graphs: `pendantTrees` returns null when a list has a self-loop or a repeated
 * neighbour, or when the histograms would not fit in `histLimit` entries (Σ (height + 1) is
 * quadratic on a long path); the caller then uses another method.
 */
import type { UnifiedIndex } from '../../graph/bipartite-index.js';

export interface PendantTrees {
  /** The removed nodes in order of removal (each after its children). */
  peeled: Int32Array;
  /** parent[x]: the next node towards x's root; −1 for a root (a 2-core node or a tree component's root). */
  parent: Int32Array;
  /** Children of x: children[childOffsets[x]] … children[childOffsets[x + 1] − 1], in order of removal. */
  childOffsets: Int32Array;
  children: Int32Array;
  size: Int32Array;
  height: Int32Array;
  /** hist(x) = hist[histOffsets[x]] … hist[histOffsets[x] + height(x)]. */
  histOffsets: Int32Array;
  hist: Int32Array;
  /**
   * The 2-core, numbered 0 … C−1 in node order: node[c] its node id, id[v] its core number (−1 off
   * the core), treeSize[c] = size(node[c]) − 1, the nodes of its tree; treeHeight[c] = height(node[c])
   * and treeHist[c] = histOffsets[node[c]] (read by core number where a search meets the node).
   */
  core: { node: Int32Array; id: Int32Array; offsets: Int32Array; adj: Int32Array; treeSize: Int32Array; treeHeight: Int32Array; treeHist: Int32Array };
}

/** Default bound on the histogram entries: a few per node, whatever the trees' shapes in real lists. */
export const HIST_LIMIT = (N: number): number => 8 * N + 1_000_000;

export function pendantTrees(g: UnifiedIndex, histLimit = HIST_LIMIT(g.n + g.m)): PendantTrees | null {
  const N = g.n + g.m;
  const { offsets, adj } = g;
  // Simple graph only: no self-loop, no repeated neighbour.
  const mark = new Int32Array(N).fill(-1);
  for (let v = 0; v < N; v++) {
    for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
      const w = adj[e] as number;
      if (w === v || mark[w] === v) return null;
      mark[w] = v;
    }
  }
  const degree = new Int32Array(N);
  const queue = new Int32Array(N);
  let head = 0, tail = 0;
  for (let v = 0; v < N; v++) {
    degree[v] = (offsets[v + 1] as number) - (offsets[v] as number);
    if (degree[v] === 1) queue[tail++] = v;
  }
  const removed = new Uint8Array(N);
  const parent = new Int32Array(N).fill(-1);
  while (head < tail) {
    const x = queue[head++] as number;
    if (degree[x] !== 1) continue; // its last neighbour went first: x is a tree component's root
    removed[x] = 1;
    degree[x] = 0;
    let p = -1;
    for (let e = offsets[x] as number; e < (offsets[x + 1] as number); e++) {
      const w = adj[e] as number;
      if (!removed[w]) { p = w; break; }
    }
    parent[x] = p;
    if (--degree[p]! === 1) queue[tail++] = p;
  }
  // queue[0 … tail) holds every removed node after its children (and roots that were queued); sizes bottom-up.
  const size = new Int32Array(N).fill(1), height = new Int32Array(N);
  const childOffsets = new Int32Array(N + 1);
  for (let i = 0; i < tail; i++) {
    const x = queue[i] as number;
    const p = parent[x] as number;
    if (p < 0) continue;
    size[p] = (size[p] as number) + (size[x] as number);
    if ((height[x] as number) + 1 > (height[p] as number)) height[p] = (height[x] as number) + 1;
    childOffsets[p + 1]!++;
  }
  for (let v = 0; v < N; v++) childOffsets[v + 1] = (childOffsets[v + 1] as number) + (childOffsets[v] as number);
  const children = new Int32Array(childOffsets[N] as number);
  const fill = childOffsets.slice(0, N);
  for (let i = 0; i < tail; i++) {
    const x = queue[i] as number, p = parent[x] as number;
    if (p >= 0) children[fill[p]!++] = x;
  }
  const histOffsets = new Int32Array(N + 1);
  for (let v = 0; v < N; v++) {
    histOffsets[v + 1] = (histOffsets[v] as number) + (height[v] as number) + 1;
    if ((histOffsets[v + 1] as number) > histLimit) return null;
  }
  const hist = new Int32Array(histOffsets[N] as number);
  for (let v = 0; v < N; v++) hist[histOffsets[v] as number] = 1;
  for (let i = 0; i < tail; i++) {
    const x = queue[i] as number, p = parent[x] as number;
    if (p < 0) continue;
    const hx = histOffsets[x] as number, hp = (histOffsets[p] as number) + 1;
    for (let h = 0; h <= (height[x] as number); h++) hist[hp + h] = (hist[hp + h] as number) + (hist[hx + h] as number);
  }
  // The 2-core: nodes left with degree ≥ 2, their lists without removed nodes.
  const id = new Int32Array(N).fill(-1);
  const node = new Int32Array(N);
  let C = 0;
  for (let v = 0; v < N; v++) if (!removed[v] && (degree[v] as number) >= 2) { id[v] = C; node[C++] = v; }
  const coreOffsets = new Int32Array(C + 1);
  for (let c = 0; c < C; c++) coreOffsets[c + 1] = (coreOffsets[c] as number) + (degree[node[c] as number] as number);
  const coreAdj = new Int32Array(coreOffsets[C] as number);
  for (let c = 0, at = 0; c < C; c++) {
    const v = node[c] as number;
    for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
      const w = adj[e] as number;
      if ((id[w] as number) >= 0) coreAdj[at++] = id[w] as number;
    }
  }
  const peeled = new Int32Array(N - C);
  let r = 0;
  for (let i = 0; i < tail; i++) { const x = queue[i] as number; if (removed[x]) peeled[r++] = x; }
  const coreNodes = node.slice(0, C);
  const treeSize = coreNodes.map((v) => (size[v] as number) - 1);
  const treeHeight = coreNodes.map((v) => height[v] as number), treeHist = coreNodes.map((v) => histOffsets[v] as number);
  return {
    peeled: peeled.subarray(0, r), parent, childOffsets, children, size, height, histOffsets, hist,
    core: { node: coreNodes, id, offsets: coreOffsets, adj: coreAdj, treeSize, treeHeight, treeHist },
  };
}
