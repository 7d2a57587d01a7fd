/**
 * Layout stage: seeded, reproducible ForceAtlas2 positions for any graph (the GEXF's `viz:position`,
 * the explorer's views), and the layout of each network an analysis exports.
 */
export { layoutForceAtlas2, assignLayout, LAYOUT_DEFAULTS, BARNES_HUT_THRESHOLD } from './layout.js';
export type { LayoutOptions, Position } from './layout.js';
