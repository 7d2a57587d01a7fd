/** Closeness: NetworkX's bipartite formula and Gephi's reciprocal mean distance (null when paths were sampled). */
import { BOTH, family, measure } from './measure.js';

const closeness = measure({
  id: 'closeness',
  title: 'Closeness (bipartite)',
  formula: '(m + 2(n−1)) / Σ_u d(v,u) × (r−1)/(N−1)',
  normalisation: 'NetworkX bipartite.closeness_centrality: bipartite optimum over the distance sum, scaled by the reachable share (r nodes reachable incl. v, N all nodes); can exceed 1 on a disconnected graph',
  reference: 'Borgatti & Halgin 2011, doi:10.4135/9781446294413.n28; Wasserman & Faust 1994, doi:10.1017/CBO9780511815478',
  sides: BOTH, digits: 4, schema: { type: ['number', 'null'], minimum: 0 },
  column: { id: 'closeness_bipartite', title: 'Closeness (NetworkX bipartite)', type: 'double' },
  explain: 'how near a place is to all the places it can reach (NetworkX\'s bipartite formula, scaled by the share of the network it can reach). On a network in pieces it can exceed 1 and favours places in small, closed pieces, so it is ranked here within the largest component only; harmonic closeness compares places across pieces.',
  rankedIn: 'largest-component',
  city: 'closeness (bipartite)',
  value: (a, v) => (a.paths.closeness ? (a.paths.closeness[v] as number) : null),
});

const closenessGephi = measure({
  id: 'closenessGephi', title: 'Closeness (Gephi)', formula: '(r−1) / Σ_u d(v,u)', normalisation: 'reciprocal of the mean distance to the reachable nodes, within the component',
  reference: 'Freeman 1978, doi:10.1016/0378-8733(78)90021-7',
  sides: BOTH, digits: 4, schema: { type: ['number', 'null'], minimum: 0, maximum: 1 },
  column: { id: 'closnesscentrality', title: 'Closeness Centrality', type: 'double' },
  value: (a, v) => (a.paths.closenessGephi ? (a.paths.closenessGephi[v] as number) : null),
});

export const closenessFamily = family({
  measures: [closeness, closenessGephi],
  columnOrder: ['closenessGephi', 'closeness'],
});
