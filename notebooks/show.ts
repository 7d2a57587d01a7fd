/**
 * Display helpers shared by the notebooks (Deno's Jupyter kernel). `table` shows rows as a Markdown
 * table in Jupyter / VS Code, with an aligned plain-text fallback (what a terminal or a diff sees);
 * `bars` draws a text histogram.
 */

/** A number for reading: integers as they are, small values in exponent form, the rest to `digits`. */
export function fmt(v: unknown, digits = 3): string {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    if (v !== 0 && Math.abs(v) < 10 ** -digits) return v.toExponential(2);
    return v.toFixed(digits);
  }
  if (Array.isArray(v)) return v.join(', ');
  return v === null || v === undefined ? '' : String(v);
}

/** Shows rows (objects with the same keys) as a table. */
export function table(rows: readonly Record<string, unknown>[], digits = 3): Promise<void> {
  const cols = Object.keys(rows[0] ?? {});
  const cells = rows.map((r) => cols.map((c) => fmt(r[c], digits)));
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const md = [
    `| ${cols.map(esc).join(' | ')} |`,
    `|${cols.map(() => '---').join('|')}|`,
    ...cells.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
  const width = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] as string).length)));
  const text = [cols, ...cells].map((r) => r.map((v, i) => v.padEnd(width[i] as number)).join('  ').trimEnd()).join('\n');
  return Deno.jupyter.display({ 'text/markdown': rows.length ? md : '*(no rows)*', 'text/plain': rows.length ? text : '(no rows)' }, { raw: true });
}

/** A horizontal bar chart in text: one line per label, bar length proportional to the value. */
export function bars(entries: readonly [string, number][], width = 40): string {
  const max = Math.max(1, ...entries.map(([, v]) => v));
  const pad = Math.max(...entries.map(([k]) => k.length));
  return entries.map(([k, v]) => `${k.padStart(pad)} │${'█'.repeat(Math.round((v / max) * width))} ${v}`).join('\n');
}
