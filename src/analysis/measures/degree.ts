/** Degree: the number of partners, raw and divided by the size of the other side. */
import { BOTH, family, measure } from './measure.js';

const degree = measure({
  id: 'degree', title: 'Degree', formula: 'd(v) = number of partners of v', normalisation: 'raw count',
  reference: 'Wasserman & Faust 1994, Social Network Analysis, doi:10.1017/CBO9780511815478',
  sides: BOTH, integer: true, digits: 4, schema: { $ref: '#/$defs/count' },
  column: { id: 'degree', title: 'Degree', type: 'integer' },
  explain: 'number of partners (the table also gives it divided by the size of the other side).',
  panel: 'Degree (partners)', city: 'partners',
  value: (a, v) => (a.unified.offsets[v + 1] as number) - (a.unified.offsets[v] as number),
});

const degreeCentrality = measure({
  id: 'degreeCentrality',
  title: 'Degree centrality (bipartite)',
  formula: 'd(v) / |opposite side|',
  normalisation: 'divided by the number of nodes on the other side (Borgatti & Halgin 2011; NetworkX bipartite.degree_centrality)',
  reference: 'Borgatti & Halgin 2011, Analyzing affiliation networks, doi:10.4135/9781446294413.n28',
  sides: BOTH, digits: 4, schema: { $ref: '#/$defs/unit' },
  column: { id: 'degree_bipartite', title: 'Degree / size of the other side', type: 'double' },
  city: 'degree / other side',
  value: (a, v) => {
    const g = a.unified;
    return ((g.offsets[v + 1] as number) - (g.offsets[v] as number)) / (v < g.n ? g.m : g.n);
  },
});

export const degreeFamily = family({ measures: [degree, degreeCentrality] });
