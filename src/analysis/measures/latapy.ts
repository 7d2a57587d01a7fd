/** Latapy clustering (Latapy, Magnien & Del Vecchio 2008), mode dot, on the node's own side. */
import { BOTH, family, measure, sideAt } from './measure.js';

const latapy = measure({
  id: 'latapy', title: 'Latapy clustering', formula: 'mean over second neighbours u of |N(v)∩N(u)| / |N(v)∪N(u)|', normalisation: '0 without second neighbours (NetworkX bipartite.latapy_clustering, mode dot)',
  reference: 'Latapy, Magnien & Del Vecchio 2008, doi:10.1016/j.socnet.2007.04.006',
  sides: BOTH, digits: 4, schema: { $ref: '#/$defs/unit' },
  column: { id: 'latapy_clustering', title: 'Latapy clustering', type: 'double' },
  value: (a, v) => { const { side, i } = sideAt(a, v); return a.sides[side].latapy[i] as number; },
});

export const latapyFamily = family({ measures: [latapy] });
