/** Failures on the output side end cleanly: one line naming the path and the cause, no stack, nothing half-written. */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = 'dist/twinnet.mjs';
const tmp = () => mkdtempSync(join(tmpdir(), 'twinnet-fail-'));

describe('output failures', () => {
  it('reports a full standard output in one line with exit code 1', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'partners', 'Bengbu'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^twinnet: <stdout>: cannot write: no space left on the device \(ENOSPC\)\n$/);
    } finally {
      closeSync(full);
    }
  });

  it('leaves every previous output and no temporary file when a directory stands where one output goes', () => {
    const out = tmp();
    writeFileSync(join(out, 'links.csv'), 'previous');
    mkdirSync(join(out, 'places.csv'));
    const r = spawnSync(process.execPath, [BIN, 'parse', '--out', out], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(out, 'places.csv')}: cannot write: a directory is in the way`);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(readdirSync(out).sort()).toEqual(['links.csv', 'places.csv']);
    expect(existsSync(join(out, 'dataset.json'))).toBe(false);
  });
});
