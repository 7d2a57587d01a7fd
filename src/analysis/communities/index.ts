/** Communities of the bipartite graph under Barber's bipartite modularity. */
export { barberModularity } from './barber-modularity.js';
export type { BipartiteMembership } from './barber-modularity.js';
export { brim } from './brim.js';
export type { BrimOptions, BrimResult } from './brim.js';
export { barberLouvain } from './barber-louvain.js';
export type { BarberLouvainOptions, BarberLouvainResult } from './barber-louvain.js';
