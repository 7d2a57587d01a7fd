/** CI's reproducibility check: the committed reports are exactly what the current code writes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the committed reports for the seed', () => {
  it('are byte-identical to a fresh `twinnet report`', () => {
    const out = mkdtempSync(join(tmpdir(), 'twinnet-committed-'));
    const r = spawnSync(process.execPath, ['dist/twinnet.mjs', 'report', '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const written = readdirSync(out).sort();
    expect(written.length).toBeGreaterThan(3);
    for (const f of written) {
      const fresh = readFileSync(join(out, f));
      const committed = readFileSync(join('reports', f));
      expect(committed.equals(fresh), `reports/${f} differs from what the code writes: run \`npm run report\` and commit`).toBe(true);
    }
  });
});
