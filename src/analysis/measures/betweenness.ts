/** Betweenness (Brandes 2001): bipartite-normalised, raw (Gephi's column), and its standard error when sampled. */
import { BOTH, family, measure } from './measure.js';

const BRANDES = 'Brandes 2001, doi:10.1080/0022250X.2001.9990249';

const betweenness = measure({
  id: 'betweenness',
  title: 'Betweenness (bipartite)',
  formula: 'Σ_{s≠v≠t} σ_st(v)/σ_st over unordered pairs (Brandes 2001), divided by b_max(side)',
  normalisation: 'b_max = ½[m²(s+1)² + m(s+1)(2t−s−1) − t(2s−t+3)], s,t = divmod(n−1, m), n own side, m other side (NetworkX bipartite.betweenness_centrality)',
  reference: `${BRANDES}; normalisation: Borgatti & Halgin 2011, doi:10.4135/9781446294413.n28`,
  sides: BOTH, digits: 4, schema: { $ref: '#/$defs/unit' },
  column: { id: 'betweenness_bipartite', title: 'Betweenness (bipartite-normalised)', type: 'double' },
  explain: 'how often a place lies on the shortest route between two others, divided by the largest value possible in a bipartite graph of this shape.',
  panel: 'Betweenness (bipartite-normalised)', city: 'betweenness (bipartite)',
  value: (a, v) => a.paths.betweenness[v] as number,
});

const betweennessRaw = measure({
  id: 'betweennessRaw', title: 'Betweenness (raw)', formula: 'Σ_{s≠v≠t} σ_st(v)/σ_st over unordered pairs', normalisation: 'none (Gephi betweenesscentrality)',
  reference: BRANDES,
  sides: BOTH, digits: 4, schema: { type: 'number', minimum: 0 },
  column: { id: 'betweenesscentrality', title: 'Betweenness Centrality', type: 'double' },
  value: (a, v) => a.paths.betweennessRaw[v] as number,
});

const betweennessStdError = measure({
  id: 'betweennessStdError',
  title: 'Betweenness standard error (sampled)',
  formula: 'SE(v) = (N/2) · √((1 − k/N) · s²_v / k), s²_v the variance of δ_s(v) over the k pivots',
  normalisation: 'as betweenness (bipartite); null when betweenness is exact',
  reference: 'Brandes & Pich 2007, doi:10.1142/S0218127407018403',
  sides: BOTH, digits: 4, listed: false,
  schema: {
    description: 'Standard error of the sampled betweenness estimate (normalised like betweenness); null when betweenness is exact',
    type: ['number', 'null'],
    minimum: 0,
  },
  value: (a, v) => (a.paths.betweennessStdError ? (a.paths.betweennessStdError[v] as number) : null),
});

export const betweennessFamily = family({
  measures: [betweenness, betweennessRaw, betweennessStdError],
  columnOrder: ['betweennessRaw', 'betweenness'],
});
