/**
 * Eigenvector centrality (Bonacich 1987): unit norm (NetworkX) and maximum 1 (Gephi's column). The
 * limit of NetworkX's power iteration, computed per component by Lanczos (centrality/eigenvector.ts).
 */
import { BOTH, family, measure } from './measure.js';

const REFERENCE = 'Bonacich 1987, doi:10.1086/228631';

const eigenvector = measure({
  id: 'eigenvector', title: 'Eigenvector centrality', formula: 'leading eigenvector of A (limit of power iteration on A+I from 1/N; computed by Lanczos on each component\'s B·Bᵀ)', normalisation: 'unit Euclidean norm (NetworkX eigenvector_centrality); concentrated on the component with the largest eigenvalue, 0 elsewhere',
  reference: REFERENCE,
  sides: BOTH, digits: 4, schema: { $ref: '#/$defs/unit' },
  explain: 'a place is central when its partners are central (unit-length vector; it concentrates on the component with the largest leading eigenvalue and is 0 elsewhere).',
  city: 'eigenvector',
  value: (a, v) => a.eigenvector.values[v] as number,
});

const eigenvectorMax = measure({
  id: 'eigenvectorMax', title: 'Eigenvector centrality (max = 1)', formula: 'as eigenvector', normalisation: 'divided by the maximum (Gephi eigencentrality)',
  reference: REFERENCE,
  sides: BOTH, digits: 4, schema: { $ref: '#/$defs/unit' },
  column: { id: 'eigencentrality', title: 'Eigenvector Centrality', type: 'double' },
  panel: 'Eigenvector (max = 1)',
  value: (a, v) => a.eigenvector.maxNormalized[v] as number,
});

export const eigenvectorFamily = family({ measures: [eigenvector, eigenvectorMax] });
