/** BiRank (He, Gao, Kan & Wang 2017): symmetric normalisation, α = β = 0.85, uniform query vectors; home side = U. */
import { BIRANK_DEFAULTS } from '../centrality/birank.js';
import { BOTH, family, measure, sideAt } from './measure.js';

const birank = measure({
  id: 'birank',
  title: 'BiRank',
  formula: `p = α·Sᵀu + (1−α)/|P|, u = β·Sp + (1−β)/|U|, S_ij = 1/√(d_i d_j) on each link, α = β = ${BIRANK_DEFAULTS.alpha}`,
  normalisation: 'none: the raw fixed point (NetworkX bipartite.birank), U the home side, P the partners; neither side sums to 1',
  reference: 'He, Gao, Kan & Wang 2017, BiRank: Towards Ranking on Bipartite Graphs, IEEE TKDE 29(1):57–71, doi:10.1109/TKDE.2016.2611584',
  sides: BOTH, digits: 4, schema: { type: 'number', minimum: 0 },
  column: { id: 'birank', title: 'BiRank', type: 'double' },
  explain: 'a place ranks high when its partners rank high on the other side, each link counted as 1/√(product of the two degrees), so that many links to little-linked places do not dominate; compare values within a side.',
  panel: 'BiRank', city: 'BiRank',
  value: (a, v) => { const { side, i } = sideAt(a, v); return a.birank[side][i] as number; },
});

export const birankFamily = family({ measures: [birank] });
