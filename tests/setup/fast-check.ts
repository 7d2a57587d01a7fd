/**
 * Property tests draw from one fixed seed, so that a run of the suite is the same run every time (CI
 * cannot pass today and fail tomorrow on the same commit). `FC_SEED=<n>` draws from another seed and
 * `FC_SEED=random` from a fresh one each run, to search wider; a failure prints its seed and path.
 */
import fc from 'fast-check';

const asked = process.env['FC_SEED'];
if (asked !== 'random') fc.configureGlobal({ seed: asked === undefined ? 42 : Number(asked) });
