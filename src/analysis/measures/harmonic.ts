/** Harmonic closeness (Marchiori & Latora 2000), raw and divided by N − 1 (null when paths were sampled). */
import { BOTH, family, measure } from './measure.js';

const REFERENCE = 'Marchiori & Latora 2000, doi:10.1016/S0378-4371(00)00311-3; Boldi & Vigna 2014, doi:10.1080/15427951.2013.865686';

const harmonic = measure({
  id: 'harmonic', title: 'Harmonic closeness', formula: 'Σ_{u≠v} 1/d(v,u) (0 when unreachable)', normalisation: 'raw (NetworkX harmonic_centrality)',
  reference: REFERENCE,
  sides: BOTH, digits: 4, schema: { type: ['number', 'null'], minimum: 0 },
  explain: 'sum of 1/distance to every other place (0 for places it cannot reach) — the closeness that stays meaningful when the network is in pieces.',
  city: 'harmonic closeness',
  value: (a, v) => (a.paths.harmonic ? (a.paths.harmonic[v] as number) : null),
});

const harmonicNormalized = measure({
  id: 'harmonicNormalized', title: 'Harmonic closeness (normalised)', formula: 'Σ_{u≠v} 1/d(v,u) / (N−1)', normalisation: 'divided by N−1 (Gephi harmonicclosnesscentrality); well defined on a disconnected graph',
  reference: REFERENCE,
  sides: BOTH, digits: 4, schema: { type: ['number', 'null'], minimum: 0, maximum: 1 },
  column: { id: 'harmonicclosnesscentrality', title: 'Harmonic Closeness Centrality', type: 'double' },
  panel: 'Harmonic closeness (÷ N−1)',
  value: (a, v) => (a.paths.harmonicNormalized ? (a.paths.harmonicNormalized[v] as number) : null),
});

export const harmonicFamily = family({ measures: [harmonic, harmonicNormalized] });
