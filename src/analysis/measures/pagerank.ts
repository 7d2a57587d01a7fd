/** PageRank (Brin & Page 1998) on the bipartite graph, α = 0.85. */
import { BOTH, family, measure } from './measure.js';

const pagerank = measure({
  id: 'pagerank', title: 'PageRank', formula: 'x = α·xP + (1−α)/N, α = 0.85', normalisation: 'Σ = 1 (NetworkX pagerank)',
  reference: 'Brin & Page 1998, doi:10.1016/S0169-7552(98)00110-X',
  sides: BOTH, digits: 4, schema: { $ref: '#/$defs/unit' },
  column: { id: 'pageranks', title: 'PageRank', type: 'double' },
  explain: 'the share of time a random walker following links (and jumping anywhere 15 % of the time) spends at the place.',
  panel: 'PageRank', city: 'PageRank',
  value: (a, v) => a.pagerank.values[v] as number,
});

export const pagerankFamily = family({ measures: [pagerank] });
