/** Exact statistics primitives: tail probabilities, multiple-testing corrections, partition agreement. */
export { hypergeometricPmf, hypergeometricUpperTail } from './hypergeometric.js';
export { poissonBinomialUpperTail } from './poisson-binomial.js';
export { adjustPValues, benjaminiHochberg, holm } from './multiple-testing.js';
export { adjustedRandIndex, normalizedMutualInformation } from './partition-compare.js';
